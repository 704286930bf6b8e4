/**
 * Reads the hand-written figure documents (test/data/figures/*.md): per source, a section headed
 * "## `source_id`: title" with a figures table and, optionally, a table of the numerals left out.
 * Strict, since a reviewer edits these by hand: anything it does not understand throws with the
 * file and line, so a typo fails the test instead of silently dropping a figure. The tests and
 * `npm run data:verify` (which checks the quotes) both read the documents through it; it imports
 * nothing from src, so src never learns about test documents.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Quotation } from "../../src/data/verify";

/** One figure of a source as written out by hand. */
export interface FigureRow {
  id: string;
  value: number;
  /** The source's words in double quotes, or "derived: " and our arithmetic. */
  quoteOrDerivation: string;
  /** The quoted fragments of quoteOrDerivation, without their quote marks. */
  quotes: string[];
  derived: boolean;
  note: string;
  line: number;
}

/** A numeral of the source left out on purpose, by the start of its fragment. */
export interface LeftOutRow {
  start: string;
  why: string;
  line: number;
}

export interface SourceSection {
  source: string;
  title: string;
  line: number;
  figures: FigureRow[];
  /** Null when the section has no left-out table (an empty table says nothing is left out). */
  leftOut: LeftOutRow[] | null;
}

export interface FigureDocument {
  /** The path it was read from, as given: miss messages and errors name it. */
  file: string;
  sections: SourceSection[];
}

const FIGURE_COLUMNS = ["fact", "value", "quote or derivation", "note"] as const;
const LEFT_OUT_COLUMNS = ["left out", "why"] as const;
const KNOWN_COLUMNS: readonly string[] = [...FIGURE_COLUMNS, ...LEFT_OUT_COLUMNS];

const HEADING = /^## `([a-z0-9_]+)`: (\S.*)$/;
const FACT_ID = /^`([a-z0-9_]+(?:\.[a-z0-9_]+)*)`$/;
/** A plain decimal literal: no separators, exponents or expressions, so it reads as written. */
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const SEPARATOR = /^:?-{3,}:?$/;
const DERIVED = "derived:";

/** The cells of a table line, or undefined when the line is not a table row. */
function cellsOf(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith("|")) return undefined;
  if (trimmed.length < 2 || !trimmed.endsWith("|")) return [];
  return trimmed
    .slice(1, -1)
    .split("|")
    .map((cell) => cell.trim());
}

/** The fragments of a cell written between straight double quotes. */
function quotedFragments(cell: string, fail: (message: string) => never): string[] {
  const pieces = cell.split('"');
  if (pieces.length % 2 === 0) fail(`unbalanced double quotes in "${cell}"`);
  const quotes = pieces.filter((_, index) => index % 2 === 1);
  if (quotes.some((quote) => quote.trim() === "")) fail(`an empty quote in "${cell}"`);
  return quotes;
}

/** Parses one figure document; throws "file:line: what is wrong" on anything malformed. */
export function parseFigureDocument(text: string, file: string): FigureDocument {
  const lines = text.split(/\r?\n/);
  const sections: SourceSection[] = [];
  const hasFigureTable = new Set<SourceSection>();
  const factLines = new Map<string, number>();
  let section: SourceSection | undefined;
  let table: "figures" | "leftOut" | undefined;

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const fail = (message: string): never => {
      throw new Error(`${file}:${index + 1}: ${message}`);
    };
    const cells = cellsOf(line);

    if (cells === undefined) {
      table = undefined;
      if (!line.startsWith("##")) continue;
      const [, source, title] =
        HEADING.exec(line) ?? fail('a heading reads "## `source_id`: title"');
      const earlier = sections.find((other) => other.source === source);
      if (earlier) fail(`a second section for "${source}" (first on line ${earlier.line})`);
      section = { source, title, line: index + 1, figures: [], leftOut: null };
      sections.push(section);
      continue;
    }
    if (cells.length === 0) fail("malformed row: a table row starts and ends with |");
    if (!section) return fail("a table outside a source section");

    if (table === undefined) {
      const unknown = cells.find((cell) => !KNOWN_COLUMNS.includes(cell));
      if (unknown !== undefined) fail(`unknown column "${unknown}"`);
      const header = cells.join(" | ");
      if (header === FIGURE_COLUMNS.join(" | ")) {
        if (hasFigureTable.has(section)) fail(`a second figures table in "${section.source}"`);
        hasFigureTable.add(section);
        table = "figures";
      } else if (header === LEFT_OUT_COLUMNS.join(" | ")) {
        if (section.leftOut) fail(`a second left-out table in "${section.source}"`);
        section.leftOut = [];
        table = "leftOut";
      } else {
        fail(
          `the columns are "${FIGURE_COLUMNS.join(" | ")}" or "${LEFT_OUT_COLUMNS.join(" | ")}"`,
        );
      }
      const separator = cellsOf(lines[index + 1] ?? "");
      if (separator?.length !== cells.length || !separator.every((c) => SEPARATOR.test(c))) {
        fail("malformed table: the header row must be followed by a separator row (| --- |)");
      }
      index++;
      continue;
    }

    const columns = table === "figures" ? FIGURE_COLUMNS.length : LEFT_OUT_COLUMNS.length;
    if (cells.length !== columns) {
      fail(`malformed row: ${cells.length} cells in a table of ${columns} columns`);
    }
    if (table === "leftOut") {
      const [startCell, why] = cells;
      const start = /^"([^"]+)"$/.exec(startCell)?.[1] ?? fail("a left-out start is one quote");
      if (why === "") fail(`"${start}": a left-out numeral needs its reason`);
      const leftOut = section.leftOut ?? [];
      if (leftOut.some((row) => row.start === start)) fail(`duplicate left-out "${start}"`);
      leftOut.push({ start, why, line: index + 1 });
      continue;
    }

    const [idCell, valueCell, quoteOrDerivation, note] = cells;
    const id = FACT_ID.exec(idCell)?.[1] ?? fail(`a fact id is written in backticks: ${idCell}`);
    const first = factLines.get(id);
    if (first !== undefined) fail(`duplicate fact id "${id}" (first on line ${first})`);
    factLines.set(id, index + 1);
    if (!DECIMAL.test(valueCell)) fail(`the value "${valueCell}" is not a plain decimal number`);
    const derived = quoteOrDerivation.startsWith(DERIVED);
    const quotes = quotedFragments(quoteOrDerivation, fail);
    if (derived && quoteOrDerivation.slice(DERIVED.length).trim() === "") {
      fail(`"${id}": write the arithmetic after "${DERIVED}"`);
    }
    if (!derived && quotes.length === 0) {
      fail(`"${id}": a stated figure needs its quote in double quotes (or "${DERIVED} ...")`);
    }
    const value = Number(valueCell);
    section.figures.push({ id, value, quoteOrDerivation, quotes, derived, note, line: index + 1 });
  }

  const without = sections.find((candidate) => !hasFigureTable.has(candidate));
  if (without) {
    throw new Error(`${file}:${without.line}: "${without.source}" has no figures table`);
  }
  return { file, sections };
}

/** The figure documents, by name, relative to the project root. */
export const FIGURE_DOCUMENTS = {
  articles: "test/data/figures/articles.md",
  reports: "test/data/figures/reports.md",
} as const;

export function readFigureDocument(name: keyof typeof FIGURE_DOCUMENTS): FigureDocument {
  const path = FIGURE_DOCUMENTS[name];
  return parseFigureDocument(readFileSync(join(__dirname, "../..", path), "utf8"), path);
}

/** Every quote of a document (figures and left-out starts) with its source and "file:line". */
export function quotationsOf(document: FigureDocument): Quotation[] {
  return document.sections.flatMap(({ source, figures, leftOut }) => [
    ...figures.flatMap(({ quotes, line }) =>
      quotes.map((quote) => ({ source, quote, where: `${document.file}:${line}` })),
    ),
    ...(leftOut ?? []).map(({ start, line }) => ({
      source,
      quote: start,
      where: `${document.file}:${line}`,
    })),
  ]);
}
