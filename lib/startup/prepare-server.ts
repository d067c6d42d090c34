import { ConfigError, serverConfig } from "@/config/env";
import { site } from "@/config/site";
import { prepareAdminPolicy } from "@/lib/admin/attestation/startup";
import { migrateDatabase } from "@/lib/db/migrate";
import { whereThingsAre } from "./where-things-are";

/**
 * Fails fast on bad configuration with one readable line, then brings the database schema up to
 * date where that is safe to do on start: always for the embedded PGlite (one process owns it),
 * and outside production for PostgreSQL (production runs `npm run db:migrate` as a deploy step);
 * then says where to open the app, where its data is and where its mail goes.
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
  if (!config.databaseUrl || !config.isProduction) await migrateDatabase();
  console.log([`${site.name} is ready.`, ...whereThingsAre(config)].join("\n"));
}
