import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** The application's source: what a developer who clones the project reads. Tests are not in it. */
const SOURCE_FOLDERS = ["app", "components", "config", "lib"];
const ROOT_FILES = ["proxy.ts", "instrumentation.ts"];
/** The composition roots: the only modules that may name every feature. */
const COMPOSITION_ROOTS = ["lib/auth.ts", "lib/auth-client.ts", "lib/auth-messages.ts", "lib/session.ts"];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [file] : [];
  });
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The repository file a specifier names, or null for a package. */
function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.join(path.dirname(from), specifier);
  else return null;
  const candidates = [`${base}.ts`, `${base}.tsx`, base, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}

const files = [...SOURCE_FOLDERS.flatMap(sourceFiles), ...ROOT_FILES];
const imports = files.map((file) => ({
  file,
  targets: specifiers(file).flatMap((specifier) => resolve(file, specifier) ?? []),
}));

/** Folders that import each other, directly or round a longer loop (Tarjan's components). */
function folderCycles(): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const { file, targets } of imports) {
    for (const target of targets) {
      const [from, to] = [path.dirname(file), path.dirname(target)];
      if (from === to) continue;
      edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (folder: string) => {
    index.set(folder, index.size);
    low.set(folder, index.get(folder) as number);
    stack.push(folder);
    for (const next of edges.get(folder) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(folder, Math.min(low.get(folder) as number, low.get(next) as number));
      } else if (stack.includes(next)) {
        low.set(folder, Math.min(low.get(folder) as number, index.get(next) as number));
      }
    }
    if (low.get(folder) === index.get(folder)) {
      const component = stack.splice(stack.indexOf(folder));
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const folder of edges.keys()) if (!index.has(folder)) visit(folder);
  return cycles;
}

describe("how the source folders depend on each other", () => {
  it("reads the whole source", () => {
    expect(files.length).toBeGreaterThan(150);
    expect(imports.some(({ targets }) => targets.includes("lib/auth.ts"))).toBe(true);
  });

  it("has no folders that import each other, so each can be read (and removed) from the bottom up", () => {
    expect(folderCycles()).toEqual([]);
  });

  it("keeps features from reaching the composition roots or the UI: those depend on features, not the reverse", () => {
    const upward = imports.flatMap(({ file, targets }) =>
      file.startsWith("lib/") && !COMPOSITION_ROOTS.includes(file)
        ? targets
            .filter((target) => COMPOSITION_ROOTS.includes(target) || target.startsWith("components/"))
            .map((target) => `${file} → ${target}`)
        : [],
    );
    expect(upward).toEqual([]);
  });
});
