import { relations } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

// Property names are the field names Better Auth asks its adapter for (`credentialID`, `userId`, …);
// column and table names are ordinary snake_case SQL.

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const user = pgTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  /** Set when the user chose, knowingly, to have no recovery codes; silences the warning. */
  recoveryCodesDeclinedAt: timestamp("recovery_codes_declined_at", { withTimezone: true }),
  /** "user" or "admin": set and read by the admin feature's plugin. */
  role: text("role").notNull().default("user"),
  /** When the user was last offered a passkey after a password sign-in: never more than once a week. */
  passkeyNudgedAt: timestamp("passkey_nudged_at", { withTimezone: true }),
  ...timestamps,
});

export const session = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    token: text("token").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    /** The passkey this session was signed in with, if any. */
    passkeyId: text("passkey_id").references((): AnyPgColumn => passkey.id, { onDelete: "set null" }),
    /** How this session was signed in: a SignInMethod (lib/sign-in-methods/methods.ts). */
    signInMethod: text("sign_in_method"),
    /** Last in-place re-verification (step-up) in this session; sensitive actions need it recent. */
    stepUpAt: timestamp("step_up_at", { withTimezone: true }),
    ...timestamps,
  },
  (table) => [index("sessions_user_id_idx").on(table.userId)],
);

/** One row per sign-in method other than passkeys: here, the email + password credential. */
export const account = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    ...timestamps,
  },
  (table) => [index("accounts_user_id_idx").on(table.userId)],
);

/** Short-lived single-use values; the passkey plugin keeps its WebAuthn challenges here. */
export const verification = pgTable(
  "verifications",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ...timestamps,
  },
  (table) => [index("verifications_identifier_idx").on(table.identifier)],
);

export const passkey = pgTable(
  "passkeys",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    /** The user's nickname for it ("Work laptop"); never sent to the authenticator. */
    name: text("name"),
    /** COSE public key, base64. */
    publicKey: text("public_key").notNull(),
    /** base64url, as the browser reports it. Unique: WebAuthn §7.1 step 26 forbids registering one credential twice. */
    credentialID: text("credential_id").notNull().unique(),
    counter: integer("counter").notNull().default(0),
    /** "singleDevice" or "multiDevice" (synced), from the BE flag at registration. */
    deviceType: text("device_type").notNull(),
    backedUp: boolean("backed_up").notNull(),
    /** Comma-separated AuthenticatorTransport values. */
    transports: text("transports"),
    aaguid: text("aaguid"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    // What the server verified of the authenticator's attestation at registration
    // (the admin feature's attestation check); every other column above is what the authenticator says.
    /** The attestation statement format: "none", "packed", …; null for passkeys older than the column. */
    attestationFormat: text("attestation_format"),
    /** The attestation's certificate chain verified to one of the operator's trust anchors. */
    attestationTrusted: boolean("attestation_trusted").notNull().default(false),
    /** The authenticator model (AAGUID) the trusted attestation vouches for. */
    attestedAaguid: text("attested_aaguid"),
    /** That model's name, from the FIDO metadata or the list of known authenticators. */
    attestedModel: text("attested_model"),
    /** Whether the model's FIDO metadata says its keys never leave it; null without metadata. */
    metadataDeviceBound: boolean("metadata_device_bound"),
  },
  (table) => [index("passkeys_user_id_idx").on(table.userId)],
);

/** One-time codes for a user who lost every passkey. Only a keyed hash of each code is stored. */
export const recoveryCode = pgTable(
  "recovery_codes",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("recovery_codes_user_id_code_hash_idx").on(table.userId, table.codeHash)],
);

/** Append-only record of what happened to an account's security, written by lib/security-log/events.ts. */
export const securityEvent = pgTable(
  "security_events",
  {
    id: text("id").primaryKey(),
    /** Null for attempts on an email that has no account. */
    userId: text("user_id").references(() => user.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    /**
     * The User-Agent as the activity pages name it ("Chrome on macOS": lib/format/user-agent.ts),
     * stored so that a sign-in's new-device check is decided in the statement that logs it
     * (lib/security-activity/devices.ts). Null only on a row written before this column, until
     * `migrateDatabase` fills it in (./event-devices.ts).
     */
    device: text("device"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("security_events_user_id_created_at_idx").on(table.userId, table.createdAt)],
);

/** Fixed-window counters, shared by every app instance through the database. */
export const rateLimit = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
});

/** Mail kept for the development outbox (/dev/outbox) when no SMTP server is configured. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: text("id").primaryKey(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("mail_outbox_to_created_at_idx").on(table.to, table.createdAt)],
);

// The joins Better Auth is asked for (`advanced.database.joins` in lib/auth.ts): a session, an
// account or a passkey with its user, a user with its accounts, each read in one statement.
export const userRelations = relations(user, ({ many }) => ({
  sessions: many(session),
  accounts: many(account),
  passkeys: many(passkey),
}));

export const sessionRelations = relations(session, ({ one }) => ({
  user: one(user, { fields: [session.userId], references: [user.id] }),
}));

export const accountRelations = relations(account, ({ one }) => ({
  user: one(user, { fields: [account.userId], references: [user.id] }),
}));

export const passkeyRelations = relations(passkey, ({ one }) => ({
  user: one(user, { fields: [passkey.userId], references: [user.id] }),
}));
