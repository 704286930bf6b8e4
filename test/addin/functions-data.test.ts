/**
 * functions.js carries only the part of the reference data the REE functions read
 * (src/functions/dataProjection.ts), packed (src/data/records.ts); the task pane adds the rest back
 * (src/data/split.ts). Here: the parts put back together are the data files, and the built
 * functions.js answers every lookup of every fact, source, table, series and version exactly as
 * the functions do over the full data set. Needs a build first (`npm run build`).
 */
import { ALL_DATA_FILES, DATA_FILES } from "../../src/data/dataset";
import { FACTS, HISTORY, SERIES_ENTRIES, SOURCES, TABLES, TOPICS } from "../../src/data";
import { CATALOG } from "../../src/functions/catalog";
import { projectDataFile } from "../../src/functions/dataProjection";
import { FACT_LOOKUP_FIELDS } from "../../src/model/lookups";
import { complementOf, mergeData } from "../../src/data/split";
import { packRecords, unpackRecords } from "../../src/data/records";
import { loadFunctionsBundle } from "../support/functionsBundle";

describe.each(ALL_DATA_FILES.map((file) => [file.path, file.data]))("%s", (path, data) => {
  const part = projectDataFile(path, data);

  it("is its functions part with the rest added back", () => {
    expect(mergeData(part, complementOf(data, part))).toEqual(data);
  });

  it("packs and unpacks to the same part", () => {
    expect(unpackRecords(JSON.parse(JSON.stringify(packRecords(part))))).toEqual(part);
  });
});

it("leaves out what only the task pane shows", () => {
  const table = projectDataFile(DATA_FILES.tables[0].path, DATA_FILES.tables[0].data);
  expect(Object.keys(table as object).sort()).toEqual(["columns", "name", "rows"]);
  const row = (table as { rows: object[] }).rows[0];
  expect(row).not.toHaveProperty("evidence");
  expect(row).not.toHaveProperty("locator");
  expect(projectDataFile(DATA_FILES.unrecorded.path, DATA_FILES.unrecorded.data)).toEqual([]);
  expect((projectDataFile(DATA_FILES.sources.path, SOURCES) as object[])[0]).not.toHaveProperty(
    "note",
  );
});

describe("the built functions.js against the full data set", () => {
  const bundle = Object.fromEntries(loadFunctionsBundle());
  type Fn = (...args: unknown[]) => unknown;
  const source = Object.fromEntries(CATALOG.map((spec) => [spec.name, spec.adapter as Fn]));

  /** A call's answer or error, as plain data (the bundle's errors are another realm's objects). */
  function outcome(fn: Fn, args: unknown[]): unknown {
    try {
      return { value: JSON.parse(JSON.stringify(fn(...args))) };
    } catch (error) {
      const { code, message } = error as { code: string; message: string };
      return { error: code, message };
    }
  }
  const same = (name: string, ...args: unknown[]) =>
    expect({ name, args, answer: outcome(bundle[name], args) }).toEqual({
      name,
      args,
      answer: outcome(source[name], args),
    });

  it("REE.FACT: every field of every fact, and its figures in every released version", () => {
    for (const fact of FACTS) {
      for (const field of FACT_LOOKUP_FIELDS) same("FACT", fact.id, field, null);
      for (const release of HISTORY.releases) same("FACT", fact.id, "value", release.version);
      same("FACT", fact.metric, null, null);
    }
  });

  it("REE.SOURCE, REE.CLAIMS and REE.FACTS", () => {
    for (const known of SOURCES) same("SOURCE", known.id);
    for (const fact of FACTS) same("SOURCE", fact.id);
    for (const metric of new Set(FACTS.map((fact) => fact.metric))) same("CLAIMS", metric);
    same("FACTS", null);
    for (const topic of TOPICS) same("FACTS", topic);
  });

  it("REE.TABLE, REE.WORLD_SHARE, REE.IMPORT_SHARE and REE.SERIES", () => {
    for (const table of TABLES) same("TABLE", table.name);
    const world = TABLES.find((table) => table.name === "world_production")!;
    for (const row of world.rows) {
      same("WORLD_SHARE", row.country, "production", null);
      same("WORLD_SHARE", row.country, "reserves", null);
    }
    const trade = TABLES.find((table) => table.name === "import_sources")!;
    for (const row of trade.rows) same("IMPORT_SHARE", row.exporter, row.importer, row.product);
    for (const key of new Set(SERIES_ENTRIES.map((entry) => entry.series))) {
      same("SERIES", key, null, null);
    }
  });

  it("every function with its defaults from the data set", () => {
    for (const spec of CATALOG) {
      same(spec.name, ...Array.from({ length: spec.adapter.length }, () => null));
    }
  });
});
