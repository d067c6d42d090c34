"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { LinkButton } from "@/components/ui/link-button";
import { Notice } from "@/components/ui/notice";
import { site } from "@/config/site";
import { authClient } from "@/lib/auth-client";
import { recoveryCodeRoutes } from "@/lib/recovery-codes/routes";

/** Shown while an account with passkeys has no way back in should it lose them. */
export function RecoveryCodesWarning() {
  const router = useRouter();
  const pathname = usePathname();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);

  async function decline() {
    setPending(true);
    await authClient.recoveryCodes.decline();
    setPending(false);
    setConfirming(false);
    router.refresh();
  }

  return (
    <Notice tone="error">
      <p>
        <strong className="font-semibold">You have no recovery codes.</strong> If you lose the devices your
        passkeys are on, you could be locked out of your account.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <LinkButton href={`${recoveryCodeRoutes.setUp}?next=${encodeURIComponent(pathname)}`}>
          Get recovery codes
        </LinkButton>
        <Button variant="ghost" className="h-10" onClick={() => setConfirming(true)}>
          Continue without
        </Button>
      </div>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title="Go without recovery codes?">
        <div className="flex flex-col gap-4 text-sm">
          <p>
            Without recovery codes, losing your passkeys can mean losing your account for good. Nobody at{" "}
            {site.name} can let you back in.
          </p>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setConfirming(false)} autoFocus>
              Get codes instead
            </Button>
            <Button variant="danger" onClick={decline} pending={pending}>
              I accept that I may lose access
            </Button>
          </div>
        </div>
      </Dialog>
    </Notice>
  );
}
