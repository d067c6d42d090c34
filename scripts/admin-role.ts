import nextEnv from "@next/env";
import { type Role, setRole } from "@/lib/admin/roles";
import { closeDatabase } from "@/lib/db";

// `npm run admin:grant -- <email>` and `npm run admin:revoke -- <email>`: the deliberate way to
// make someone an admin, or stop them being one, run by whoever operates the database.
nextEnv.loadEnvConfig(process.cwd());

const [action, email] = process.argv.slice(2);
const roles: Record<string, Role> = { grant: "admin", revoke: "user" };
const role = action ? roles[action] : undefined;
if (!role || !email) {
  console.error("Usage: npm run admin:grant -- <email>   or   npm run admin:revoke -- <email>");
  process.exit(2);
}

const change = await setRole(email, role);
await closeDatabase();
if (change.status === "no-account") {
  console.error(`No account has the address ${email}. Create the account first, then run this again.`);
  process.exit(1);
}
console.log(
  change.status === "changed"
    ? `${email} is now ${role === "admin" ? "an admin" : "a regular user"}.`
    : `${email} was already ${role === "admin" ? "an admin" : "a regular user"}; nothing changed.`,
);
