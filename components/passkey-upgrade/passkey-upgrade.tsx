"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextLink } from "@/components/ui/text-link";
import { routes } from "@/config/site";
import { authClient } from "@/lib/auth-client";

type Offer = "none" | "banner" | "added";

/** WebAuthn's conditional create: the password manager may add a passkey without asking. */
async function supportsConditionalCreate(): Promise<boolean> {
  if (typeof PublicKeyCredential === "undefined") return false;
  const withCapabilities = PublicKeyCredential as unknown as {
    getClientCapabilities?: () => Promise<Record<string, boolean | undefined>>;
  };
  const capabilities = await withCapabilities.getClientCapabilities?.().catch(() => undefined);
  return capabilities?.conditionalCreate === true;
}

/**
 * After a password sign-in, at most once a week (the server decides and records it): a passkey
 * made quietly by the password manager where the browser can, else a banner the user can dismiss.
 */
export function PasskeyUpgrade() {
  const router = useRouter();
  const [offer, setOffer] = useState<Offer>("none");
  // One offer per page, also under React's development double effects.
  const asked = useRef(false);

  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    (async () => {
      const { data } = await authClient.passkeyUpgrade.offer();
      if (!data?.offer) return;
      if (!(await supportsConditionalCreate())) return setOffer("banner");
      // Declined or unsupported by the password manager: nothing to show, as nothing was asked.
      const { error } = await authClient.passkey.addPasskey({ useAutoRegister: true });
      if (!error) {
        setOffer("added");
        router.refresh();
      }
    })();
  }, [router]);

  if (offer === "added") {
    return (
      <div className="mb-6" role="status">
        <Notice tone="success">
          Your password manager added a passkey: next time, sign in with it.{" "}
          <TextLink href={routes.saveRecoveryCodes} tone="inherit">
            Get your recovery codes
          </TextLink>{" "}
          in case you lose it.
        </Notice>
      </div>
    );
  }
  if (offer !== "banner") return null;
  return (
    <section
      aria-labelledby="passkey-upgrade-title"
      className="mb-6 flex flex-col gap-3 rounded-xl border border-blue-200 bg-blue-50 p-4 sm:flex-row sm:items-center dark:border-blue-900 dark:bg-blue-950/40"
    >
      <div className="flex-1">
        <h2 id="passkey-upgrade-title" className="font-medium">
          Skip the password next time — add a passkey
        </h2>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          Sign in with your fingerprint, face or screen lock. Nothing to remember, nothing to phish.
        </p>
      </div>
      <div className="flex gap-2">
        <Button onClick={() => router.push(routes.passkeys)}>Add a passkey</Button>
        <Button variant="ghost" onClick={() => setOffer("none")}>
          Not now
        </Button>
      </div>
    </section>
  );
}
