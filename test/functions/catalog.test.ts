/**
 * The catalog (used by help pages, docs and the reference sheet) against the metadata Excel reads,
 * generated here from the same JSDoc the build uses, and against the reference data.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata/lib/generate";
import { resolveFact, tableByName } from "../../src/data";
import { CATALOG } from "../../src/functions/catalog";
import { defaultSources, functionSpec, syntaxOf } from "../../src/model/functionCatalog";
import * as adapters from "../../src/functions/functions";
import {
  README_MARKERS,
  functionsSourceWithJsdoc,
  renderFunctionsMarkdown,
  renderFunctionsSummary,
} from "../../src/functions/reference";
import type { FunctionsMetadata } from "../../src/functions/reference";

const root = join(__dirname, "..", "..");
const source = join(root, "src", "functions", "functions.ts");

type Metadata = Omit<FunctionsMetadata["functions"][number], "parameters"> & {
  options?: Record<string, unknown>;
  parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string }[];
};
let metadata: Metadata[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(source);
  expect(generated.errors).toEqual([]);
  metadata = JSON.parse(generated.metadataJson).functions;
});

it("lists every function of the metadata, in the same order, and nothing else", () => {
  expect(CATALOG.map((spec) => spec.name)).toEqual(metadata.map((f) => f.id));
  expect(new Set(CATALOG.map((spec) => spec.adapter))).toEqual(new Set(Object.values(adapters)));
});

it("includes every function the brief asks for", () => {
  const brief = [
    "FACT", "SOURCE", "FACTS", "TABLE", "MAGNET_CAPACITY", "OXIDE_REQUIRED", "NDPR_GAP",
    "IMPORT_SHARE", "IMPORT_VOLUME", "HHI", "CONCENTRATION", "WORLD_SHARE", "SELF_SUFFICIENCY",
    "IMPORT_RELIANCE", "RESERVE_LIFE", "CAGR", "PROJECT", "EV_DEMAND", "RECYCLED_SUPPLY",
    "SUPPLY_BALANCE", "STOCKPILE_DAYS", "CRORE_TO_USD", "DATA_VERSION",
  ]; // prettier-ignore
  for (const name of brief) expect(functionSpec(name)?.name).toBe(name);
  expect(functionSpec("ree.ndpr_gap")?.name).toBe("NDPR_GAP");
});

describe.each(CATALOG.map((spec) => [spec.name, spec] as const))("%s", (name, spec) => {
  const meta = () => metadata.find((f) => f.id === name) as Metadata;

  it("has the metadata's description, parameters (order, optionality, text) and shape", () => {
    expect(spec.summary).toBe(meta().description);
    expect(spec.parameters.map((p) => [p.name, p.optional, p.description])).toEqual(
      meta().parameters.map((p) => [p.name, p.optional === true, p.description]),
    );
    expect(spec.parameters.map((p) => p.range === true)).toEqual(
      meta().parameters.map((p) => p.dimensionality === "matrix"),
    );
    expect(meta().result?.dimensionality === "matrix").toBe(spec.returns.spill);
  });

  it("keeps descriptions within the 255 characters Excel's function dialog shows", () => {
    expect(meta().description?.length).toBeLessThanOrEqual(255);
    for (const p of meta().parameters) expect(p.description?.length).toBeLessThanOrEqual(255);
  });

  it("is non-volatile, synchronous and has a help page URL", () => {
    expect(meta().options ?? {}).toEqual({});
    expect(meta().helpUrl).toBe(`https://localhost:3000/help/${name}.html`);
  });

  it("documents units, an example and where its defaults come from", () => {
    expect(spec.parameters.every((p) => p.unit.length > 0)).toBe(true);
    expect(spec.example.formula.startsWith(`=REE.${name}(`)).toBe(true);
    expect(spec.example.working.length).toBeGreaterThan(10);
    for (const d of defaultSources(spec)) {
      if ("fact" in d) expect(resolveFact(d.fact)?.metric).toBeDefined();
      else expect(tableByName(d.table)?.name).toBe(d.table);
    }
    for (const p of spec.parameters.filter((q) => q.defaultFrom)) {
      expect(p.description).toContain(p.defaultFrom as string);
    }
    expect(syntaxOf(spec)).toMatch(new RegExp(`^REE\\.${name}\\(`));
  });
});

it("the JSDoc the metadata is generated from is the catalog's, as docs:functions writes it", () => {
  const text = readFileSync(source, "utf8");
  // If this fails after a catalog change, run `npm run docs:functions`.
  expect(functionsSourceWithJsdoc(text)).toBe(text);
});

// Prettier pads table cells and rewrites *x* as _x_; compare cell contents only.
const cells = (markdown: string) =>
  markdown
    .split("\n")
    .filter((line) => line.trim() !== "" && !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line.startsWith("|")
        ? line
            .split(/(?<!\\)\|/)
            .map((cell) => cell.trim())
            .join("|")
        : line.trim(),
    )
    .join("\n");

it("README.md lists every function as build-help.ts --docs renders it", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const [start, end] = README_MARKERS;
  const section = readme.slice(readme.indexOf(start) + start.length, readme.indexOf(end));
  expect(cells(section)).toBe(cells(renderFunctionsSummary()));
});

it("docs/functions.md is the rendered catalog (as formatted by Prettier)", () => {
  const committed = readFileSync(join(root, "docs", "functions.md"), "utf8");
  expect(cells(committed)).toBe(cells(renderFunctionsMarkdown()));
});
