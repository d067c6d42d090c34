import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const DOCS = ["README.md", "SECURITY.md", "BENCHMARKS.md"];

/** The folders whose source files' comments are read, besides the root's own .ts files. */
const SOURCE_FOLDERS = new Set(["lib", "components", "app", "config", "e2e", "test", "bench", "scripts"]);

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
 * `lib/passkeys/`) or a file name (`safe-next.ts`). Not commands, URLs, URL paths or queries
 * (`/sign-in`, `?next=…`, `callbackURL=/…`), environment variables or npm packages (`@simplewebauthn/server`).
 * A glob, an ellipsis or a placeholder (`lib/<feature>/`) names the folder before it.
 */
function namedPaths(markdown: string): string[] {
  const spans = [...markdown.matchAll(/`([^`\n]+)`/g)].map((match) => match[1] as string);
  return spans
    .filter(
      (span) => !/\s/.test(span) && !span.includes("://") && !/^[/?@]/.test(span) && !span.includes("="),
    )
    .filter((span) => span.includes("/") || FILE_EXTENSION.test(span))
    .map((span) => span.split(/[*…<]/)[0] as string)
    .filter((span) => span !== "" && !NOT_IN_THE_REPOSITORY.has(span.split("/")[0] as string));
}

const paths = repositoryPaths();
const topLevel = new Set(readdirSync(ROOT));
const topLevelFolders = new Set(paths.filter((path) => !path.includes("/") && isFolder(join(ROOT, path))));

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/**
 * How a path must name what it names. A doc names a folder with a trailing slash (`lib/passkeys/`)
 * and a file without one, so that a reader can tell them apart; a comment only needs the slash to
 * be right when it writes one (`lib/step-up` may name the folder).
 */
type Naming = "slash-exactly-on-folders" | "slash-only-on-folders";

function namesAsItIs(path: string, named: string, naming: Naming): boolean {
  if (!existsSync(path)) return false;
  const wantsFolder = named.endsWith("/");
  return naming === "slash-exactly-on-folders"
    ? isFolder(path) === wantsFolder
    : !wantsFolder || isFolder(path);
}

/**
 * A path that starts at a top-level entry (`lib/…`, `e2e/…`) must exist from the root, one that
 * starts with `./` or `../` from the folder of the file that names it. Otherwise it is named
 * relative to a folder the text has just named (`passkey-sign-in-button.tsx` after
 * `components/passkeys/`, `(auth)/` in `app/`'s row), and must be the end of some path of the
 * repository, or a path in an installed package (`next/dist/…`).
 */
function exists(named: string, naming: Naming, from = "."): boolean {
  const path = named.replace(/\/$/, "");
  if (/^\.\.?\//.test(path)) return namesAsItIs(join(ROOT, from, path), named, naming);
  if (topLevel.has(path.split("/")[0] as string)) return namesAsItIs(join(ROOT, path), named, naming);
  return (
    paths.some(
      (candidate) =>
        (candidate === path || candidate.endsWith(`/${path}`)) &&
        namesAsItIs(join(ROOT, candidate), named, naming),
    ) || namesAsItIs(join(ROOT, "node_modules", path), named, naming)
  );
}

/**
 * The features the README's folder map lists (its `lib/<feature>/` rows) whose folder is gone. To
 * remove a feature is to delete its folders and a line or two of code (README.md, "How it works"):
 * until you edit the docs, they may go on naming its paths, those with a folder named after it
 * (`lib/recovery-codes/server.ts`, `test/integration/recovery-codes/`). While a feature is there,
 * every path naming it is checked like any other.
 */
const removedFeatures = new Set(
  [...readFileSync(join(ROOT, "README.md"), "utf8").matchAll(/^\| `lib\/([a-z-]+)\/` \|/gm)]
    .map((match) => match[1] as string)
    .filter((feature) => !existsSync(join(ROOT, "lib", feature))),
);

function ofARemovedFeature(named: string): boolean {
  return named.split("/").some((segment) => removedFeatures.has(segment));
}

/** A doc without its table rows about a removed feature's folder, which name its files relative to it. */
function withoutRemovedFeatureRows(markdown: string): string {
  return markdown
    .split("\n")
    .filter((line) => !/^\| `[^`]+` \|/.test(line) || !ofARemovedFeature(line.split("`")[1] as string))
    .join("\n");
}

describe.each(DOCS)("the paths %s names", (doc) => {
  const named = namedPaths(withoutRemovedFeatureRows(readFileSync(join(ROOT, doc), "utf8")));

  it("are found in it", () => {
    expect(named.length).toBeGreaterThan(5);
  });

  it.each([...new Set(named)].filter((path) => !ofARemovedFeature(path)))("%s exists", (path) => {
    expect(exists(path, "slash-exactly-on-folders"), `${doc} names ${path}`).toBe(true);
  });
});

/**
 * The comments of a source file, found by TypeScript's parser, so that a `//` inside a string, a
 * regular expression or JSX text is not taken for one, and no import specifier is read.
 */
function commentsOf(source: string): string[] {
  const text = readFileSync(join(ROOT, source), "utf8");
  const kind = source.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const file = ts.createSourceFile(source, text, ts.ScriptTarget.Latest, true, kind);
  const comments = new Map<number, string>();
  const visit = (node: ts.Node) => {
    // JSX text starts where its tag ends: scanned as trivia, "// here" in it would read as a comment.
    if (node.kind !== ts.SyntaxKind.JsxText) {
      for (const range of ts.getLeadingCommentRanges(text, node.pos) ?? []) {
        comments.set(range.pos, text.slice(range.pos, range.end));
      }
    }
    for (const child of node.getChildren(file)) visit(child);
  };
  visit(file);
  return [...comments.values()];
}

/** A word of prose with the punctuation around it taken off: `(lib/auth/surface.ts),` → the path. */
function withoutPunctuation(word: string): string {
  let path = word.replace(/^[([{<]+/, "");
  for (;;) {
    const unbalanced = (open: string, close: string) =>
      path.endsWith(close) && path.split(open).length < path.split(close).length;
    if (/[.,;:!?>]$/.test(path) || unbalanced("(", ")") || unbalanced("[", "]")) path = path.slice(0, -1);
    else return path;
  }
}

/**
 * The words of a comment that clearly name a path of the repository: they start with a top-level
 * folder (`lib/auth/surface.ts`, `test/helpers`), or contain a slash and end in a file extension
 * (`../helpers/browser.ts`, `next/dist/server/base-server.js`). Not URLs, URL paths (`/sign-in`) or npm
 * packages (`@better-auth/passkey`). A glob, an ellipsis or a placeholder names the folder before it.
 */
function pathsInComment(comment: string): string[] {
  return comment
    .split(/[\s`'"]+/)
    .map(withoutPunctuation)
    .filter((word) => !word.includes("://") && !/^[/@]/.test(word))
    .map((word) => word.split(/[*…<]/)[0] as string)
    .filter(
      (word) =>
        (topLevelFolders.has(word.split("/")[0] as string) && word.includes("/")) ||
        (word.includes("/") && FILE_EXTENSION.test(word)),
    )
    .filter((word) => !NOT_IN_THE_REPOSITORY.has(word.split("/")[0] as string));
}

const sources = paths.filter(
  (path) => /\.tsx?$/.test(path) && (!path.includes("/") || SOURCE_FOLDERS.has(path.split("/")[0] as string)),
);
const namedInComments = sources
  .map((source) => ({ source, named: [...new Set(commentsOf(source).flatMap(pathsInComment))] }))
  .filter(({ named }) => named.length > 0);

describe("the paths source comments name", () => {
  it("are found in them", () => {
    expect(namedInComments.length).toBeGreaterThan(50);
  });

  it.each(namedInComments)("$source names only paths that exist", ({ source, named }) => {
    const missing = named.filter(
      (path) => !ofARemovedFeature(path) && !exists(path, "slash-only-on-folders", dirname(source)),
    );
    expect(missing, `${source} names paths that do not exist`).toEqual([]);
  });
});
