import { passkey } from "@better-auth/passkey";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
// Keyhold's tables, so that both apps run on the same migrations and the same seeded rows.
import * as schema from "../../../lib/db/schema";

const baseURL = process.env.BETTER_AUTH_URL ?? "http://localhost:3000";

/**
 * What a developer starts from: Better Auth with the passkey plugin on Drizzle and node-postgres,
 * and nothing else. The rate limiter is Better Auth's default (on in production, in memory, per
 * address), as the peer would ship it.
 */
export const auth = betterAuth({
  baseURL,
  secret: process.env.BETTER_AUTH_SECRET,
  database: drizzleAdapter(
    drizzle({ client: new Pool({ connectionString: process.env.DATABASE_URL }), schema }),
    {
      provider: "pg",
      schema,
    },
  ),
  telemetry: { enabled: false },
  plugins: [passkey({ rpID: new URL(baseURL).hostname, rpName: "Peer", origin: baseURL })],
});
