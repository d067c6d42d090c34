import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth";
import { guardAuthApi } from "@/lib/auth/api-handler";
import { handlerWithRouterBuiltOnce } from "@/lib/auth/router-built-once";
import { withStandardRetryAfter } from "@/lib/rate-limit";

let handler: ((request: Request) => Promise<Response>) | undefined;

export const { GET, POST } = toNextJsHandler(
  guardAuthApi(async (request) => {
    handler ??= handlerWithRouterBuiltOnce(auth());
    return withStandardRetryAfter(await handler(request));
  }),
);
