import { getSessionCookie } from "better-auth/cookies";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path";
import { safeNext } from "@/lib/http/safe-next";

/**
 * The signed-in user's session for this request, read once however many components ask. A request
 * without a session cookie has none, and is answered without loading the auth server at all: the
 * signed-out pages (sign-in, sign-up) then render without Better Auth, its plugins or a database.
 */
export const getSession = cache(async () => {
  // headers() first: during `next build` it ends prerendering before auth() asks for a secret.
  const requestHeaders = await headers();
  if (!getSessionCookie(requestHeaders)) return null;
  const { auth } = await import("@/lib/auth");
  return auth().api.getSession({ headers: requestHeaders });
});

/**
 * The session, or a trip to the sign-in page that returns here afterwards. proxy.ts already turns
 * away requests without a session cookie; this also catches expired and revoked sessions.
 */
export async function requireSession() {
  const session = await getSession();
  if (!session) {
    const path = safeNext((await headers()).get(REQUEST_PATH_HEADER));
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  return session;
}
