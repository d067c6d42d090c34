import { ConfigError, serverConfig } from "@/config/env";
import { site } from "@/config/site";
import { prepareAdminPolicy } from "@/lib/admin/attestation/startup";
import { holdQueriesUntil } from "@/lib/db/schema-ready";
import { whereThingsAre } from "./where-things-are";

/**
 * Fails fast on bad configuration with one readable line, then brings the database schema up to
 * date where that is safe to do on start: always for the embedded PGlite (one process owns it),
 * and outside production for PostgreSQL (production runs `npm run db:migrate` as a deploy step);
 * then says where to open the app, where its data is and where its mail goes.
 *
 * The embedded PGlite is opened and migrated without holding the server up: `next dev` answers no
 * request, and compiles no page, until this returns, and loading the database drivers and opening
 * PGlite take seconds that the first page's compile can use. The app's queries wait for the
 * migration instead (lib/db/schema-ready.ts). The drivers are imported here, not at the top, so
 * that returning early loads none of them.
 */
export async function prepareServer(): Promise<void> {
  let config: ReturnType<typeof serverConfig>;
  try {
    config = serverConfig();
    await prepareAdminPolicy(config.admin);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${site.name} cannot start: ${error.message}`);
    process.exit(1);
  }
  const announce = () => console.log([`${site.name} is ready.`, ...whereThingsAre(config)].join("\n"));
  const migrateDatabase = async () => (await import("@/lib/db/migrate")).migrateDatabase();
  if (config.databaseUrl) {
    if (!config.isProduction) await migrateDatabase();
    announce();
    return;
  }
  const migrated = migrateDatabase();
  holdQueriesUntil(migrated);
  migrated.then(announce, (error: unknown) => {
    console.error(`${site.name} could not prepare its database (PGlite in ${config.pgliteDir}):`, error);
  });
}
