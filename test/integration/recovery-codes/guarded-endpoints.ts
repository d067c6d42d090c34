import { signUp } from "../../helpers/browser";
import type { GuardedCase } from "../../helpers/guarded-endpoints";
import type { ApiError } from "../../helpers/passkey-ceremonies";
import { eventsOf } from "../../helpers/rows";

/** The recovery codes' sensitive endpoints, for test/integration/step-up.test.ts. */
export const guardedEndpoints: GuardedCase[] = [
  {
    name: "generating recovery codes",
    setup: () => signUp(),
    act: async ({ browser, user }) => {
      const response = await browser.post<ApiError>("/recovery-codes/generate");
      return {
        response,
        changed: async () => (await eventsOf(user.id, "recovery_codes_generated")).length === 1,
      };
    },
  },
];
