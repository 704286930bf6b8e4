/**
 * The layers of src say what they are: imports point down (data, then the model, then the
 * functions and the workbook writers, then the hosts and the pane, then the preview), and no
 * module imports itself through others. Imports are read with the TypeScript compiler's own
 * pre-processor: static, type-only, re-exports and dynamic import() alike.
 */
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import * as ts from "typescript";

const SRC = resolve(__dirname, "../../src");

/** Lowest first; folders in one group must not import each other. */
const LAYERS: readonly (readonly string[])[] = [
  ["data"],
  ["model"],
  ["functions", "workbook"],
  ["excel", "standalone", "legacy"],
  ["taskpane"],
  ["preview"],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The file a relative specifier names, as the bundler resolves it. */
function resolveImport(from: string, specifier: string): string {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, join(base, "index.ts")];
  const found = candidates.find((path) => existsSync(path) && statSync(path).isFile());
  if (!found) throw new Error(`${relative(SRC, from)}: cannot resolve "${specifier}"`);
  return found;
}

const graph = new Map<string, string[]>(
  sourceFiles(SRC).map((file) => [
    file,
    ts
      .preProcessFile(readFileSync(file, "utf8"), true, true)
      .importedFiles.map((imported) => imported.fileName)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => resolveImport(file, specifier))
      .filter((target) => /\.(ts|tsx|js|mjs)$/.test(target)),
  ]),
);

const folder = (file: string) => relative(SRC, file).split(/[\\/]/)[0];
const layer = (file: string) => LAYERS.findIndex((group) => group.includes(folder(file)));
const name = (file: string) => relative(SRC, file).replace(/\\/g, "/");

test("the import scan sees the tree (every folder is in a layer)", () => {
  expect(graph.size).toBeGreaterThan(100);
  const folders = new Set([...graph.keys()].filter((f) => f !== SRC).map(folder));
  expect([...folders].filter((f) => !f.includes(".") && !LAYERS.flat().includes(f))).toEqual([]);
});

test("no import goes up a layer or across one (src/workbook never imports src/functions)", () => {
  const wrong: string[] = [];
  for (const [file, targets] of graph) {
    if (!folder(file) || folder(file).includes(".")) continue;
    for (const target of targets) {
      if (folder(target) === folder(file)) continue;
      if (layer(target) >= layer(file)) wrong.push(`${name(file)} -> ${name(target)}`);
    }
  }
  expect(wrong).toEqual([]);
});

test("no circular import anywhere in src", () => {
  // Depth-first search with the path on a stack: a target already on the stack closes a cycle.
  const cycles: string[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === "open") {
        cycles.push([...stack.slice(stack.indexOf(target)), target].map(name).join(" -> "));
      } else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  expect(cycles).toEqual([]);
});
