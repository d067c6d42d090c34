import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth";
import { guardAuthApi } from "@/lib/auth/api-handler";

export const { GET, POST } = toNextJsHandler(guardAuthApi((request) => auth().handler(request)));
