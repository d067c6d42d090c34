/** PostgreSQL's unique_violation: a row another statement wrote first. */
const UNIQUE_VIOLATION = "23505";

/** The SQLSTATE of a database error, wherever the driver and the ORM put it in the cause chain. */
export function sqlStateOf(error: unknown): string | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** A write that lost a race to a unique index: the client's conflict, never a server error. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlStateOf(error) === UNIQUE_VIOLATION;
}
