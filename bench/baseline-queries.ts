/** What bench/baseline-server.ts sends to PostgreSQL, endpoint by endpoint, one line per round trip. */
export const BASELINE_QUERIES: Record<string, string[]> = {
  "GET generate-authenticate-options": ["INSERT verifications (challenge)"],
  "POST verify-authentication": [
    "DELETE verifications … RETURNING (consume challenge)",
    "SELECT passkeys by credential_id",
    "UPDATE passkeys SET counter, last_used_at",
    "INSERT sessions (with passkey_id, sign_in_method)",
    "SELECT users by id",
  ],
  "GET generate-register-options": [
    "SELECT sessions JOIN users by token (session lookup)",
    "SELECT passkeys by user_id (excludeCredentials)",
    "INSERT verifications (challenge)",
  ],
  "POST verify-registration": [
    "SELECT sessions JOIN users by token (session lookup)",
    "DELETE verifications … RETURNING (consume challenge)",
    "INSERT passkeys",
  ],
  "GET list-user-passkeys": [
    "SELECT sessions JOIN users by token (session lookup)",
    "SELECT passkeys by user_id",
  ],
};
