import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth";
import { guardAuthApi } from "@/lib/auth/api-handler";
import { withStandardRetryAfter } from "@/lib/rate-limit";

export const { GET, POST } = toNextJsHandler(
  guardAuthApi(async (request) => withStandardRetryAfter(await auth().handler(request))),
);
