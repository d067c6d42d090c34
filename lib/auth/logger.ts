import type { BetterAuthOptions } from "better-auth";
import { isUniqueViolation, sqlStateOf } from "@/lib/db/errors";

type Level = "debug" | "info" | "warn" | "error";

/**
 * Messages logged with the error a client's own credential caused: the passkey plugin's catch-alls
 * (it answers a refused assertion with a 400; the app answers a duplicate credential with a 409)
 * and the app's own refusals. A 4xx is the client's business: one warn line, no stack trace.
 */
const REFUSALS = new Set([
  "Failed to verify authentication",
  "Failed to verify registration",
  "Refused a passkey registration",
  "Refused a step-up assertion",
]);

/**
 * Better Auth's words for a refused password sign-in, which name the wrong cause: "User not found" is
 * also what an account that exists, but signs in with passkeys only, gets. Said once, accurately.
 */
const REWORDED = new Map([
  ["User not found", "Refused a password sign-in: no account with a password for that address"],
  ["Password not found", "Refused a password sign-in: no account with a password for that address"],
  ["Invalid password", "Refused a password sign-in: wrong password"],
]);

/** Longest description of one argument: a line for a person to read, not a dump. */
const MAX_DESCRIPTION = 300;

/**
 * Better Auth's `logger`. Every argument is written as one line of its own making: an error as its
 * name and the first line of the message of its innermost cause, because a database error's own
 * message quotes the statement's parameters (a public key, a token hash, a name) and its properties
 * hold them again. Stack frames (which hold no data) follow a real error only.
 */
export function authLogger(): NonNullable<BetterAuthOptions["logger"]> {
  return { log: writeAuthLog };
}

export function writeAuthLog(level: Level, said: string, ...args: unknown[]): void {
  const message = REWORDED.get(said) ?? said;
  const error = args.find((arg): arg is Error => arg instanceof Error);
  const refusal = REFUSALS.has(message) && isClientCaused(error);
  const shown = refusal ? "warn" : level;
  const line = [`${new Date().toISOString()} ${shown.toUpperCase()} [Better Auth]: ${message}`]
    .concat(args.map(describe))
    .join(" ");
  const frames = shown === "error" && error ? stackFrames(error) : "";
  const write = shown === "error" ? console.error : shown === "warn" ? console.warn : console.log;
  write(frames ? `${line}\n${frames}` : line);
}

/** Anything but a database failure, or the one database failure a client causes: a duplicate credential. */
function isClientCaused(error: Error | undefined): boolean {
  return sqlStateOf(error) === undefined || isUniqueViolation(error);
}

function innermost(error: Error): Error {
  let current = error;
  while (current.cause instanceof Error) current = current.cause;
  return current;
}

function describe(arg: unknown): string {
  let text: string;
  if (arg instanceof Error) {
    const cause = innermost(arg);
    text = `${cause.name}: ${cause.message.split("\n", 1)[0]}`;
  } else if (typeof arg === "string") {
    text = arg;
  } else {
    text = asJson(arg);
  }
  const oneLine = text.replace(/\s+/g, " ");
  return oneLine.length > MAX_DESCRIPTION ? `${oneLine.slice(0, MAX_DESCRIPTION)}…` : oneLine;
}

/** A logger must not throw: a value JSON cannot hold (a cycle, a BigInt) is written as String() has it. */
function asJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function stackFrames(error: Error): string {
  return (error.stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");
}
