import { type NextRequest, NextResponse } from "next/server";

/** Where a form the browser sent by itself ends up: a page that says what happened. */
export const NEEDS_JAVASCRIPT_PATH = "/needs-javascript";

/**
 * A form the browser sent itself, to a page: every form posts to its own page (components/ui/form.tsx)
 * and is sent by the page's scripts, so this one was sent before they ran, or without them. A server
 * action is never taken for one: it carries a Next-Action header, or is multipart/form-data.
 */
export function isNativeFormPost(request: NextRequest): boolean {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return (
    request.method === "POST" &&
    mediaType === "application/x-www-form-urlencoded" &&
    !request.headers.has("next-action") &&
    !request.nextUrl.pathname.startsWith("/api/")
  );
}

/**
 * Sends the browser on to the page that says JavaScript is needed, and back to the form from there.
 * The body, which may hold a password, is never read; the address holds only the form page's own,
 * which held no field. 303 makes the browser follow with a GET, so no POST stays in its history to
 * be sent again.
 */
export function redirectToNeedsJavaScript(request: NextRequest): NextResponse {
  const target = new URL(NEEDS_JAVASCRIPT_PATH, request.url);
  target.searchParams.set("from", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(target, 303);
}
