"use client";

import { useRouter } from "next/navigation";
import { type ComponentProps, useState } from "react";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/auth-client";

type SignOutButtonProps = {
  /** Where the sign-in page sends the user afterwards. */
  next?: string;
  label?: string;
  variant?: ComponentProps<typeof Button>["variant"];
};

export function SignOutButton({ next, label = "Sign out", variant = "ghost" }: SignOutButtonProps) {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function signOut() {
    setPending(true);
    await authClient.signOut();
    router.replace(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
    router.refresh();
  }

  return (
    <Button variant={variant} onClick={signOut} pending={pending}>
      {label}
    </Button>
  );
}
