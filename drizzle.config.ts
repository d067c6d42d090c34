import { defineConfig } from "drizzle-kit";

// Only generates SQL from the schema; the app applies it itself (lib/db/migrate.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
});
