import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware } from "better-auth/api";
import { serverConfig } from "@/config/env";

const arrivedAt = new WeakMap<object, number>();

/** The sign-up form's endpoint: the one that answers about any email. */
const isSignUp = (ctx: { path?: string }) => ctx.path === "/sign-up/passkey";

/**
 * The sign-up form answers a taken email exactly like a new one, but a new one costs a write a
 * taken one does not (the pending sign-up), which a stopwatch could tell apart. So no sign-up
 * answer leaves sooner than `SIGN_UP_ANSWER_FLOOR_MS` after its request arrived: long enough to
 * cover that work on a busy server, short for a form submitted once.
 */
export function evenSignUpTiming(): NonNullable<BetterAuthPlugin["hooks"]> {
  return {
    before: [
      {
        matcher: isSignUp,
        handler: createAuthMiddleware(async (ctx) => {
          if (ctx.request) arrivedAt.set(ctx.request, performance.now());
        }),
      },
    ],
    after: [
      {
        matcher: isSignUp,
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
