"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Notice } from "@/components/ui/notice";
import { authClient } from "@/lib/auth-client";
import { PasskeyOfferBanner } from "./passkey-offer-banner";

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
 * After a password sign-in, at most once a week: a passkey made quietly by the password manager
 * where the browser can, else (or when it quietly declined) a banner the user can dismiss. The week
 * is spent only by an offer made: the banner on screen (lib/passkey-upgrade/server.ts). A passkey
 * the password manager added needs no record, as an account with a passkey is never offered one.
 * `afterPasskeyAdded`: where to get a way back in for it, when a feature offers one.
 */
export function PasskeyUpgrade({ afterPasskeyAdded }: { afterPasskeyAdded?: ReactNode }) {
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
      const { error } = await authClient.passkey.addPasskey({ useAutoRegister: true });
      // Declined, silently, by the password manager: the user saw nothing, so they are asked in words.
      if (error) return setOffer("banner");
      setOffer("added");
      router.refresh();
    })();
  }, [router]);

  if (offer === "added") {
    return (
      <div className="mb-6" role="status">
        <Notice tone="success">
          Your password manager added a passkey: next time, sign in with it.
          {afterPasskeyAdded && <> {afterPasskeyAdded}</>}
        </Notice>
      </div>
    );
  }
  if (offer !== "banner") return null;
  return <PasskeyOfferBanner onDismiss={() => setOffer("none")} />;
}
