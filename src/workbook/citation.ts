/** One-line citations written next to every figure: the reading order of =REE.SOURCE(). */
import { sourceById, type Fact, type Source } from "../data";

/** "Publisher, 'Title', date, author" with unknowns said, not hidden. */
export function sourceCitation(source: Source | undefined, sourceId: string): string {
  if (!source) return sourceId;
  const publisher = source.publisher === "unknown" ? "Publisher unknown" : source.publisher;
  const date = source.date === "unknown" ? "undated" : source.date;
  const author = source.author ? `, ${source.author}` : "";
  return `${publisher}, '${source.title}', ${date}${author}`;
}

/** "Publisher, 'Title', date, author; locator" */
export function citation(sourceId: string, locator: string): string {
  return `${sourceCitation(sourceById(sourceId), sourceId)}; ${locator}`;
}

export function factCitation(fact: Fact): string {
  return citation(fact.source, fact.locator);
}
