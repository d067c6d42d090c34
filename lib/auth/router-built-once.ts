import type { AuthContext, BetterAuthOptions } from "@better-auth/core";
import { runWithAdapter } from "@better-auth/core/context";
import { router } from "better-auth/api";

type Handler = (request: Request) => Promise<Response>;

/** The two parts of a Better Auth instance that its `handler` is made of. */
export type BetterAuthInstance = { $context: Promise<unknown>; options: BetterAuthOptions };

/**
 * Better Auth's `auth.handler` with its router built once instead of on every request.
 *
 * In better-auth 1.7.7 `auth.handler` copies the auth context, recomputes the trusted origins and
 * providers for the request, and then calls `router(context, options)`, which rebuilds every
 * endpoint wrapper and the route table: about two thirds of Better Auth's fixed cost per request
 * (better-auth/better-auth#10188; the upstream fix is better-auth/better-auth#10287). This does
 * the same steps once. That is equivalent only while nothing in that context depends on the request:
 * a fixed `baseURL`, and trusted origins and providers given as lists rather than functions, which is
 * how lib/auth.ts configures Better Auth; `assertRequestIndependent` refuses anything else.
 * test/integration/router-built-once.test.ts fails when Better Auth's handler no longer has the
 * shape copied here; remove this module when an upstream release builds the router once.
 */
export function handlerWithRouterBuiltOnce(auth: BetterAuthInstance): Handler {
  let built: Promise<Handler> | undefined;
  return async (request) => {
    built ??= (auth.$context as Promise<AuthContext>).then((context) => {
      assertRequestIndependent(auth.options);
      // A copy, as Better Auth makes per request, so that what the router's hooks write on it stays
      // off the context that `auth.api` calls use.
      const routerContext: AuthContext = Object.create(
        Object.getPrototypeOf(context),
        Object.getOwnPropertyDescriptors(context),
      );
      const { handler } = router(routerContext, auth.options);
      // As Better Auth does: the adapter in async-local storage, for its transactions and hooks.
      return async (request: Request) => runWithAdapter(routerContext.adapter, () => handler(request));
    });
    return (await built)(request);
  };
}

/** The options under which Better Auth's per-request context is the same for every request. */
export function assertRequestIndependent(options: BetterAuthOptions): void {
  const providers = options.account?.accountLinking?.trustedProviders;
  if (
    typeof options.baseURL !== "string" ||
    typeof options.trustedOrigins === "function" ||
    typeof providers === "function"
  ) {
    throw new Error(
      "The router is built once only for a fixed baseURL and fixed lists of trusted origins and providers",
    );
  }
}
