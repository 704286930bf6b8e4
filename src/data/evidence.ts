/**
 * Pure text logic behind `npm run data:verify`: normalising source text, finding an evidence fragment
 * in it, and reading the figures a fragment states. No file system, so it is unit-tested on strings.
 */

/** A figure stated in a text: where it is and every number it may stand for. */
export interface Mention {
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  text: string;
  /** Readings of the figure: as written, and scaled ("6.9 million" -> 6.9 and 6900000, "84%" -> 84 and 0.84). */
  values: number[];
}

/**
 * Collapses the differences that copying text between editors introduces: whitespace runs (tabs in
 * the USGS tables), curly and straight quotes, and the dash family (hyphen, en and em dash, minus).
 */
export function normaliseText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The text of a source as published: a report excerpt's header lines (those starting with "#",
 * which name its publisher, title, date and URL) are ours, not the report's, so evidence is never
 * found in them and their numerals are not counted.
 */
export function publishedText(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => !line.startsWith("#"))
    .join("\n");
}

/** Every offset at which the fragment occurs in the text, both normalised. */
export function findVerbatim(text: string, fragment: string): number[] {
  const haystack = normaliseText(text);
  const needle = normaliseText(fragment);
  const found: number[] = [];
  if (needle === "") return found;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}

export function containsVerbatim(text: string, fragment: string): boolean {
  return findVerbatim(text, fragment).length > 0;
}

const UNITS_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS_WORDS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
};

/** Words that stand for a number on their own. */
const OTHER_WORDS: Record<string, number> = {
  half: 0.5,
  quarter: 0.25,
  dozen: 12,
  decade: 10,
};

/** Words that multiply the number before them. */
const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  lakh: 1e5,
  million: 1e6,
  crore: 1e7,
  billion: 1e9,
  trillion: 1e12,
};

// A Map, so that words such as "constructor" do not hit Object.prototype.
const WORD_VALUES = new Map(
  [UNITS_WORDS, TENS_WORDS, ORDINAL_WORDS, OTHER_WORDS].flatMap((words) => Object.entries(words)),
);
const wordValue = (word: string): number | undefined => WORD_VALUES.get(word);
const isTens = (word: string): boolean => Object.keys(TENS_WORDS).includes(word);

// Digits not glued to letters (so "B2B", "FY25" and "360info" are labels, not figures), except an
// ordinal suffix ("14th"). The leading character is captured rather than looked behind at, since
// older Office webviews (Safari before 16.4) reject lookbehind and this module is bundled.
// "Rs.7280" is a figure after a currency abbreviation, not the decimals of a number.
const DIGITS = /(^|Rs\.|[^A-Za-z0-9.,])(\d+(?:,\d{3})*(?:\.\d+)?)(?:st|nd|rd|th)?(?![A-Za-z0-9])/g;
const WORDS = /[A-Za-z]+(?:-[A-Za-z]+)*/g;
const PERCENT_AFTER = /^\s*(?:%|percent\b|per cent\b)/i;
const SCALE_AFTER = /^\s*(hundred|thousand|lakh|million|crore|billion|trillion)\b/i;
const RANGE_BETWEEN = /^\s*(?:-|to)\s*$/i;

function scaled(base: number, after: string): { values: number[]; length: number } {
  const values = [base];
  let length = 0;
  const scale = SCALE_AFTER.exec(after);
  if (scale) {
    values.push(base * SCALES[scale[1].toLowerCase()]);
    length = scale[0].length;
  }
  const percent = PERCENT_AFTER.exec(after.slice(length));
  if (percent) {
    values.push(base / 100);
    length += percent[0].length;
  }
  return { values, length };
}

/**
 * Every figure in a text with the numbers it may stand for: digits with thousands separators and
 * decimals, "million"/"crore" scales, "%"/"percent" (also as a fraction), both ends of a range
 * ("400-500", "10-20%" scales both), number words and ordinals ("seven", "third-largest",
 * "twenty-first", "a quarter"), and years in dates.
 */
export function mentionsIn(text: string): Mention[] {
  const normal = normaliseText(text);
  const mentions: Mention[] = [];

  for (const match of normal.matchAll(DIGITS)) {
    const start = match.index + match[1].length;
    const end = match.index + match[0].length;
    const { values, length } = scaled(Number(match[2].replace(/,/g, "")), normal.slice(end));
    mentions.push({ start, end: end + length, text: "", values });
  }
  // A range takes its scale from its upper end: "10-20%" is 0.1-0.2, "1-2 million" is 1e6-2e6.
  for (let i = mentions.length - 2; i >= 0; i--) {
    const [low, high] = [mentions[i], mentions[i + 1]];
    const between = normal.slice(low.end, high.start);
    if (low.values.length === 1 && RANGE_BETWEEN.test(between) && high.values.length > 1) {
      const factor = high.values[high.values.length - 1] / high.values[0];
      low.values.push(low.values[0] * factor);
    }
  }

  for (const match of normal.matchAll(WORDS)) {
    const parts = match[0].toLowerCase().split("-");
    let offset = match.index;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const start = offset;
      offset += part.length + 1;
      const value = wordValue(part);
      if (value === undefined) continue;
      // "twenty-first", "thirty-two": a tens word and a unit word hyphenated make one number.
      const next = parts[i + 1];
      const compound = isTens(part) && next !== undefined ? wordValue(next) : undefined;
      if (compound !== undefined && compound >= 1 && compound < 10 && Number.isInteger(compound)) {
        mentions.push({
          start,
          end: start + part.length + 1 + next.length,
          text: "",
          values: [value + compound],
        });
        i++;
        offset += next.length + 1;
        continue;
      }
      const end = start + part.length;
      const after = i === parts.length - 1 ? normal.slice(match.index + match[0].length) : "";
      const { values, length } = scaled(value, after);
      mentions.push({ start, end: end + length, text: "", values });
    }
  }

  return mentions
    .sort((a, b) => a.start - b.start)
    .map((mention) => ({ ...mention, text: normal.slice(mention.start, mention.end) }));
}

/** Every number a fragment may stand for. */
export function numbersIn(fragment: string): number[] {
  return mentionsIn(fragment).flatMap((mention) => mention.values);
}

const close = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** The multiplier of a unit counted in millions or crores ("USD million": 1e6). */
const UNIT_SCALES: Record<string, number> = { "USD million": 1e6, "INR crore": 1e7 };

/**
 * True when the figure is among the numbers the fragment states; a figure in a unit of millions or
 * crores also matches its full amount ("$1.07 billion" states 1,070 USD million).
 */
export function figureIn(figure: number, fragment: string, unit?: string): boolean {
  const scale = unit === undefined ? undefined : UNIT_SCALES[unit];
  return numbersIn(fragment).some(
    (number) => close(number, figure) || (scale !== undefined && close(number, figure * scale)),
  );
}

/** The shape of a fact as far as evidence checking needs it. */
export interface CheckedFact {
  id: string;
  value: number;
  /** Money units are stored in millions or crores; the text may say "$1.07 billion". */
  unit?: string;
  low: number | null;
  high: number | null;
  qualifier: string;
  evidence: string;
  derived?: boolean;
}

/**
 * Misses for one fact against its source text: the evidence must occur verbatim, and the stated
 * figure(s) must appear in it: low and high for a range (the midpoint is ours), value plus any bound
 * otherwise. A derived figure is ours, so only its evidence is checked.
 */
export function checkFactEvidence(fact: CheckedFact, sourceText: string): string[] {
  const misses: string[] = [];
  if (!containsVerbatim(sourceText, fact.evidence)) {
    misses.push(`${fact.id}.evidence: not found verbatim in the source text`);
  }
  if (fact.derived === true) return misses;
  const figures: [string, number | null][] =
    fact.qualifier === "range"
      ? [
          ["low", fact.low],
          ["high", fact.high],
        ]
      : [
          ["value", fact.value],
          ["low", fact.low],
          ["high", fact.high],
        ];
  for (const [field, figure] of figures) {
    if (figure !== null && !figureIn(figure, fact.evidence, fact.unit)) {
      misses.push(
        `${fact.id}.${field}: ${figure} does not appear in the evidence "${fact.evidence}"`,
      );
    }
  }
  return misses;
}

/** The shape of a table as far as evidence checking needs it. */
export interface CheckedTable {
  name: string;
  columns: readonly { key: string; type: string; unit?: string }[];
}

/**
 * Misses for one table row: the evidence must occur verbatim, and each measured cell (a number or
 * fraction column with a unit, a date column's year) must appear in it. A fraction also matches
 * as a percentage, since the USGS tables give shares in percent.
 */
export function checkRowEvidence(
  table: CheckedTable,
  index: number,
  row: { [key: string]: unknown; evidence: string },
  sourceText: string,
): string[] {
  const record = `${table.name}.rows[${index}]`;
  const misses: string[] = [];
  if (!containsVerbatim(sourceText, row.evidence)) {
    misses.push(`${record}.evidence: not found verbatim in the source text`);
  }
  const numbers = numbersIn(row.evidence);
  const stated = (figure: number) => numbers.some((number) => close(number, figure));
  for (const column of table.columns) {
    const cell = row[column.key];
    let ok = true;
    if (typeof cell === "number" && column.unit !== undefined) {
      ok = stated(cell) || (column.type === "fraction" && stated(cell * 100));
    } else if (typeof cell === "string" && column.type === "date") {
      ok = stated(Number(cell.slice(0, 4)));
    }
    if (!ok) {
      misses.push(
        `${record}.${column.key}: ${JSON.stringify(cell)} does not appear in the evidence "${row.evidence}"`,
      );
    }
  }
  return misses;
}

/**
 * The figures of a text that no fragment covers: every numeral of an article must sit inside the
 * evidence of a fact or of an "unrecorded" entry, which is how data:verify shows that no figure
 * was skipped. Offsets are in the normalised text.
 */
export function uncoveredMentions(text: string, fragments: readonly string[]): Mention[] {
  const normal = normaliseText(text);
  const spans = fragments.flatMap((fragment) => {
    const length = normaliseText(fragment).length;
    return findVerbatim(normal, fragment).map((start) => [start, start + length] as const);
  });
  return mentionsIn(normal).filter(
    (mention) => !spans.some(([start, end]) => mention.start >= start && mention.end <= end),
  );
}

/**
 * The paragraph a locator names in an article, whose paragraphs are its non-empty lines:
 * "para N" counts from the top, "Heading, para N" from the line that is exactly the heading.
 * Undefined when the locator has another form or names no such paragraph.
 */
export function paragraphAt(text: string, locator: string): string | undefined {
  const match = /^(?:(.*), )?para (\d+)$/.exec(locator.trim());
  if (!match) return undefined;
  const lines = text
    .split(/\r?\n/)
    .map(normaliseText)
    .filter((line) => line !== "");
  const [, heading, number] = match;
  const start = heading === undefined ? 0 : lines.indexOf(normaliseText(heading)) + 1;
  if (start === 0 && heading !== undefined) return undefined;
  return lines[start + Number(number) - 1];
}

/** A miss when the evidence is not in the paragraph its locator names (articles and reports). */
export function checkLocator(
  record: string,
  locator: string,
  evidence: string,
  sourceText: string,
): string[] {
  const paragraph = paragraphAt(sourceText, locator);
  if (paragraph === undefined)
    return [`${record}.locator: "${locator}" names no paragraph of the source`];
  return containsVerbatim(paragraph, evidence)
    ? []
    : [`${record}.locator: the evidence is not in "${locator}"`];
}

/** Source kinds whose text is prose (the articles and the newer reports), not a table. */
const PROSE_KINDS = new Set(["article", "report"]);

/** What verifyDataSet needs of the data set; the bundled arrays fit. */
export interface VerifiedData {
  sources: readonly { id: string; kind: string; file?: string }[];
  facts: readonly (CheckedFact & { source: string; locator: string })[];
  tables: readonly (CheckedTable & {
    rows: readonly { [key: string]: unknown; source: string; locator: string; evidence: string }[];
  })[];
  unrecorded: readonly { source: string; locator: string; evidence: string; fact: string | null }[];
}

export interface VerifyReport {
  misses: string[];
  facts: number;
  rows: number;
  /** Numerals found in the articles, each of which must be covered. */
  numerals: number;
}

/**
 * Checks a data set against the texts of its sources (source id -> text; a missing text is a
 * miss): each fact's and row's evidence occurs verbatim, in the paragraph its locator names
 * (articles and reports, whose "#" header lines are dropped first), and states the recorded
 * figures; each unrecorded entry occurs and, for a repeat, states its fact's figure; and every
 * numeral of every article and report sits in some fact's or unrecorded entry's evidence.
 */
export function verifyDataSet(
  data: VerifiedData,
  sourceTexts: ReadonlyMap<string, string>,
): VerifyReport {
  const misses: string[] = [];
  // Articles and report excerpts are prose: paragraphs located, every numeral accounted for.
  const articles = new Set(data.sources.filter((s) => PROSE_KINDS.has(s.kind)).map((s) => s.id));
  const texts = new Map(
    [...sourceTexts].map(([id, text]) => [id, articles.has(id) ? publishedText(text) : text]),
  );
  for (const source of data.sources) {
    if (!texts.has(source.id))
      misses.push(`${source.id}: source text not found (${source.file ?? "no file"})`);
  }
  const cite = (
    source: string,
    record: string,
    locator: string,
    evidence: string,
    found: string[],
  ) => {
    const text = texts.get(source);
    if (text === undefined) return;
    misses.push(...found.map((miss) => `${source}: ${miss}`));
    if (articles.has(source) && containsVerbatim(text, evidence)) {
      misses.push(
        ...checkLocator(record, locator, evidence, text).map((miss) => `${source}: ${miss}`),
      );
    }
  };

  for (const fact of data.facts) {
    const text = texts.get(fact.source) ?? "";
    cite(fact.source, fact.id, fact.locator, fact.evidence, checkFactEvidence(fact, text));
  }
  let rows = 0;
  for (const table of data.tables) {
    table.rows.forEach((row, index) => {
      rows++;
      const text = texts.get(row.source) ?? "";
      const record = `${table.name}.rows[${index}]`;
      cite(
        row.source,
        record,
        row.locator,
        row.evidence,
        checkRowEvidence(table, index, row, text),
      );
    });
  }

  const factsById = new Map(data.facts.map((fact) => [fact.id, fact]));
  data.unrecorded.forEach((entry, index) => {
    const record = `unrecorded[${index}]`;
    const found: string[] = [];
    if (!containsVerbatim(texts.get(entry.source) ?? "", entry.evidence)) {
      found.push(`${record}.evidence: not found verbatim in the source text`);
    }
    const fact = entry.fact === null ? undefined : factsById.get(entry.fact);
    const figures = !fact ? [] : fact.qualifier === "range" ? [fact.low, fact.high] : [fact.value];
    for (const figure of figures) {
      if (figure !== null && !figureIn(figure, entry.evidence)) {
        found.push(`${record}: repeats ${entry.fact} but ${figure} is not in "${entry.evidence}"`);
      }
    }
    cite(entry.source, record, entry.locator, entry.evidence, found);
  });

  let numerals = 0;
  for (const source of articles) {
    const text = texts.get(source);
    if (text === undefined) continue;
    const fragments = [
      ...data.facts.filter((fact) => fact.source === source).map((fact) => fact.evidence),
      ...data.unrecorded.filter((entry) => entry.source === source).map((entry) => entry.evidence),
    ];
    const normal = normaliseText(text);
    numerals += mentionsIn(normal).length;
    for (const mention of uncoveredMentions(normal, fragments)) {
      const context = normal.slice(Math.max(0, mention.start - 50), mention.end + 50);
      misses.push(
        `${source}: "${mention.text}" is in no evidence (add a fact or an unrecorded entry): ...${context}...`,
      );
    }
  }
  return { misses, facts: data.facts.length, rows, numerals };
}
