"use client";

import { useEffect, useState } from "react";
import { useFragmentToken } from "@/components/auth/use-fragment-token";
import { authClient } from "@/lib/auth-client";
import type { AuthClientError } from "@/lib/auth-messages";

/** The mailed link, as its page knows it: read, asked about, and found usable or dead. */
export type SignUpLink =
  | { state: "reading" }
  | { state: "incomplete" }
  | { state: "checking"; token: string }
  | { state: "usable"; token: string }
  | { state: "dead"; token: string; error: AuthClientError };

/** The link cannot create an account any more: it expired or was used, or the address has one. */
export function isDeadLink(error: AuthClientError): boolean {
  return error.code === "SIGN_UP_LINK_INVALID" || error.code === "ACCOUNT_EXISTS";
}

/**
 * The sign-up link in the address bar, asked about as soon as it is there, so that a used or
 * expired one says so before anyone creates a passkey or chooses a password. Asking consumes
 * nothing. A check that fails for another reason (the network, a rate limit) leaves the link
 * usable: finishing it tells the truth anyway.
 */
export function useSignUpLink(): SignUpLink {
  const token = useFragmentToken();
  const [verdict, setVerdict] = useState<{ token: string; error: AuthClientError | null } | null>(null);

  useEffect(() => {
    if (!token) return;
    let current = true;
    authClient.signUp
      .checkLink({ token })
      .then(({ error }) => current && setVerdict({ token, error }))
      .catch(() => current && setVerdict({ token, error: null }));
    return () => {
      current = false;
    };
  }, [token]);

  if (token === undefined) return { state: "reading" };
  if (token === null) return { state: "incomplete" };
  if (verdict?.token !== token) return { state: "checking", token };
  return verdict.error && isDeadLink(verdict.error)
    ? { state: "dead", token, error: verdict.error }
    : { state: "usable", token };
}
