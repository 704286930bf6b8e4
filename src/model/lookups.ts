/**
 * Lookups in the reference data: facts and their fields, citations, fact lists by topic, the claims of
 * a disputed metric, reference tables and world shares from the USGS table.
 */
import {
  DATA_VERSION,
  FACTS,
  SOURCES,
  TABLES,
  claimsForMetric,
  factCitation,
  factNamedIn,
  figuresAt,
  preferredClaim,
  releasedVersions,
  resolveFact,
  sourceById,
  sourceCitation,
  tableByName,
} from "../data";
import type { Fact, Source } from "../data";
import { TOPICS } from "../data/types";
import { div0Error, naError } from "./errors";
import { spillTable, type Spill } from "./spill";
import { CLAIMS_HEADER, FACTS_HEADER } from "./spillHeaders";
import { didYouMean, findByName, optionParser } from "./names";

/** "1.0.0 (2026-11-22)". */
export function dataVersion(): string {
  return `${DATA_VERSION.version} (${DATA_VERSION.date})`;
}

/** Where to find the ids when none is close to what was typed: too many to list in a message. */
const LIST_HINT = " =REE.FACTS() lists every fact id.";

const knownIds = (): string[] =>
  Array.from(new Set(FACTS.flatMap((fact) => [fact.id, fact.metric])));

/** A fact by id, or the preferred claim of a metric; #N/A with a suggestion otherwise. */
export function findFact(idOrMetric: string): Fact {
  const fact = resolveFact(idOrMetric);
  if (fact) return fact;
  throw naError(
    `Unknown fact id "${idOrMetric}".${didYouMean(idOrMetric, knownIds()) || LIST_HINT}`,
  );
}

function findSource(id: string): Source {
  const source = sourceById(id);
  if (!source) throw naError(`The reference data has no source "${id}".`);
  return source;
}

/** Citation for a fact id, a metric (its preferred claim) or a source id. */
export function citation(id: string): string {
  const fact = resolveFact(id);
  if (fact) return factCitation(fact);
  const source = sourceById(id);
  if (source) return sourceCitation(source);
  const sourceIds = SOURCES.map((known) => known.id);
  throw naError(
    `Unknown fact or source id "${id}".${didYouMean(id, [...knownIds(), ...sourceIds]) || LIST_HINT}`,
  );
}

/** The fields REE.FACT(id, field) returns (the data set's required fields are data's FACT_FIELDS). */
export const FACT_LOOKUP_FIELDS = [
  "value",
  "low",
  "high",
  "unit",
  "period",
  "source",
  "evidence",
  "url",
  "qualifier",
  "label",
  "basis",
  "locator",
  "note",
  "metric",
  "citation",
  "id",
  "topic",
  "card",
] as const;
export type FactLookupField = (typeof FACT_LOOKUP_FIELDS)[number];

function bound(fact: Fact, field: "low" | "high"): number {
  const value = fact[field];
  if (value !== null) return value;
  // An exact figure is its own bound; any other qualifier without a stated bound has none.
  if (fact.qualifier === "exact") return fact.value;
  const side = field === "low" ? "lower" : "upper";
  throw naError(
    `${fact.id} states no ${side} bound (qualifier "${fact.qualifier}"): "${fact.evidence}".`,
  );
}

/**
 * The fact with its value, low and high as data-set version `vintage` gave them (text fields are
 * not versioned): what a model pinned to that version was built on.
 */
export function factAtVintage(fact: Fact, vintage: string): Fact {
  const versions = releasedVersions();
  if (!versions.includes(vintage.trim())) {
    throw naError(
      `The reference data has no version "${vintage}": versions are ${versions.join(", ")}.`,
    );
  }
  const figures = figuresAt(fact, vintage);
  if (!figures)
    throw naError(`${fact.id} was not yet in version ${vintage} of the reference data.`);
  return { ...fact, ...figures };
}

/**
 * The fact an id or metric names, with its figures as data-set version `vintage` gave them (the
 * current data when omitted). #N/A for an unknown id.
 */
export function factAt(idOrMetric: string, vintage?: string): Fact {
  // An id a later release retired still names, in an older version, the claim it named then.
  const named =
    vintage === undefined
      ? idOrMetric
      : (factNamedIn(idOrMetric, vintage, resolveFact)?.id ?? idOrMetric);
  const current = findFact(named);
  return vintage === undefined ? current : factAtVintage(current, vintage);
}

/**
 * One field of a fact, from the current data or from version `vintage`; text fields the data leaves
 * empty come back as "".
 */
export function factField(
  idOrMetric: string,
  fieldName = "value",
  vintage?: string,
): number | string {
  const fact = factAt(idOrMetric, vintage);
  const field = findByName(
    fieldName,
    FACT_LOOKUP_FIELDS,
    (name) => name,
    "field",
  ) as FactLookupField;
  switch (field) {
    case "low":
    case "high":
      return bound(fact, field);
    case "url":
      return findSource(fact.source).url ?? "";
    case "citation":
      return factCitation(fact);
    case "card":
      // The plain figure, where the host cannot take a card (REE.FACT returns the card where it can).
      return fact.value;
    default:
      return fact[field] ?? "";
  }
}

/** Every fact, or those of one topic, with a header row. */
export function factsTable(topic?: string): Spill {
  const wanted =
    topic === undefined ? undefined : findByName(topic, TOPICS, (name) => name, "topic");
  const facts = wanted === undefined ? FACTS : FACTS.filter((fact) => fact.topic === wanted);
  return spillTable(FACTS_HEADER, facts, (fact) => [
    fact.id,
    fact.label,
    fact.value,
    fact.unit,
    fact.period ?? "",
    fact.source,
  ]);
}

/** Every source's claim about a metric (or about the metric of a fact id), marking the preferred one. */
export function claimsTable(idOrMetric: string): Spill {
  const metric = findFact(idOrMetric).metric;
  const preferred = preferredClaim(metric);
  return spillTable(CLAIMS_HEADER, claimsForMetric(metric), (fact) => [
    fact.id,
    fact.value,
    fact.qualifier,
    fact.unit,
    fact.period ?? "",
    fact.source,
    fact.id === preferred?.id,
  ]);
}

/** A reference table: header row of column labels plus Source, then one row per record. */
export function referenceTable(name: string): Spill {
  const table = tableByName(name) ?? findByName(name, TABLES, (t) => t.name, "table");
  return spillTable(
    [...table.columns.map((column) => column.label), "Source"],
    table.rows,
    (row) => [...table.columns.map((column) => row[column.key] ?? ""), row.source],
  );
}

export type Measure = "production" | "reserves";

export const parseMeasure = optionParser<Measure>(
  "measure",
  { production: ["production", "mine production", "output"], reserves: ["reserves", "reserve"] },
  ': use "production" or "reserves".',
);

/** A country's share of the world total in the USGS table (mine production by year, or reserves). */
export function worldShare(country: string, measure: Measure, year?: number): number {
  const table = tableByName("world_production");
  if (!table) throw naError('The reference data has no table "world_production".');
  const years = table.columns
    .map((column) => /^production_(\d{4})_t$/.exec(column.key))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]));
  let key = "reserves_t";
  let label = "reserves";
  if (measure === "reserves" && year !== undefined) {
    throw naError(`USGS gives reserves for one date only; leave year empty (got ${year}).`);
  }
  if (measure === "production") {
    const wanted = year ?? Math.max(...years);
    if (!years.includes(wanted)) {
      throw naError(`No USGS mine production for ${wanted}; years available: ${years.join(", ")}.`);
    }
    key = `production_${wanted}_t`;
    label = `${wanted} mine production`;
  }
  const world = table.rows.find((row) => /^world/i.test(String(row.country)));
  const row = findByName(country, table.rows, (r) => String(r.country), "country");
  const value = row[key];
  if (typeof value !== "number") {
    throw naError(`USGS gives no ${label} figure for ${String(row.country)} (NA).`);
  }
  const total = world?.[key];
  if (typeof total !== "number" || total === 0) {
    throw div0Error(`The USGS table has no world total for ${label}.`);
  }
  return value / total;
}
