import type { FeatureUi } from "@/components/slots/feature-ui";
import { Notice } from "@/components/ui/notice";
import { TextLink } from "@/components/ui/text-link";
import { routes } from "@/config/site";
import { recoveryPath } from "@/lib/recovery-codes/recovery-path";
import { recoveryCodeRoutes } from "@/lib/recovery-codes/routes";
import { recoveryCodeStatus } from "@/lib/recovery-codes/status";
import { RecoveryCodesWarning } from "./recovery-codes-warning";
import { RecoveryPathStatus } from "./recovery-path-status";

/** The security overview's word on the account's way back in. */
async function RecoveryPathSection({ userId }: { userId: string }) {
  const status = await recoveryCodeStatus(userId);
  return (
    <section aria-labelledby="recovery-path" className="flex flex-col gap-3">
      <h2 id="recovery-path" className="text-lg font-semibold">
        Your account's recovery path
      </h2>
      <RecoveryPathStatus path={recoveryPath(status)} remaining={status.remaining} />
    </section>
  );
}

/** Back in with a code: how many are left; and, for an account with passkeys but no codes, a warning. */
async function PasskeysNotices({
  userId,
  hasPasskeys,
  recovered,
}: {
  userId: string;
  hasPasskeys: boolean;
  recovered: boolean;
}) {
  const { remaining, total, declinedAt } = await recoveryCodeStatus(userId);
  return (
    <>
      {recovered && (
        <Notice tone={remaining <= 2 ? "error" : "success"}>
          You're back in. Add a new passkey now, so that next time you won't need a recovery code. You have{" "}
          {remaining} recovery {remaining === 1 ? "code" : "codes"} left
          {remaining <= 2 && (
            <>
              :{" "}
              <TextLink href={recoveryCodeRoutes.manage} tone="inherit">
                generate new ones
              </TextLink>{" "}
              soon
            </>
          )}
          .
        </Notice>
      )}
      {hasPasskeys && total === 0 && !declinedAt && <RecoveryCodesWarning />}
    </>
  );
}

/** What the recovery codes show outside their own pages (components/slots/feature-ui.ts). */
export const recoveryCodesUi: FeatureUi = {
  id: "recovery-codes",
  settingsPages: [
    {
      href: recoveryCodeRoutes.manage,
      label: "Recovery codes",
      summary: "One-time codes that get you back in without a passkey.",
      after: routes.passkeys,
    },
  ],
  SecurityOverviewSection: RecoveryPathSection,
  PasskeysNotices,
  wayBackIn: {
    lostPasskeyLink: <TextLink href={recoveryCodeRoutes.signIn}>Lost your passkey?</TextLink>,
    forgotPasswordHint: (
      <>
        An account that signs in with passkeys only has no password to reset: if you lost your passkeys,{" "}
        <TextLink href={recoveryCodeRoutes.signIn}>sign in with a recovery code</TextLink>.
      </>
    ),
    afterPasskeyAdded: (
      <>
        <TextLink href={recoveryCodeRoutes.setUp} tone="inherit">
          Get your recovery codes
        </TextLink>{" "}
        in case you lose it.
      </>
    ),
    getOne: { href: recoveryCodeRoutes.manage, text: "Get recovery codes" },
    setUpHref: (next, { welcome = false } = {}) => {
      const query = new URLSearchParams();
      if (welcome) query.set("welcome", "1");
      if (next) query.set("next", next);
      const search = query.toString();
      return search ? `${recoveryCodeRoutes.setUp}?${search}` : recoveryCodeRoutes.setUp;
    },
  },
};
