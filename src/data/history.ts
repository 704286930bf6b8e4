/**
 * Figures as an older release of the data set gave them, read back from the current records through
 * the reverse change log (history.json). Lets a workbook pinned to a version keep its numbers.
 */
import { HISTORY } from "./dataset";
import type { DataHistory, Fact, Figures } from "./types";

/** Every released version, oldest first. */
export function releasedVersions(history: DataHistory = HISTORY): string[] {
  return history.releases.map((release) => release.version);
}

/**
 * The fact's value, low and high in `version`: the current figures, undone release by release from
 * the newest back to just after `version`. Undefined when that version did not hold the fact, or
 * when the history has no such version.
 */
export function figuresAt(
  fact: Fact,
  version: string,
  history: DataHistory = HISTORY,
): Figures | undefined {
  const index = releasedVersions(history).indexOf(version.trim());
  if (index < 0) return undefined;
  let figures: Figures | null = { value: fact.value, low: fact.low, high: fact.high };
  for (const release of history.releases.slice(index + 1).reverse()) {
    const change = release.changes.find((revision) => revision.id === fact.id);
    if (change) figures = change.previous;
    // Ids are never reused: a fact a release added did not exist in any earlier one.
    if (figures === null) return undefined;
  }
  return figures;
}

/**
 * The fact a name gave in `version`: an id a later release retired (its metric gained claims from
 * other sources) still names the claim it named then; otherwise the name resolves as today (`resolve`).
 */
export function factNamedIn(
  name: string,
  version: string,
  resolve: (name: string) => Fact | undefined,
  history: DataHistory = HISTORY,
): Fact | undefined {
  const index = releasedVersions(history).indexOf(version.trim());
  const later = index < 0 ? [] : history.releases.slice(index + 1);
  const renamed = later
    .flatMap((release) => release.renamed ?? [])
    .find((rename) => rename.from === name.trim().toLowerCase());
  return resolve(renamed ? renamed.to : name);
}
