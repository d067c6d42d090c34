"use client";

import { useState } from "react";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { useFragmentToken } from "@/components/auth/use-fragment-token";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { TextLink } from "@/components/ui/text-link";
import { routes } from "@/config/site";
import { authClient } from "@/lib/auth-client";
import { NewPasswordField } from "./new-password-field";

/** Sets the new password with the mailed link's token; every session of the account ends with it. */
export function ResetPasswordForm() {
  const token = useFragmentToken();
  if (token === null) {
    return (
      <Notice tone="error">
        This link is incomplete. Open the link from the mail again, or{" "}
        <TextLink href={routes.forgotPassword} tone="inherit">
          ask for a new one
        </TextLink>
        .
      </Notice>
    );
  }
  // Keyed by the token: a link pasted over another starts afresh.
  return <NewPasswordForm key={token} token={token} />;
}

/** Until the page has read the link, `token` is undefined and nothing can be sent. */
function NewPasswordForm({ token }: { token: string | undefined }) {
  const [done, setDone] = useState(false);
  /** The link expired, was used, or is for a password that has changed since: only a new one helps. */
  const [linkRefused, setLinkRefused] = useState(false);
  const { onSubmit, pending, error } = useAuthForm(
    async (form) => {
      if (!token) return { message: "This link is incomplete. Open the link from the mail again." };
      const { error } = await authClient.resetPassword({
        token,
        newPassword: String(form.get("newPassword")),
      });
      setLinkRefused(error?.code === "INVALID_TOKEN");
      return error;
    },
    () => setDone(true),
  );

  if (done) {
    return (
      <div role="status" className="flex flex-col gap-4">
        <h2 className="text-lg font-semibold">Your password is changed</h2>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          Every session of your account was signed out. <TextLink href="/sign-in">Sign in</TextLink> with your
          new password.
        </p>
      </div>
    );
  }
  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Choose a new password">
      <NewPasswordField />
      <LiveRegion>
        {error && (
          <Notice tone="error">
            {error}
            {linkRefused && (
              <>
                {" "}
                <TextLink href={routes.forgotPassword} tone="inherit">
                  Ask for a new link
                </TextLink>
                .
              </>
            )}
          </Notice>
        )}
      </LiveRegion>
      <Button type="submit" pending={pending}>
        Set new password
      </Button>
    </Form>
  );
}
