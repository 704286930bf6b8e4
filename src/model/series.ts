/**
 * Time series from series.json: one measure over time, in period order, each
 * point the fact it comes from. A series keeps to one axis, India's fiscal year (FY25, H1 FY26) or
 * the calendar year (2024), and a bound on the other axis is refused rather than silently mapped:
 * FY25 is not 2024 or 2025. Missing periods stay missing (no zeros, no interpolation).
 */
import {
  factById,
  factCitation,
  parsePeriod,
  periodEnd,
  SERIES_ENTRIES,
  type Period,
  type PeriodAxis,
} from "../data";
import { naError, numError, valueError } from "./errors";
import { spillTable, type Spill } from "./spill";
import { SERIES_HEADER } from "./spillHeaders";
import { didYouMean, normalizeName } from "./names";

export interface SeriesPoint {
  period: Period;
  value: number;
  unit: string;
  /** The fact the point comes from. */
  fact: string;
  /** One-line citation of that fact. */
  source: string;
}

export interface Series {
  /** Series key, e.g. "india.magnet_imports_t". */
  key: string;
  axis: PeriodAxis;
  points: SeriesPoint[];
}

const AXIS_WORDS: Record<PeriodAxis, string> = {
  fiscal:
    'India\'s fiscal year (April to March): give a fiscal year such as "FY24" or a half such as "H1 FY26"',
  calendar: "calendar years: give a year such as 2024",
};

function loadSeries(): Map<string, Series> {
  const all = new Map<string, Series>();
  for (const entry of SERIES_ENTRIES) {
    const fact = factById(entry.fact);
    const period = parsePeriod(fact?.period ?? "");
    // The data validation guarantees both; an entry without them cannot be placed on an axis.
    if (!period || !fact) continue;
    const key = entry.series;
    const series = all.get(normalizeName(key)) ?? { key, axis: period.axis, points: [] };
    series.points.push({
      period,
      value: fact.value,
      unit: fact.unit,
      fact: fact.id,
      source: factCitation(fact),
    });
    all.set(normalizeName(key), series);
  }
  all.forEach((series) =>
    series.points.sort(
      (a, b) => a.period.startMonth - b.period.startMonth || a.period.months - b.period.months,
    ),
  );
  return all;
}

let cache: Map<string, Series> | undefined;
/** Every series, read once: the bundled data never changes while the add-in runs. */
function allSeries(): Map<string, Series> {
  cache ??= loadSeries();
  return cache;
}

/** Every series key, in table order. */
export function seriesKeys(): string[] {
  return Array.from(allSeries().values(), (series) => series.key);
}

/** A series by key (case-insensitive), or #N/A with a suggestion. */
export function findSeries(key: string): Series {
  const series = allSeries().get(normalizeName(key));
  if (series) return series;
  const keys = seriesKeys();
  throw naError(
    `Unknown series "${key}".${didYouMean(key, keys) || ` Series: ${keys.join(", ")}.`}`,
  );
}

/** A bound given as text ("FY24", "H1 FY26", "2024") or a number (a calendar year). */
function bound(series: Series, given: string | number, name: string): Period {
  const text = typeof given === "number" ? String(given) : given;
  const period = parsePeriod(text);
  if (!period) {
    throw valueError(
      `${name} "${text}" is not a period. ${series.key} is on ${AXIS_WORDS[series.axis]}.`,
    );
  }
  if (period.axis !== series.axis) {
    throw valueError(
      `${name} ${period.label} is a ${period.axis} year, but ${series.key} is on ${AXIS_WORDS[series.axis]}. Fiscal and calendar years are not interchangeable (FY25 is April 2024 to March 2025).`,
    );
  }
  return period;
}

/** The points of a series from `from` to `to` (both inclusive, either optional), in period order. */
export function seriesPoints(
  key: string,
  from?: string | number,
  to?: string | number,
): SeriesPoint[] {
  const series = findSeries(key);
  const start = from === undefined ? undefined : bound(series, from, "from");
  const end = to === undefined ? undefined : bound(series, to, "to");
  if (start && end && start.startMonth > end.startMonth) {
    throw numError(`from ${start.label} comes after to ${end.label}.`);
  }
  return series.points.filter(
    ({ period }) =>
      (!start || period.startMonth >= start.startMonth) &&
      (!end || periodEnd(period) <= periodEnd(end)),
  );
}

/** REE.SERIES's spill: a header, then Period | Value | Unit | Source for each point. */
export function seriesTable(key: string, from?: string | number, to?: string | number): Spill {
  return spillTable(SERIES_HEADER, seriesPoints(key, from, to), (point) => [
    point.period.label,
    point.value,
    point.unit,
    point.source,
  ]);
}
