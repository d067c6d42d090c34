import nextEnv from "@next/env";
import { closeDatabase, connection } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrate";

// The same .env files `next dev` and `next start` read, so DATABASE_URL means the same database.
nextEnv.loadEnvConfig(process.cwd());

await migrateDatabase();
console.log(`Migrations applied (${connection().kind}).`);
await closeDatabase();
