import { TextField } from "./text-field";

/**
 * The account's existing password, under the form field name "password". Marked as the current
 * one, so password managers fill in the saved password instead of offering to make up a new one.
 */
export function CurrentPasswordField() {
  return (
    <TextField label="Password" name="password" type="password" required autoComplete="current-password" />
  );
}
