import { afterAll, beforeAll } from "vitest";
import { closeDatabase } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrate";

// The same migrations the app applies, on PGlite (in memory) or on DATABASE_URL's PostgreSQL.
beforeAll(async () => {
  await migrateDatabase();
});

afterAll(async () => {
  await closeDatabase();
});
