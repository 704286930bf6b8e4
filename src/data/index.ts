/**
 * Typed, pure accessors over the bundled reference data set. Used by the custom functions, the task
 * pane, the workbook writers and the scripts alike. No Office, React or DOM.
 */
import { FACTS, SOURCES, TABLES } from "./dataset";
import type { Fact, Qualifier, ReferenceTable, Source } from "./types";

export type * from "./types";
export { FACT_FIELDS, QUALIFIERS, TOPICS, UNITS } from "./types";
export { FACTS, SOURCES, TABLES, UNRECORDED, DATA_VERSION, HISTORY } from "./dataset";
export { figuresAt, releasedVersions } from "./history";
export {
  prepareSearch,
  searchFacts,
  searchTables,
  type FactSearchOptions,
  type TableHit,
} from "./search";

const key = (text: string): string => text.trim().toLowerCase();

const factsById = new Map(FACTS.map((fact) => [key(fact.id), fact]));
const factsByMetric = new Map<string, Fact[]>();
for (const fact of FACTS) {
  const claims = factsByMetric.get(key(fact.metric)) ?? [];
  claims.push(fact);
  factsByMetric.set(key(fact.metric), claims);
}
const sourcesById = new Map(SOURCES.map((source) => [key(source.id), source]));
const tablesByName = new Map(TABLES.map((table) => [key(table.name), table]));

/** A fact by its id, matched case-insensitively ignoring surrounding spaces. */
export function factById(id: string): Fact | undefined {
  return factsById.get(key(id));
}

/** Every claim made about a metric, one per source. Empty when the metric is unknown. */
export function claimsForMetric(metric: string): readonly Fact[] {
  return factsByMetric.get(key(metric)) ?? [];
}

const QUALIFIER_RANK: Record<Qualifier, number> = {
  exact: 0,
  approx: 1,
  range: 2,
  over: 3,
  under: 3,
};

const sameValue = (a: Fact, b: Fact): boolean => a.value === b.value;

/**
 * The claim to use when sources disagree. The rule, in order:
 * 1. a stated figure beats a derived one;
 * 2. the value the most sources agree on;
 * 3. the most precise statement (exact, then approximate, then a range, then a bound);
 * 4. the most recently dated source (undated sources last);
 * 5. the id, alphabetically, so the choice never depends on file order.
 */
export function preferredClaim(metric: string): Fact | undefined {
  const claims = claimsForMetric(metric);
  const support = (fact: Fact) => claims.filter((other) => sameValue(fact, other)).length;
  const dated = (fact: Fact) => sourceById(fact.source)?.date ?? "unknown";
  return [...claims].sort(
    (a, b) =>
      Number(a.derived === true) - Number(b.derived === true) ||
      support(b) - support(a) ||
      QUALIFIER_RANK[a.qualifier] - QUALIFIER_RANK[b.qualifier] ||
      compareDatesNewestFirst(dated(a), dated(b)) ||
      a.id.localeCompare(b.id),
  )[0];
}

function compareDatesNewestFirst(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "unknown") return 1;
  if (b === "unknown") return -1;
  return a < b ? 1 : -1;
}

/** True when the claims for a fact's metric do not all give the same value. */
export function isDisputed(metric: string): boolean {
  const claims = claimsForMetric(metric);
  return claims.some((claim) => !sameValue(claim, claims[0]));
}

/** A fact by id, or the preferred claim when the text names a metric shared by several sources. */
export function resolveFact(idOrMetric: string): Fact | undefined {
  return factById(idOrMetric) ?? preferredClaim(idOrMetric);
}

export function sourceById(id: string): Source | undefined {
  return sourcesById.get(key(id));
}

export function tableByName(name: string): ReferenceTable | undefined {
  return tablesByName.get(key(name));
}

export function factsByTopic(topic: string): readonly Fact[] {
  return FACTS.filter((fact) => key(fact.topic) === key(topic));
}

/** Every fact taken from one source, in file order. */
export function factsBySource(source: string): readonly Fact[] {
  return FACTS.filter((fact) => key(fact.source) === key(source));
}

/** Every metric key, in order of first appearance. */
export function metricKeys(): readonly string[] {
  return [...new Set(FACTS.map((fact) => fact.metric))];
}
export { citation, citeSource, factCitation, sourceCitation } from "./citation";
