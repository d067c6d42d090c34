"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { TextLink } from "@/components/ui/text-link";
import { routes } from "@/config/site";
import { PASSWORD_ERROR_CODES } from "@/lib/password/error-codes";
import type { PasswordRemovalBlocker, PasswordStatus } from "@/lib/password/passwordless";
import { AddPasswordForm } from "./add-password-form";
import { ChangePasswordForm } from "./change-password-form";
import { RemovePassword } from "./remove-password";
import { SignInMethodsSummary } from "./sign-in-methods-summary";

type Remedy = { href: string; text: string };

const ADD_PASSKEY: Remedy = { href: routes.passkeys, text: "Add a passkey" };

/**
 * Where to go to lift what keeps the password from going. Without a way back in, `getWayBackIn`
 * (when a feature offers one) or a second passkey lifts it.
 */
function remedyFor(blocker: PasswordRemovalBlocker | null, getWayBackIn: Remedy | null): Remedy | null {
  switch (blocker) {
    case null:
    case "NO_PASSWORD":
      return null;
    case "NO_PASSKEY":
      return ADD_PASSKEY;
    case "NO_RECOVERY_PATH":
      return getWayBackIn ?? ADD_PASSKEY;
  }
}

/**
 * The account page's password section: what the account signs in with, then changing the password
 * and going passwordless, or adding one to a passkey-only account. After a removal or an addition
 * the page is read again, and the outcome is announced here, where focus goes.
 */
export function PasswordSettings({
  status,
  getWayBackIn,
}: {
  status: PasswordStatus;
  getWayBackIn: Remedy | null;
}) {
  const router = useRouter();
  const heading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  // Moved once React has rendered the change: after the dialog, if any, has closed and handed focus
  // back to a button the new state no longer shows.
  const [focusHeading, setFocusHeading] = useState(false);

  useEffect(() => {
    if (!focusHeading) return;
    heading.current?.focus();
    setFocusHeading(false);
  }, [focusHeading]);

  function changed(outcome: string) {
    setAnnouncement(outcome);
    setFocusHeading(true);
    router.refresh();
  }

  const remedy = remedyFor(status.removalBlocker, getWayBackIn);
  return (
    <section aria-labelledby="password-heading" className="flex flex-col gap-3">
      <h2
        id="password-heading"
        ref={heading}
        tabIndex={-1}
        className="self-start rounded-sm text-lg font-medium focus:outline-2 focus:outline-offset-2 focus:outline-blue-600"
      >
        Password
      </h2>
      <SignInMethodsSummary passkeys={status.passkeys} hasPassword={status.hasPassword} />
      <LiveRegion>{announcement && <Notice tone="success">{announcement}</Notice>}</LiveRegion>
      {status.hasPassword ? (
        <>
          <ChangePasswordForm />
          <h3 className="mt-4 font-medium">Go passwordless</h3>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            With your password gone, there is nothing left to phish: your passkeys sign you in, and a recovery
            code or a second passkey gets you back in if you lose one.
          </p>
          {status.removalBlocker === null ? (
            <RemovePassword
              onRemoved={() => changed("Your password is removed: you sign in with your passkeys.")}
            />
          ) : (
            <Notice>
              {PASSWORD_ERROR_CODES[status.removalBlocker].message}
              {remedy && (
                <>
                  {" "}
                  <TextLink href={remedy.href} tone="inherit">
                    {remedy.text}
                  </TextLink>
                  .
                </>
              )}
            </Notice>
          )}
        </>
      ) : (
        <>
          <p className="text-sm text-neutral-600 dark:text-neutral-400">
            You can add a password to sign in where you have no passkey. It makes your account easier to phish
            again: a look-alike site can ask you for it.
          </p>
          <AddPasswordForm onAdded={() => changed("Password added: you can sign in with it too.")} />
        </>
      )}
    </section>
  );
}
