/**
 * Validation of the data set: the JSON Schemas in schema.ts for each record, then the rules that
 * span fields and records. Used by scripts/check-data.ts (the prebuild step) and the tests; it pulls
 * in ajv, so the add-in bundle never imports it.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import type { DataFile, DataFiles } from "./dataset";
import {
  factSchema,
  historySchema,
  seriesEntrySchema,
  sourceSchema,
  tableSchema,
  unrecordedSchema,
  versionSchema,
  FACT_FIELDS,
  ISO_DATE_PATTERN,
  OPTIONAL_FACT_FIELDS,
} from "./schema";
import { sameFigure } from "./figures";
import { parsePeriod, type PeriodAxis } from "./periods";
import {
  PERCENT_UNITS,
  type DataHistory,
  type Fact,
  type ReferenceTable,
  type SeriesEntry,
  type Source,
  type Unrecorded,
} from "./types";

/** One thing wrong, located precisely enough to fix by editing one record. */
export interface DataProblem {
  file: string;
  /** Record id (fact id, source id, "table.rows[3]", ...) or "#index" when it has no usable id. */
  record: string;
  /** Field name, or null when the problem is with the whole record or file. */
  field: string | null;
  message: string;
}

export interface DataSetInput extends DataFiles {
  /** CHANGELOG.md text; when given, it must have an entry for the version. */
  changelog?: DataFile<string>;
  /** history.json; when given, its last release must be version.json's. */
  history?: DataFile;
}

/** "src/data/facts/x.json: india.repm.target_t.value: message" */
export function formatDataProblem(problem: DataProblem): string {
  const where = problem.field === null ? problem.record : `${problem.record}.${problem.field}`;
  return `${problem.file}: ${where}: ${problem.message}`;
}

/** Evidence is a short quotation: "at most ~20 words", with a little slack for long names. */
export const MAX_EVIDENCE_WORDS = 25;

let validators:
  | Record<
      "fact" | "source" | "table" | "unrecorded" | "version" | "history" | "seriesEntry",
      ValidateFunction
    >
  | undefined;

function compiled() {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true, verbose: true });
    validators = {
      fact: ajv.compile(factSchema),
      source: ajv.compile(sourceSchema),
      table: ajv.compile(tableSchema),
      unrecorded: ajv.compile(unrecordedSchema),
      version: ajv.compile(versionSchema),
      history: ajv.compile(historySchema),
      seriesEntry: ajv.compile(seriesEntrySchema),
    };
  }
  return validators;
}

/** Turns ajv's errors into problems naming the field (instancePath "/rows/3/country" -> "rows[3].country"). */
function schemaProblems(
  file: string,
  record: string,
  errors: ErrorObject[] | null | undefined,
): DataProblem[] {
  return (errors ?? []).map((error) => {
    const path = error.instancePath
      .split("/")
      .slice(1)
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
    let field = path
      .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i ? `.${part}` : part))
      .join("");
    const params = error.params as Record<string, unknown>;
    let message: string;
    switch (error.keyword) {
      case "required":
      case "additionalProperties": {
        // The problem is the missing or unknown field itself, below the object ajv points at.
        const name = String(params.missingProperty ?? params.additionalProperty);
        field = field ? `${field}.${name}` : name;
        message =
          error.keyword === "required"
            ? "missing (the field is required; use null where the source gives nothing)"
            : "unknown field";
        break;
      }
      case "enum":
        message = `${JSON.stringify(error.data)} is not one of: ${(params.allowedValues as unknown[]).join(", ")}`;
        break;
      case "const":
        message = `must be ${JSON.stringify(params.allowedValue)}, got ${JSON.stringify(error.data)}`;
        break;
      case "pattern":
        message = `${JSON.stringify(error.data)} does not match ${String(params.pattern)}`;
        break;
      case "type":
        message = `must be ${String(params.type)}, got ${JSON.stringify(error.data)}`;
        break;
      default:
        message = error.message ?? error.keyword;
    }
    return { file, record, field: field || null, message };
  });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const baseName = (path: string): string => path.replace(/^.*\//, "").replace(/\.json$/, "");

const wordCount = (text: string): number => text.trim().split(/\s+/).length;

/** A file that must hold a JSON array; reports and returns [] when it does not. */
function arrayOf(file: DataFile, problems: DataProblem[]): unknown[] {
  if (Array.isArray(file.data)) return file.data;
  problems.push({
    file: file.path,
    record: "(file)",
    field: null,
    message: "must be a JSON array",
  });
  return [];
}

const recordName = (record: unknown, index: number): string =>
  isObject(record) && typeof record.id === "string" && record.id !== "" ? record.id : `#${index}`;

/**
 * Every problem with a data set, each naming file, record and field. An empty list means valid.
 * Schema errors are reported first for a record; the cross-field rules run only on records that
 * pass the schema, so one mistake is not reported many times over.
 */
export function validateDataSet(input: DataSetInput): DataProblem[] {
  const problems: DataProblem[] = [];
  const check = compiled();

  // Sources.
  const sources = new Map<string, Source>();
  arrayOf(input.sources, problems).forEach((record, index) => {
    const name = recordName(record, index);
    if (!check.source(record)) {
      problems.push(...schemaProblems(input.sources.path, name, check.source.errors));
      return;
    }
    const source = record as Source;
    if (sources.has(source.id)) {
      problems.push({
        file: input.sources.path,
        record: name,
        field: "id",
        message: "duplicate source id",
      });
    }
    if (source.kind !== "article" && source.url === null) {
      problems.push({
        file: input.sources.path,
        record: name,
        field: "url",
        message: `a ${source.kind} source (supplementary) must give its URL`,
      });
    }
    sources.set(source.id, source);
  });
  const unknownSource = (file: string, record: string, id: string): DataProblem | undefined =>
    sources.has(id)
      ? undefined
      : { file, record, field: "source", message: `unknown source "${id}" (not in sources.json)` };

  // Facts: schema and per-record rules.
  const facts: { fact: Fact; file: string }[] = [];
  const firstFile = new Map<string, string>();
  for (const file of input.facts) {
    arrayOf(file, problems).forEach((record, index) => {
      const name = recordName(record, index);
      if (isObject(record) && typeof record.id === "string") {
        const earlier = firstFile.get(record.id);
        if (earlier !== undefined) {
          problems.push({
            file: file.path,
            record: name,
            field: "id",
            message: `duplicate id (first defined in ${earlier})`,
          });
        } else firstFile.set(record.id, file.path);
      }
      if (!check.fact(record)) {
        problems.push(...schemaProblems(file.path, name, check.fact.errors));
        return;
      }
      const fact = record as Fact;
      problems.push(...factProblems(fact, file.path, baseName(file.path)));
      const missing = unknownSource(file.path, name, fact.source);
      if (missing) problems.push(missing);
      facts.push({ fact, file: file.path });
    });
  }
  problems.push(...metricProblems(facts));
  // Records that fail the schema still count as names, so one mistake is reported once.
  problems.push(...relatedProblems(facts, new Set(firstFile.keys())));

  // Tables.
  const tableNames = new Set<string>();
  const tables: ReferenceTable[] = [];
  for (const file of input.tables) {
    const record = file.data;
    const name =
      isObject(record) && typeof record.name === "string" ? record.name : baseName(file.path);
    if (!check.table(record)) {
      problems.push(...schemaProblems(file.path, name, check.table.errors));
      continue;
    }
    const table = record as ReferenceTable;
    if (tableNames.has(table.name)) {
      problems.push({
        file: file.path,
        record: name,
        field: "name",
        message: "duplicate table name",
      });
    }
    tableNames.add(table.name);
    if (table.name !== baseName(file.path)) {
      problems.push({
        file: file.path,
        record: name,
        field: "name",
        message: `must match the file name "${baseName(file.path)}"`,
      });
    }
    problems.push(...tableProblems(table, file.path));
    table.rows.forEach((row, index) => {
      const missing = unknownSource(file.path, `${table.name}.rows[${index}]`, row.source);
      if (missing) problems.push(missing);
    });
    tables.push(table);
  }
  problems.push(...crossTableProblems(tables, facts, input.tables));
  problems.push(...seriesProblems(input.series, facts));

  // Numerals deliberately not recorded as facts.
  const factsById = new Map(facts.map(({ fact }) => [fact.id, fact]));
  arrayOf(input.unrecorded, problems).forEach((record, index) => {
    const name = `#${index}`;
    if (!check.unrecorded(record)) {
      problems.push(...schemaProblems(input.unrecorded.path, name, check.unrecorded.errors));
      return;
    }
    const entry = record as Unrecorded;
    const missing = unknownSource(input.unrecorded.path, name, entry.source);
    if (missing) problems.push(missing);
    if (entry.fact !== null) {
      const fact = factsById.get(entry.fact);
      if (!fact) {
        problems.push({
          file: input.unrecorded.path,
          record: name,
          field: "fact",
          message: `unknown fact "${entry.fact}"`,
        });
      } else if (fact.source !== entry.source) {
        problems.push({
          file: input.unrecorded.path,
          record: name,
          field: "fact",
          message: `fact "${entry.fact}" is from source "${fact.source}", not "${entry.source}"`,
        });
      }
    }
  });

  // Version and changelog.
  const version = input.version;
  if (!check.version(version.data)) {
    problems.push(...schemaProblems(version.path, "version", check.version.errors));
  } else {
    const { version: semver, date } = version.data as { version: string; date: string };
    if (!isCalendarDate(date)) {
      problems.push({
        file: version.path,
        record: "version",
        field: "date",
        message: `"${date}" is not a real date`,
      });
    }
    const changelog = input.changelog;
    if (changelog && !changelog.data.includes(`## ${semver} (${date})`)) {
      problems.push({
        file: changelog.path,
        record: "version",
        field: null,
        message: `no "## ${semver} (${date})" entry for the version in version.json`,
      });
    }
    if (input.history) {
      problems.push(...historyProblems(input.history, { version: semver, date }, facts));
    }
  }

  return problems;
}

/** "1.10.0" after "1.9.2": numeric comparison of major, minor and patch (pre-releases not used here). */
function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.split(/[.+-]/).slice(0, 3).map(Number);
  const [x, y] = [parts(a), parts(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/**
 * The reverse change log: releases oldest first ending at version.json's, real dates, and changes
 * that name current facts once per release. The first release has nothing before it to change.
 */
function historyProblems(
  file: DataFile,
  current: { version: string; date: string },
  facts: { fact: Fact }[],
): DataProblem[] {
  const check = compiled();
  if (!check.history(file.data)) return schemaProblems(file.path, "history", check.history.errors);
  const problems: DataProblem[] = [];
  const add = (record: string, field: string | null, message: string) =>
    problems.push({ file: file.path, record, field, message });
  const ids = new Set(facts.map(({ fact }) => fact.id));
  const metrics = new Set(facts.map(({ fact }) => fact.metric));
  const { releases } = file.data as DataHistory;
  releases.forEach((release, index) => {
    const name = release.version;
    if (!isCalendarDate(release.date)) add(name, "date", `"${release.date}" is not a real date`);
    const before = releases[index - 1];
    if (before && compareVersions(before.version, release.version) >= 0) {
      add(name, "version", `must come after ${before.version} (releases are oldest first)`);
    }
    if (index === 0 && release.changes.length > 0) {
      add(name, "changes", "the first release has no earlier release to record changes against");
    }
    for (const rename of release.renamed ?? []) {
      if (!ids.has(rename.to)) add(name, "renamed", `unknown fact "${rename.to}"`);
      if (ids.has(rename.from) || !metrics.has(rename.from)) {
        add(name, "renamed", `"${rename.from}" must now be a metric key, not a fact id`);
      }
    }
    const seen = new Set<string>();
    for (const change of release.changes) {
      if (!ids.has(change.id)) add(name, "changes", `unknown fact "${change.id}"`);
      if (seen.has(change.id)) add(name, "changes", `"${change.id}" is listed twice`);
      seen.add(change.id);
    }
  });
  const last = releases[releases.length - 1];
  if (last.version !== current.version || last.date !== current.date) {
    add(
      last.version,
      null,
      `the last release must be version.json's (${current.version}, ${current.date})`,
    );
  }
  return problems;
}

function isCalendarDate(date: string): boolean {
  if (!new RegExp(ISO_DATE_PATTERN).test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}

/** Rules within one fact: field order, bounds for the qualifier, units, derived notes, evidence size. */
function factProblems(fact: Fact, file: string, fileSource: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const add = (field: string | null, message: string) =>
    problems.push({ file, record: fact.id, field, message });

  const expected = [
    ...FACT_FIELDS,
    ...OPTIONAL_FACT_FIELDS.filter((field) => fact[field] !== undefined),
  ];
  if (Object.keys(fact).join(",") !== expected.join(",")) {
    add(null, `fields out of order: expected ${expected.join(", ")}`);
  }
  if (fact.source !== fileSource) {
    add("source", `is "${fact.source}" but ${file} holds the facts of source "${fileSource}"`);
  }

  const { value, low, high } = fact;
  switch (fact.qualifier) {
    case "exact":
      if (low !== null) add("low", 'must be null for qualifier "exact"');
      if (high !== null) add("high", 'must be null for qualifier "exact"');
      break;
    case "approx":
      // Bounds are optional: both, from the rounding of the figures, or neither.
      if ((low === null) !== (high === null)) {
        add(low === null ? "low" : "high", 'qualifier "approx" takes both bounds or neither');
      } else if (low !== null && high !== null && (value < low || value > high)) {
        add("value", `${value} is outside its bounds ${low}-${high}`);
      }
      break;
    case "over":
    case "under": {
      // "over 90%": the stated figure is the low bound and there is no high; "under" the mirror.
      const [stated, open] =
        fact.qualifier === "over" ? (["low", "high"] as const) : (["high", "low"] as const);
      const bound = fact[stated];
      if (bound === null)
        add(stated, `qualifier "${fact.qualifier}" needs ${stated} (the stated figure)`);
      else if (!sameFigure(bound, value))
        add(stated, `must equal value (${value}) for qualifier "${fact.qualifier}"`);
      if (fact[open] !== null) add(open, `must be null for qualifier "${fact.qualifier}"`);
      break;
    }
    case "range":
      if (low === null) add("low", 'qualifier "range" needs low');
      if (high === null) add("high", 'qualifier "range" needs high');
      if (low !== null && high !== null && low <= high) {
        if (value < low || value > high)
          add("value", `${value} is outside the range ${low}-${high}`);
        else if (!sameFigure(value, (low + high) / 2)) {
          add("value", `must be the midpoint of ${low}-${high}, i.e. ${(low + high) / 2}`);
        }
      }
      break;
  }
  if (low !== null && high !== null && low > high)
    add("low", `low (${low}) is greater than high (${high})`);

  if (PERCENT_UNITS.includes(fact.unit)) {
    for (const [field, figure] of [
      ["value", value],
      ["low", low],
      ["high", high],
    ] as const) {
      if (figure !== null && (figure < 0 || figure > 1)) {
        add(
          field,
          `${figure} is not a fraction: unit "${fact.unit}" is stored as 0-1 (84% -> 0.84)`,
        );
      }
    }
  }
  if (fact.unit === "year" && (!Number.isInteger(value) || value < 1900 || value > 2100)) {
    add("value", `${value} is not a year`);
  }
  if ((fact.unit === "count" || fact.unit === "rank") && (!Number.isInteger(value) || value < 0)) {
    add("value", `${value} is not a whole number for unit "${fact.unit}"`);
  }
  if (fact.derived === true && (fact.note === null || fact.note.trim() === "")) {
    add("note", "a derived fact must give its formula in the note");
  }
  if (wordCount(fact.evidence) > MAX_EVIDENCE_WORDS) {
    add("evidence", `${wordCount(fact.evidence)} words; quote at most ${MAX_EVIDENCE_WORDS}`);
  }
  return problems;
}

/**
 * A metric with one claim is keyed by the fact id itself; a metric with several claims (one per
 * source) has ids "<metric>.<source>", and the claims must be comparable: same topic and unit.
 */
function metricProblems(facts: { fact: Fact; file: string }[]): DataProblem[] {
  const problems: DataProblem[] = [];
  const byMetric = new Map<string, { fact: Fact; file: string }[]>();
  for (const entry of facts) {
    byMetric.set(entry.fact.metric, [...(byMetric.get(entry.fact.metric) ?? []), entry]);
  }
  for (const [metric, claims] of byMetric) {
    const first = claims[0].fact;
    for (const { fact, file } of claims) {
      const add = (field: string, message: string) =>
        problems.push({ file, record: fact.id, field, message });
      if (claims.length === 1) {
        if (fact.id !== metric) {
          add("metric", `"${metric}" has a single claim, so it must equal the id "${fact.id}"`);
        }
        continue;
      }
      // A source's second claim on a metric (another basis or period) adds a suffix.
      const expected = `${metric}.${fact.source}`;
      if (fact.id !== expected && !fact.id.startsWith(`${expected}_`)) {
        add(
          "id",
          `metric "${metric}" has ${claims.length} claims, so the id must be "${expected}" (or "${expected}_<what differs>")`,
        );
      }
      if (fact.topic !== first.topic) {
        add("topic", `"${fact.topic}" differs from "${first.topic}" of ${first.id} (same metric)`);
      }
      if (fact.unit !== first.unit) {
        add("unit", `"${fact.unit}" differs from "${first.unit}" of ${first.id} (same metric)`);
      }
    }
  }
  return problems;
}

/** Every related figure a fact names is a fact id or a metric key of the data set, not itself. */
function relatedProblems(facts: { fact: Fact; file: string }[], ids: Set<string>): DataProblem[] {
  const names = new Set([...ids, ...facts.map(({ fact }) => fact.metric)]);
  return facts.flatMap(({ fact, file }) =>
    (fact.related ?? [])
      .filter((name) => !names.has(name) || name === fact.id || name === fact.metric)
      .map((name) => ({
        file,
        record: fact.id,
        field: "related",
        message: names.has(name)
          ? `"${name}" is this fact or its own metric`
          : `"${name}" is neither a fact id nor a metric key`,
      })),
  );
}

const DATE_CELL = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Every row has exactly the declared columns (plus its citation), each cell of the column's type. */
function tableProblems(table: ReferenceTable, file: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const keys = table.columns.map((column) => column.key);
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key) || ["source", "locator", "evidence"].includes(key)) {
      problems.push({
        file,
        record: table.name,
        field: "columns",
        message: `column "${key}" is duplicated or reserved`,
      });
    }
    seen.add(key);
  }
  table.rows.forEach((row, index) => {
    const record = `${table.name}.rows[${index}]`;
    const add = (field: string, message: string) => problems.push({ file, record, field, message });
    for (const key of Object.keys(row)) {
      if (!seen.has(key) && !["source", "locator", "evidence"].includes(key)) {
        add(key, "not a declared column");
      }
    }
    for (const column of table.columns) {
      if (!(column.key in row)) {
        add(
          column.key,
          "missing (every row has every column; use null where the source gives nothing)",
        );
        continue;
      }
      const cell = row[column.key];
      if (cell === null) continue;
      switch (column.type) {
        case "text":
          if (typeof cell !== "string")
            add(column.key, `must be text, got ${JSON.stringify(cell)}`);
          break;
        case "number":
          if (typeof cell !== "number")
            add(column.key, `must be a number, got ${JSON.stringify(cell)}`);
          break;
        case "fraction":
          if (typeof cell !== "number" || cell < 0 || cell > 1) {
            add(column.key, `must be a fraction 0-1 (84% -> 0.84), got ${JSON.stringify(cell)}`);
          }
          break;
        case "date":
          if (typeof cell !== "string" || !DATE_CELL.test(cell)) {
            add(
              column.key,
              `must be a date YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(cell)}`,
            );
          }
          break;
      }
    }
    if (wordCount(row.evidence) > MAX_EVIDENCE_WORDS) {
      add("evidence", `${wordCount(row.evidence)} words; quote at most ${MAX_EVIDENCE_WORDS}`);
    }
  });
  return problems;
}

/** The metric whose claim the import-shares table's India/China row repeats. */
const INDIA_CHINA_SHARE = "india.magnet_imports.china_share";

/** The import-shares table repeats one claim of India's China share; it must agree with that claim. */
function crossTableProblems(
  tables: ReferenceTable[],
  facts: { fact: Fact; file: string }[],
  files: DataFile[],
): DataProblem[] {
  const table = tables.find((candidate) => candidate.name === "import_sources");
  if (!table) return [];
  const file = files.find((candidate) => baseName(candidate.path) === "import_sources")?.path ?? "";
  const index = table.rows.findIndex((row) => row.importer === "India" && row.exporter === "China");
  if (index === -1) {
    return [
      {
        file,
        record: table.name,
        field: "rows",
        message: `no India/China row (${INDIA_CHINA_SHARE})`,
      },
    ];
  }
  const row = table.rows[index];
  const share = row.share;
  const claim = facts.find(
    ({ fact }) =>
      fact.metric === INDIA_CHINA_SHARE &&
      fact.source === row.source &&
      typeof share === "number" &&
      sameFigure(share, fact.value),
  );
  if (!claim) {
    return [
      {
        file,
        record: `${table.name}.rows[${index}]`,
        field: "share",
        message: `${JSON.stringify(share)} from ${row.source} is no claim of ${INDIA_CHINA_SHARE} from that source`,
      },
    ];
  }
  return [];
}

/**
 * Each series entry names a fact whose period is a fiscal year, half or calendar year; a series
 * keeps to one axis and gives each period once.
 */
function seriesProblems(file: DataFile, facts: { fact: Fact }[]): DataProblem[] {
  const check = compiled();
  const byId = new Map(facts.map(({ fact }) => [fact.id, fact]));
  const axes = new Map<string, PeriodAxis>();
  const seen = new Set<string>();
  const problems: DataProblem[] = [];
  arrayOf(file, problems).forEach((record, index) => {
    const name = `#${index}`;
    if (!check.seriesEntry(record)) {
      problems.push(...schemaProblems(file.path, name, check.seriesEntry.errors));
      return;
    }
    const entry = record as SeriesEntry;
    const add = (field: string, message: string) =>
      problems.push({ file: file.path, record: name, field, message });
    const fact = byId.get(entry.fact);
    if (!fact) {
      add("fact", `unknown fact "${entry.fact}"`);
      return;
    }
    const period = parsePeriod(fact.period ?? "");
    if (!period) {
      add(
        "fact",
        `${fact.id}'s period ${JSON.stringify(fact.period)} is not a fiscal year (FY25), half (H1 FY26) or calendar year (2024)`,
      );
      return;
    }
    const axis = axes.get(entry.series) ?? period.axis;
    axes.set(entry.series, axis);
    if (period.axis !== axis) {
      add(
        "fact",
        `${period.label} is a ${period.axis} period; series ${entry.series} is on the ${axis} axis`,
      );
    }
    const key = `${entry.series}|${period.label}`;
    if (seen.has(key)) add("fact", `${period.label} is given twice for series ${entry.series}`);
    seen.add(key);
  });
  return problems;
}
