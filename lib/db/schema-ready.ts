/**
 * Until the start-up migration of the embedded PGlite has run, the app's queries wait for it
 * (lib/db/index.ts): the server starts that migration without waiting (lib/startup/prepare-server.ts).
 * Kept apart from lib/db/index.ts so that setting it loads no database driver.
 */
const globalForSchema = globalThis as typeof globalThis & { keyholdSchemaReady?: Promise<void> };

export function holdQueriesUntil(ready: Promise<void>): void {
  globalForSchema.keyholdSchemaReady = ready;
}

/** Resolves once the schema is ready (at once when nothing is being prepared). */
export function schemaReady(): Promise<void> | undefined {
  return globalForSchema.keyholdSchemaReady;
}
