/**
 * Matching of names typed by people (countries, products, tables, topics, options) against the names
 * in the data set: case-insensitive, ignoring surrounding spaces, punctuation and common aliases, with
 * a "Did you mean ...?" suggestion for near misses.
 */
import { naError } from "./errors";

/** Lowercase, trimmed, dots and apostrophes dropped, dashes/underscores/slashes as spaces, "&" as "and". */
export function normalizeName(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[.'\u2019]/g, "")
    .replace(/&/g, " and ")
    .replace(/[-\u2010-\u2015_/]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Groups of names that mean the same country or product (normalised). */
const ALIAS_GROUPS: readonly (readonly string[])[] = [
  [
    "rare earth magnets",
    "rare earth magnet",
    "magnets",
    "magnet",
    "repm",
    "repms",
    "rare earth permanent magnets",
    "rare earth permanent magnet",
    "permanent magnets",
    "permanent magnet",
    "ndfeb magnets",
    "ndfeb magnet",
    "ndfeb",
    "neodymium magnets",
    "neodymium magnet",
  ],
  [
    "rare earth compounds and metals",
    "rare earth compounds and metal",
    "compounds and metals",
    "rare earth compounds",
    "rare earth metals",
  ],
  ["united states", "us", "usa", "united states of america", "america"],
  ["burma", "myanmar"],
  ["united kingdom", "uk", "britain", "great britain"],
  ["china", "prc", "peoples republic of china", "mainland china"],
  ["russia", "russian federation"],
  ["vietnam", "viet nam"],
  ["south korea", "korea", "republic of korea"],
  ["world", "world total"],
];

const aliasesOf = new Map<string, readonly string[]>();
for (const group of ALIAS_GROUPS) for (const name of group) aliasesOf.set(name, group);

/** Every normalised key a stored name answers to: "Burma (Myanmar)" -> "burma myanmar", "burma", "myanmar". */
function keysOf(name: string): string[] {
  const keys = [normalizeName(name)];
  const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
  if (paren) keys.push(normalizeName(paren[1]), normalizeName(paren[2]));
  return keys.flatMap((key) => [key, ...(aliasesOf.get(key) ?? [])]);
}

/** True when a normalised typed name names the stored name, directly or through an alias. */
const namesStored = (wanted: string, stored: string): boolean => keysOf(stored).includes(wanted);

/** True when what a person typed names the stored name, directly or through an alias. */
export function sameName(typed: string, stored: string): boolean {
  return namesStored(normalizeName(typed), stored);
}

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/**
 * How far into a long pasted text a known name is looked for: searching all 32,767 characters a
 * cell can hold for each of hundreds of ids would make one call take milliseconds.
 */
const SEARCHED_PREFIX = 1_000;

/** The closest candidate when it is close enough to be a likely typo or a partial name. */
export function closestName(typed: string, candidates: readonly string[]): string | undefined {
  const wanted = normalizeName(typed);
  if (wanted.length === 0) return undefined;
  const searched = wanted.slice(0, SEARCHED_PREFIX);
  let best: { name: string; score: number } | undefined;
  for (const name of candidates) {
    const key = normalizeName(name);
    const partial = wanted.length >= 3 && (key.includes(wanted) || searched.includes(key));
    const limit = Math.max(1, Math.floor(Math.max(wanted.length, key.length) / 3));
    // The distance is at least the difference in length: skip the quadratic work when that is
    // already too far (a long pasted text against short names).
    const distance =
      Math.abs(wanted.length - key.length) > limit ? Infinity : editDistance(wanted, key);
    const score = partial ? Math.min(distance, limit) : distance;
    if ((partial || distance <= limit) && (!best || score < best.score)) best = { name, score };
  }
  return best?.name;
}

/** ' Did you mean "x"?' or an empty string. */
export function didYouMean(typed: string, candidates: readonly string[]): string {
  const close = closestName(typed, candidates);
  return close === undefined ? "" : ` Did you mean "${close}"?`;
}

/**
 * Finds typed text by its normalised form; anything else is #N/A: 'Unknown {what} "{typed}"', then
 * `usage` (what to type instead) and a near miss among `suggested`.
 */
function parserOf<T>(
  byName: ReadonlyMap<string, T>,
  what: string,
  usage: string,
  suggested: readonly string[],
): (typed: string) => T {
  return (typed) => {
    const found = byName.get(normalizeName(typed));
    if (found !== undefined) return found;
    throw naError(`Unknown ${what} "${typed}"${usage}${didYouMean(typed, suggested)}`);
  };
}

/**
 * An option typed as a word (a gap basis, a measure, an element): each option with the words people
 * type for it. A Map, not an object: "constructor" or "toString" typed as an option finds nothing.
 */
export function optionParser<T extends string>(
  what: string,
  wordsFor: Readonly<Record<T, readonly string[]>>,
  usage: string,
  suggested: readonly string[] = Object.keys(wordsFor),
): (typed: string) => T {
  const byWord = new Map<string, T>();
  (Object.keys(wordsFor) as T[]).forEach((option) =>
    wordsFor[option].forEach((word) => byWord.set(normalizeName(word), option)),
  );
  return parserOf(byWord, what, usage, suggested);
}

/** One of a list of named items, typed by its name; anything else is #N/A listing the names. */
export function itemParser<T>(
  what: string,
  items: readonly T[],
  nameOf: (item: T) => string,
): (typed: string) => T {
  const names = items.map(nameOf);
  const byName = new Map(items.map((item) => [normalizeName(nameOf(item)), item]));
  return parserOf(byName, what, `: use one of ${names.join(", ")}.`, names);
}

/** Up to this many names (the USGS countries, the fact fields) are listed when none is close. */
const MAX_LISTED = 30;

/** The item whose name matches, or a #N/A ModelError listing or suggesting what exists. */
export function findByName<T>(
  typed: string,
  items: readonly T[],
  nameOf: (item: T) => string,
  what: string,
): T {
  const wanted = normalizeName(typed);
  const found = items.find((item) => namesStored(wanted, nameOf(item)));
  if (found !== undefined) return found;
  const names = Array.from(new Set(items.map(nameOf)));
  // Short forms are suggested too: "magnetz" is closer to "magnets" than to "rare earth magnets".
  const hint = didYouMean(typed, [...names, ...names.flatMap((name) => keysOf(name).slice(1))]);
  const known = names.length <= MAX_LISTED ? ` Known: ${names.join(", ")}.` : "";
  throw naError(`Unknown ${what} "${typed}".${hint || known}`);
}
