/**
 * Pure text logic behind `npm run data:verify`: finding an evidence fragment in a source text and
 * checking the figures it states against the data set. No file system, so it is unit-tested on
 * strings; the scripts use it, the pane does not.
 */
import {
  figureIn,
  mentionsIn,
  normaliseText,
  numbersIn,
  sameFigure,
  type Mention,
} from "./figures";

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

/**
 * Whether a quotation occurs in the text, both normalised: its parts between elisions ("..." or
 * "…") each occur verbatim, in the order quoted.
 */
export function containsQuotation(text: string, quotation: string): boolean {
  const haystack = normaliseText(text);
  const parts = quotation
    .split(/\.\.\.|\u2026/)
    .map(normaliseText)
    .filter((part) => part !== "");
  let from = 0;
  for (const part of parts) {
    const at = haystack.indexOf(part, from);
    if (at === -1) return false;
    from = at + part.length;
  }
  return parts.length > 0;
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
  const stated = (figure: number) => numbers.some((number) => sameFigure(number, figure));
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

/** The ids of the sources whose text is prose. */
function proseSources(sources: readonly { id: string; kind: string }[]): Set<string> {
  return new Set(sources.filter((source) => PROSE_KINDS.has(source.kind)).map(({ id }) => id));
}

/** The texts as published: a prose source's "#" header lines dropped, a data table's kept. */
function publishedTexts(
  sources: readonly { id: string; kind: string }[],
  sourceTexts: ReadonlyMap<string, string>,
): Map<string, string> {
  const prose = proseSources(sources);
  return new Map(
    [...sourceTexts].map(([id, text]) => [id, prose.has(id) ? publishedText(text) : text]),
  );
}

/** A quotation of a source and where it is quoted (e.g. "file.md:12"), for the miss message. */
export interface Quotation {
  source: string;
  quote: string;
  where: string;
}

/**
 * Misses for quotations that are not in their source's published text (see containsQuotation),
 * or whose source has no text.
 */
export function checkQuotations(
  sources: readonly { id: string; kind: string }[],
  sourceTexts: ReadonlyMap<string, string>,
  quotations: readonly Quotation[],
): string[] {
  const texts = publishedTexts(sources, sourceTexts);
  return quotations.flatMap(({ source, quote, where }) => {
    const text = texts.get(source);
    if (text === undefined) return [`${where}: "${quote}": no text for the source "${source}"`];
    return containsQuotation(text, quote)
      ? []
      : [`${where}: "${quote}" is not in ${source}'s text`];
  });
}

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
  const articles = proseSources(data.sources);
  const texts = publishedTexts(data.sources, sourceTexts);
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
