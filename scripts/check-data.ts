/**
 * Prebuild check of the reference data: parses every file under src/data from disk, validates the
 * set (schema plus cross-record rules) and fails with one line per problem:
 *   src/data/facts/x.json: <id>.<field>: message
 * It also fails when a data file exists but src/data/dataset.ts does not load it, or the reverse.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { DataFile } from "../src/data/dataset";
import { formatDataProblem, validateDataSet, type DataProblem } from "../src/data/validate";

const root = join(__dirname, "..");
const dataDir = join(root, "src", "data");
const problems: DataProblem[] = [];

const rel = (path: string): string => relative(root, path).split("\\").join("/");

function read(path: string): DataFile {
  const file = rel(path);
  if (!existsSync(path)) {
    problems.push({ file, record: "(file)", field: null, message: "missing" });
    return { path: file, data: null };
  }
  try {
    return { path: file, data: JSON.parse(readFileSync(path, "utf8")) };
  } catch (error) {
    problems.push({
      file,
      record: "(file)",
      field: null,
      message: `invalid JSON: ${(error as Error).message}`,
    });
    return { path: file, data: null };
  }
}

const jsonIn = (dir: string): string[] =>
  readdirSync(join(dataDir, dir))
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => join(dataDir, dir, name));

async function main(): Promise<number> {
  const input = {
    sources: read(join(dataDir, "sources.json")),
    facts: jsonIn("facts").map(read),
    tables: jsonIn("tables").map(read),
    unrecorded: read(join(dataDir, "unrecorded.json")),
    version: read(join(dataDir, "version.json")),
    series: read(join(dataDir, "series.json")),
    history: read(join(dataDir, "history.json")),
    changelog: {
      path: rel(join(dataDir, "CHANGELOG.md")),
      data: readFileSync(join(dataDir, "CHANGELOG.md"), "utf8"),
    },
  };
  if (problems.length === 0) {
    problems.push(...validateDataSet(input));
    // Loaded only now: an unparsable JSON file would otherwise fail the import, not this report.
    const { DATA_FILES } = await import("../src/data/dataset");
    const loaded = new Set([...DATA_FILES.facts, ...DATA_FILES.tables].map((file) => file.path));
    for (const file of [...input.facts, ...input.tables]) {
      if (!loaded.delete(file.path)) {
        problems.push({
          file: file.path,
          record: "(file)",
          field: null,
          message: "not loaded by src/data/dataset.ts",
        });
      }
    }
    for (const path of loaded) {
      problems.push({
        file: path,
        record: "(file)",
        field: null,
        message: "loaded by src/data/dataset.ts but missing",
      });
    }
  }

  if (problems.length > 0) {
    for (const problem of problems) console.error(formatDataProblem(problem));
    console.error(`reference data: ${problems.length} problem(s)`);
    return 1;
  }
  const facts = input.facts.reduce((sum, file) => sum + (file.data as unknown[]).length, 0);
  const sources = (input.sources.data as unknown[]).length;
  console.log(
    `reference data: ${facts} facts, ${sources} sources, ${input.tables.length} tables, valid`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
