import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth";
import { withStandardRetryAfter } from "@/lib/rate-limit";

export const { GET, POST } = toNextJsHandler(async (request) =>
  withStandardRetryAfter(await auth().handler(request)),
);
