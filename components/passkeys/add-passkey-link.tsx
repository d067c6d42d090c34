import type { ButtonVariant } from "@/components/ui/button-style";
import { LinkButton } from "@/components/ui/link-button";
import { routes } from "@/config/site";

/** The passkeys page, opened ready to add one: the name field focused, its guess filled in. */
export const ADD_PASSKEY_HREF = `${routes.passkeys}?add=1`;

/**
 * Every offer of a passkey, wherever it is made, in the same words and to the same place: the
 * passkeys page, where the new passkey then shows in the list.
 */
export function AddPasskeyLink({ variant = "primary" }: { variant?: ButtonVariant }) {
  return (
    <LinkButton href={ADD_PASSKEY_HREF} variant={variant}>
      Add a passkey
    </LinkButton>
  );
}
