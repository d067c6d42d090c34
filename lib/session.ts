import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path";
import { safeNext } from "@/lib/http/safe-next";

/** The signed-in user's session for this request, read once however many components ask. */
export const getSession = cache(async () => {
  // headers() first: during `next build` it ends prerendering before auth() asks for a secret.
  const requestHeaders = await headers();
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
