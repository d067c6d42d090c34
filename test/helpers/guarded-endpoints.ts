import type { ApiResponse, signUp } from "./browser";
import type { ApiError } from "./passkey-ceremonies";

type Account = Awaited<ReturnType<typeof signUp>>;

/**
 * A sensitive endpoint, as test/integration/step-up.test.ts checks each: it answers 403 without a
 * recent step-up, and acts with one. A feature lists its own in
 * test/integration/<feature>/guarded-endpoints.ts, which that test collects.
 */
export type GuardedCase = {
  name: string;
  setup: () => Promise<Account>;
  /** Performs the action; `changed` then says whether it took effect. */
  act: (account: Account) => Promise<{ response: ApiResponse<ApiError>; changed: () => Promise<boolean> }>;
};
