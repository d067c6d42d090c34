import { closeDatabase, connection } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrate";

await migrateDatabase();
console.log(`Migrations applied (${connection().kind}).`);
await closeDatabase();
