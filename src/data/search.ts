/**
 * Ranked text search over facts and table rows. Case- and accent-insensitive; every word of the
 * query must match; numbers are found however they are written ("6,000" = "6000", "84" finds 84%).
 * Each record's words are folded once, on first use, so a search is a scan of short word lists.
 */
import { FACTS, SOURCES, TABLES } from "./dataset";
import { numbersIn, sameFigure } from "./figures";
import type { Fact, ReferenceTable, TableRow } from "./types";

export interface FactSearchOptions {
  /** Keep only facts of this topic (case-insensitive). */
  topic?: string;
  /** Keep only facts from this source id (case-insensitive). */
  source?: string;
  /** At most this many results. */
  limit?: number;
}

export interface TableHit {
  table: string;
  rowIndex: number;
  row: TableRow;
}

interface Field {
  weight: number;
  words: readonly string[];
}

interface Indexed<T> {
  item: T;
  fields: readonly Field[];
  /** Stored figures, for a bonus when the query states one ("84%", "6.9 million"). */
  figures: readonly number[];
  /** The folded id or name, for an exact-match bonus. */
  key: string;
  /** The folded label, for a whole-phrase bonus. */
  label: string;
}

/** Lowercase, accents and thousands separators removed, quotes and dashes unified. */
export function fold(text: string): string {
  // Most text is plain ASCII: it has no accents, curly quotes or dashes to fold, so skip those passes.
  const unified = NON_ASCII.test(text)
    ? text
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
        .replace(/[\u2010-\u2015\u2212]/g, "-")
    : text;
  return unified.toLowerCase().replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
}

const NON_ASCII = /[^ -~\t\n\r]/;

/** Words of a folded text: decimals stay whole ("6.9"), dots and underscores of ids split. */
export function words(text: string): string[] {
  return fold(text).match(/\d+(?:\.\d+)?|[a-z0-9]+/g) ?? [];
}

/** The ways a number may be typed: as stored, and as a percentage for fractions. */
function numberWords(value: number, percent: boolean): string[] {
  const forms = [String(value)];
  if (percent) forms.push(String(Number((value * 100).toPrecision(12))));
  return forms;
}

const isNumber = (word: string): boolean => /^\d/.test(word);

/** Numbers must match whole ("84" is not "1984"); other words match the start of a word. */
function matches(queryWord: string, field: Field): boolean {
  return isNumber(queryWord)
    ? field.words.includes(queryWord)
    : field.words.some((word) => word.startsWith(queryWord));
}

/** Sum over query words of the best weight of a field it matches; undefined if a word matches none. */
function score<T>(entry: Indexed<T>, query: string[], folded: string): number | undefined {
  let total = 0;
  for (const word of query) {
    let best = 0;
    for (const field of entry.fields) {
      if (field.weight > best && matches(word, field)) best = field.weight;
    }
    if (best === 0) return undefined;
    total += best;
  }
  if (entry.key === folded) total += 10;
  if (folded.length > 0 && entry.label.includes(folded)) total += 3;
  return total;
}

function rank<T>(entries: readonly Indexed<T>[], query: string): T[] {
  const folded = fold(query).trim().replace(/\s+/g, " ");
  const queryWords = words(query);
  if (queryWords.length === 0) return entries.map((entry) => entry.item);
  const queryFigures = numbersIn(query);
  const scored: { item: T; score: number; order: number }[] = [];
  entries.forEach((entry, order) => {
    const value = score(entry, queryWords, folded);
    if (value === undefined) return;
    const stated = queryFigures.some((a) => entry.figures.some((b) => sameFigure(a, b)));
    scored.push({ item: entry.item, score: value + (stated ? 4 : 0), order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((hit) => hit.item);
}

let factIndex: Indexed<Fact>[] | undefined;

function indexFacts(): Indexed<Fact>[] {
  const publishers = new Map(SOURCES.map((source) => [source.id, source]));
  return FACTS.map((fact) => {
    const source = publishers.get(fact.source);
    const percent = fact.unit === "%" || fact.unit === "%/yr";
    const field = (weight: number, ...texts: (string | null | undefined)[]): Field => ({
      weight,
      words: texts.flatMap((text) => (text ? words(text) : [])),
    });
    const figures = [fact.value, fact.low, fact.high].filter((value) => value !== null);
    return {
      item: fact,
      key: fold(fact.id),
      label: fold(fact.label),
      figures,
      fields: [
        field(5, fact.label),
        field(4, fact.id, fact.metric),
        { weight: 4, words: figures.flatMap((value) => numberWords(value, percent)) },
        field(3, fact.evidence),
        field(2.5, fact.source, source?.publisher, source?.title, ...(source?.via ?? [])),
        field(2, fact.basis, fact.period, fact.unit, fact.topic),
        field(1, fact.note),
      ],
    };
  });
}

/**
 * Facts matching every word of the query, best first: a word found in the label counts most, then
 * the id or metric, a stored figure, the evidence, the source (id, publisher, title), the
 * basis/period/unit/topic, and last the note. An exact id, a label containing the whole query, or a
 * query stating the fact's figure ("6.9 million", "84%") ranks higher. An empty query returns every
 * fact (after the filters) in file order.
 */
export function searchFacts(query: string, options: FactSearchOptions = {}): Fact[] {
  factIndex ??= indexFacts();
  const topic = options.topic?.trim().toLowerCase();
  const source = options.source?.trim().toLowerCase();
  const entries = factIndex.filter(
    (entry) =>
      (!topic || entry.item.topic.toLowerCase() === topic) &&
      (!source || entry.item.source.toLowerCase() === source),
  );
  const hits = rank(entries, query);
  return options.limit === undefined ? hits : hits.slice(0, Math.max(0, options.limit));
}

let rowIndex: Indexed<TableHit>[] | undefined;

function indexRows(): Indexed<TableHit>[] {
  return TABLES.flatMap((table: ReferenceTable) =>
    table.rows.map((row, index) => {
      const cells = table.columns.flatMap((column) => {
        const cell = row[column.key];
        if (typeof cell === "number") return numberWords(cell, column.type === "fraction");
        return typeof cell === "string" ? words(cell) : [];
      });
      return {
        item: { table: table.name, rowIndex: index, row },
        key: "",
        figures: table.columns.flatMap((column) => {
          const cell = row[column.key];
          if (typeof cell !== "number") return [];
          return column.type === "fraction" ? [cell, cell * 100] : [cell];
        }),
        label: fold(table.columns.map((column) => String(row[column.key] ?? "")).join(" ")),
        fields: [
          { weight: 3, words: cells },
          { weight: 2, words: words(row.evidence) },
          { weight: 1, words: [...words(table.name), ...words(table.title), ...words(row.source)] },
        ],
      };
    }),
  );
}

/**
 * Table rows matching every word of the query, best first (cells, then evidence, then the table's
 * name and the row's source). An empty query returns every row.
 */
export function searchTables(query: string): TableHit[] {
  rowIndex ??= indexRows();
  return rank(rowIndex, query);
}

/**
 * Builds both search indexes now rather than on the first search, so a caller with a moment to
 * spare (the task pane, once it has painted) keeps that work off the user's first keystroke.
 */
export function prepareSearch(): void {
  factIndex ??= indexFacts();
  rowIndex ??= indexRows();
}
