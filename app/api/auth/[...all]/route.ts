import { toNextJsHandler } from "better-auth/next-js";
import { apiSurface, auth } from "@/lib/auth";
import { guardAuthApi } from "@/lib/auth/api-handler";
import { withApiSecurityHeaders } from "@/lib/auth/api-headers";
import { handlerWithRouterBuiltOnce } from "@/lib/auth/router-built-once";
import { withStandardRetryAfter } from "@/lib/rate-limit";

let handler: ((request: Request) => Promise<Response>) | undefined;

const guarded = guardAuthApi(apiSurface, async (request) => {
  handler ??= handlerWithRouterBuiltOnce(auth());
  return withStandardRetryAfter(await handler(request));
});

export const { GET, POST } = toNextJsHandler(async (request: Request) =>
  withApiSecurityHeaders(await guarded(request)),
);
