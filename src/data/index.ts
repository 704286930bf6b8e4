/**
 * Typed, pure accessors over the bundled reference data set. Used by the custom functions, the task
 * pane, the workbook writers and the scripts alike. No Office, React or DOM.
 */
import { sourceById } from "./citation";
import { FACTS, HISTORY, TABLES } from "./dataset";
import type { Fact, Qualifier, ReferenceTable } from "./types";

export type * from "./types";
export type { Period, PeriodAxis } from "./periods";
export { parsePeriod, periodEnd } from "./periods";
export { QUALIFIERS, SOURCE_KINDS, TOPICS, UNITS } from "./types";
export {
  FACTS,
  SOURCES,
  TABLES,
  UNRECORDED,
  DATA_VERSION,
  HISTORY,
  SERIES_ENTRIES,
} from "./dataset";
export { factNamedIn, figuresAt, releasedVersions } from "./history";

const key = (text: string): string => text.trim().toLowerCase();

const factsById = new Map(FACTS.map((fact) => [key(fact.id), fact]));
const factsByMetric = new Map<string, Fact[]>();
for (const fact of FACTS) {
  const claims = factsByMetric.get(key(fact.metric)) ?? [];
  claims.push(fact);
  factsByMetric.set(key(fact.metric), claims);
}
const tablesByName = new Map(TABLES.map((table) => [key(table.name), table]));

/** Ids a release retired when their metric gained claims from other sources: old id -> metric. */
const retiredIds = new Map(
  HISTORY.releases.flatMap((release) =>
    (release.renamed ?? []).map((rename) => [key(rename.from), rename.to] as const),
  ),
);

/**
 * A fact by its id, matched case-insensitively ignoring surrounding spaces. An id a release retired
 * (it became the key of a metric several sources now state) gives what a formula naming it now
 * gives: the metric's preferred claim.
 */
export function factById(id: string): Fact | undefined {
  return factsById.get(key(id)) ?? (retiredIds.has(key(id)) ? preferredClaim(id) : undefined);
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

/** "metal magnets" of "metal magnets (quantity)": what is counted, without how it is measured. */
const basisSubject = (basis: string | null): string =>
  (basis ?? "").replace(/\s*\(.*\)$/, "").toLowerCase();
/** "quantity" of "magnets (quantity)"; "" when the basis does not say. */
const basisMeasure = (basis: string | null): string => /\((.*)\)$/.exec(basis ?? "")?.[1] ?? "";

/**
 * True when two claims count the same thing the same way, so a difference between them is a
 * disagreement. They do not when one counts a part of what the other counts (its subject is the
 * other's, qualified: "metal magnets" of "magnets") or when both state different measures
 * ("magnets (value)" against "magnets (quantity)"); differently worded subjects still compare.
 */
export function comparableBasis(a: Fact, b: Fact): boolean {
  const [x, y] = [basisSubject(a.basis), basisSubject(b.basis)];
  const part = (narrow: string, wide: string) => wide !== "" && narrow.endsWith(` ${wide}`);
  if (x !== y && (part(x, y) || part(y, x))) return false;
  const [m, n] = [basisMeasure(a.basis), basisMeasure(b.basis)];
  return m === "" || n === "" || m === n;
}

/** A period that names a year, fiscal year or half ("2024", "FY25", "H1 FY26"), not "current". */
const namesPeriod = (fact: Fact): boolean => /\b(?:FY\d{2}|\d{4})\b/.test(fact.period ?? "");

/**
 * The claim to use when sources disagree. The rule, in order:
 * 1. a stated figure beats a derived one;
 * 2. a claim on the basis most claims share beats one about a part or another measure
 *    (all magnets over metal magnets only);
 * 3. the value the most comparable claims agree on;
 * 4. a claim that names its period (FY25, 2024) beats an undated one ("current", none);
 * 5. the most precise statement (exact, then approximate, then a range, then a bound);
 * 6. the most recently dated source (undated sources last);
 * 7. the id, alphabetically, so the choice never depends on file order.
 * Each metric's note says which claim this picks and why.
 */
export function preferredClaim(metric: string): Fact | undefined {
  const claims = claimsForMetric(metric);
  const support = (fact: Fact) =>
    claims.filter((other) => comparableBasis(fact, other) && sameValue(fact, other)).length;
  const sharing = (fact: Fact) => claims.filter((other) => comparableBasis(fact, other)).length;
  const dated = (fact: Fact) => sourceById(fact.source)?.date ?? "unknown";
  return [...claims].sort(
    (a, b) =>
      Number(a.derived === true) - Number(b.derived === true) ||
      sharing(b) - sharing(a) ||
      support(b) - support(a) ||
      Number(namesPeriod(b)) - Number(namesPeriod(a)) ||
      QUALIFIER_RANK[a.qualifier] - QUALIFIER_RANK[b.qualifier] ||
      compareDatesNewestFirst(dated(a), dated(b)) ||
      compareIds(a.id, b.id),
  )[0];
}

/**
 * Ids in code-unit order (they are lowercase ASCII): the same in every locale, unlike
 * localeCompare, whose first call also loads the collator (tens of milliseconds as the
 * functions and the pane start).
 */
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareDatesNewestFirst(a: string, b: string): number {
  if (a === b) return 0;
  if (a === "unknown") return 1;
  if (b === "unknown") return -1;
  // "2025-11-26" is newer than "2025-11", which is newer than "2025" only where it is later:
  // compare on the common prefix, then the more precise date first.
  const length = Math.min(a.length, b.length);
  if (a.slice(0, length) !== b.slice(0, length)) return a < b ? 1 : -1;
  return b.length - a.length;
}

/**
 * True when two claims for the metric that count the same thing the same way (comparableBasis)
 * give different values. Claims on another basis (metal magnets only, value not quantity) are
 * shown beside the others but are not a dispute.
 */
export function isDisputed(metric: string): boolean {
  const claims = claimsForMetric(metric);
  return claims.some((a) => claims.some((b) => comparableBasis(a, b) && !sameValue(a, b)));
}

/**
 * The figures a fact names as related (fact ids, or metric keys giving their preferred claim), and
 * the facts that name it: figures on another basis a reader should weigh with this one, which the
 * detail view lists as "related figures".
 */
export function relatedFacts(id: string): readonly Fact[] {
  const fact = factById(id);
  if (!fact) return [];
  const named = (fact.related ?? []).flatMap((name) => resolveFact(name) ?? []);
  const naming = FACTS.filter((other) =>
    (other.related ?? []).some(
      (name) => key(name) === key(fact.id) || key(name) === key(fact.metric),
    ),
  );
  return Array.from(new Set([...named, ...naming])).filter((other) => other.id !== fact.id);
}

/** A fact by id, or the preferred claim when the text names a metric shared by several sources. */
export function resolveFact(idOrMetric: string): Fact | undefined {
  return factById(idOrMetric) ?? preferredClaim(idOrMetric);
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
  return Array.from(new Set(FACTS.map((fact) => fact.metric)));
}
export { citeSource, factCitation, locatedCitation, sourceById, sourceCitation } from "./citation";
