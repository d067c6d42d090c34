import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import { serverConfig } from "@/config/env";

const arrivedAt = new WeakMap<object, number>();

/**
 * Some answers say the same words whether or not an address has an account (the sign-up form's, a
 * request to move an account to a new address, a request for a password reset link), but a free address costs writes a taken one does
 * not, which a stopwatch could tell apart. So no answer of the endpoints at `paths` leaves sooner
 * than `SIGN_UP_ANSWER_FLOOR_MS` after its request arrived: long enough to cover that work on a
 * busy server, short for a form submitted once. The hooks go in the plugin that owns the endpoints.
 */
export function evenAnswerTiming(
  paths: ReadonlySet<string>,
): Required<NonNullable<BetterAuthPlugin["hooks"]>> {
  const matcher = (ctx: { path?: string }) => paths.has(ctx.path ?? "");
  return {
    before: [
      {
        matcher,
        handler: createAuthMiddleware(async (ctx) => {
          if (ctx.request) arrivedAt.set(ctx.request, performance.now());
        }),
      },
    ],
    after: [
      {
        matcher,
        handler: createAuthMiddleware(async (ctx) => {
          const arrived = ctx.request && arrivedAt.get(ctx.request);
          if (arrived === undefined) return;
          const wait = arrived + serverConfig().signUpAnswerFloorMs - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        }),
      },
    ],
  };
}
