/** How sources are named wherever a person reads them: the pane, the Facts table. */
import { SOURCES, sourceById } from "../data";

/**
 * A source as a person names it: its publisher (its title when the text names none), and where
 * one publisher has several sources, the year and what each covers ("U.S. Geological Survey 2025:
 * U.S. import sources (2020-23)").
 */
export function sourceDisplayName(key: string): string {
  const source = sourceById(key);
  if (!source) return key;
  if (source.publisher === "unknown") return source.title;
  const siblings = SOURCES.filter((other) => other.publisher === source.publisher);
  if (siblings.length === 1) return source.publisher;
  const year = /^\d{4}/.exec(source.date)?.[0];
  const topic = source.title.slice(source.title.lastIndexOf(": ") + 1).trim();
  return `${source.publisher}${year ? ` ${year}` : ""}: ${topic}`;
}
