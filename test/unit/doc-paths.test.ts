import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const DOCS = ["README.md", "SECURITY.md", "BENCHMARKS.md"];

/** Made when the app runs or installs, never committed: a doc may name them all the same. */
const NOT_IN_THE_REPOSITORY = new Set(["node_modules", ".next", ".git", ".data"]);

const FILE_EXTENSION = /\.(ts|tsx|mjs|js|json|md|sql|css|ya?ml|sh)$/;

/** Every file and folder of the repository, as paths from its root. */
function repositoryPaths(folder = ROOT): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => !NOT_IN_THE_REPOSITORY.has(entry.name))
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      const name = relative(ROOT, path);
      return entry.isDirectory() ? [name, ...repositoryPaths(path)] : [name];
    });
}

/**
 * The backticked spans of a doc that name a file or a folder: a path (`lib/auth/surface.ts`,
 * `passkey-policy/`) or a file name (`check.ts`). Not commands, URLs, URL paths or queries
 * (`/sign-in`, `?next=…`, `callbackURL=/…`), environment variables or npm packages (`@simplewebauthn/server`). A glob or an ellipsis names
 * the folder before it.
 */
function namedPaths(markdown: string): string[] {
  const spans = [...markdown.matchAll(/`([^`\n]+)`/g)].map((match) => match[1] as string);
  return spans
    .filter(
      (span) => !/\s/.test(span) && !span.includes("://") && !/^[/?@]/.test(span) && !span.includes("="),
    )
    .filter((span) => span.includes("/") || FILE_EXTENSION.test(span))
    .map((span) => span.split(/[*…]/)[0] as string)
    .map((span) => span.replace(/\/$/, ""))
    .filter((span) => span !== "" && !NOT_IN_THE_REPOSITORY.has(span.split("/")[0] as string));
}

const paths = repositoryPaths();
const topLevel = new Set(readdirSync(ROOT));

/**
 * A path that starts at a top-level entry (`lib/…`, `e2e/…`) must exist from the root. Otherwise it
 * is named relative to a folder the text has just named (`check.ts` in the step-up paragraph,
 * `passkey-policy/` in `lib/`'s row), and must be the end of some path of the repository, or a path
 * in an installed package (`next/dist/…`).
 */
function exists(named: string): boolean {
  if (topLevel.has(named.split("/")[0] as string)) return existsSync(join(ROOT, named));
  return (
    paths.some((path) => path === named || path.endsWith(`/${named}`)) ||
    existsSync(join(ROOT, "node_modules", named))
  );
}

describe.each(DOCS)("the paths %s names", (doc) => {
  const named = namedPaths(readFileSync(join(ROOT, doc), "utf8"));

  it("are found in it", () => {
    expect(named.length).toBeGreaterThan(5);
  });

  it.each([...new Set(named)])("%s exists", (path) => {
    expect(exists(path), `${doc} names ${path}`).toBe(true);
  });
});
