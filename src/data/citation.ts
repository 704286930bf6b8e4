/** One-line citations, the same everywhere a figure is cited: cells, tables, help pages, the pane. */
import { SOURCES } from "./dataset";
import type { Fact, Source } from "./types";

const sourcesById = new Map(SOURCES.map((source) => [source.id.trim().toLowerCase(), source]));

/** A source by id (case-insensitive, surrounding spaces ignored). */
export function sourceById(id: string): Source | undefined {
  return sourcesById.get(id.trim().toLowerCase());
}

/** "Publisher, 'Title', date, author (via ...)": unknown publishers and dates are said so. */
export function sourceCitation(source: Source): string {
  const parts = [
    source.publisher === "unknown" ? "Publisher unknown" : source.publisher,
    `'${source.title}'`,
    source.date === "unknown" ? "undated" : source.date,
  ];
  if (source.author) parts.push(source.author);
  const via = source.via.length > 0 ? ` (via ${source.via.join(", ")})` : "";
  return parts.join(", ") + via;
}

/** The citation of a source id, or the id itself when the data set lacks it. */
export function citeSource(sourceId: string): string {
  const source = sourceById(sourceId);
  return source ? sourceCitation(source) : sourceId;
}

/** "Publisher, 'Title', date, author; locator": a source and where in it. */
export function locatedCitation(sourceId: string, locator: string): string {
  return `${citeSource(sourceId)}; ${locator}`;
}

export function factCitation(fact: Fact): string {
  return locatedCitation(fact.source, fact.locator);
}
