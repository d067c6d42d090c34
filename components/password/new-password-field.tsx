import { TextField } from "@/components/ui/text-field";

/**
 * A password being chosen, under the form field name "newPassword", held in the browser to the rule
 * the server applies to every new password (Better Auth's 8 to 128 characters, as at sign-up).
 * Marked as new, so that password managers offer to make one up and save it.
 */
export function NewPasswordField({ label = "New password" }: { label?: string }) {
  return (
    <TextField
      label={label}
      name="newPassword"
      type="password"
      required
      minLength={8}
      maxLength={128}
      autoComplete="new-password"
      hint="At least 8 characters."
    />
  );
}
