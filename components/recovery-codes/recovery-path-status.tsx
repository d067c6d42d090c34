import { Notice } from "@/components/ui/notice";
import { TextLink } from "@/components/ui/text-link";
import type { RecoveryPath } from "@/lib/recovery-codes/recovery-path";
import { recoveryCodeRoutes } from "@/lib/recovery-codes/routes";

const codes = (count: number) => `${count} recovery ${count === 1 ? "code" : "codes"}`;

/** Whether, and how, the account gets back in if every passkey is lost: said plainly, with what to do. */
export function RecoveryPathStatus({ path, remaining }: { path: RecoveryPath; remaining: number }) {
  const generate = (
    <TextLink href={recoveryCodeRoutes.manage} tone="inherit">
      Generate recovery codes
    </TextLink>
  );
  switch (path) {
    case "ready":
      return (
        <Notice tone="success">
          <strong className="font-semibold">Recovery codes: {remaining} left.</strong> If you lose your
          passkeys, one of them gets you back in.
        </Notice>
      );
    case "low":
      return (
        <Notice tone="error">
          <strong className="font-semibold">Only {codes(remaining)} left.</strong> {generate} before you run
          out.
        </Notice>
      );
    case "declined":
      return (
        <Notice tone="error">
          <strong className="font-semibold">No recovery path: you chose to go without recovery codes.</strong>{" "}
          If you lose your passkeys, you may not get back into your account. {generate}.
        </Notice>
      );
    case "none":
      return (
        <Notice tone="error">
          <strong className="font-semibold">No recovery path.</strong> If you lose your passkeys, you may not
          get back into your account. {generate}.
        </Notice>
      );
  }
}
