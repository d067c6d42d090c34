import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { serverConfig } from "@/config/env";
import { REQUEST_PATH_HEADER } from "@/lib/auth/request-path";
import { isNativeFormPost, redirectToNeedsJavaScript } from "@/lib/http/native-form-post";
import { createNonce, securityHeaders } from "@/lib/http/security-headers";

const PROTECTED_PATHS = ["/dashboard", "/settings", "/setup", "/admin"];

const isProtected = (pathname: string) =>
  PROTECTED_PATHS.some((path) => pathname === path || pathname.startsWith(`${path}/`));

/**
 * Runs before every page (not the auth API): sends the security headers, with a fresh CSP nonce that
 * Next.js reads back from the request to mark its own scripts, and makes an optimistic check at the
 * edge of every protected page: no session cookie, no page. It reads no database, so the pages
 * themselves still verify the session (lib/session.ts). A form the browser sent itself, without
 * the page's scripts, goes to a page that says so.
 */
export function proxy(request: NextRequest) {
  const { appUrl, isProduction } = serverConfig();
  const headers = securityHeaders({
    nonce: createNonce(),
    https: appUrl.startsWith("https:"),
    production: isProduction,
  });
  const path = request.nextUrl.pathname + request.nextUrl.search;

  let response: NextResponse;
  if (isNativeFormPost(request)) {
    response = redirectToNeedsJavaScript(request);
  } else if (isProtected(request.nextUrl.pathname) && !getSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("next", path);
    response = NextResponse.redirect(signIn);
  } else {
    const forwarded = new Headers(request.headers);
    forwarded.set(REQUEST_PATH_HEADER, path);
    forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]);
    response = NextResponse.next({ request: { headers: forwarded } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// Everything but the build's static files, the icon, the auth API, which sets its own headers
// (lib/auth/api-headers.ts) and has no page to guard, and the passkey providers' icons, which set
// theirs (app/authenticator-icons/) and are no page either. Next reads this at build time, so it must stay
// a literal.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.svg|api/auth/|authenticator-icons/).*)"],
};
