/**
 * The REE functions a Browse search names ("HHI", "self sufficiency", "crore"), from the function
 * catalog, the same descriptions the function dialog and help pages show. Loaded on the first
 * search only: the catalog brings the adapters with it, which the first screen does not need.
 */
import { CATALOG, NAMESPACE, syntaxOf } from "../../model/functionCatalog";

export interface FunctionMatch {
  /** "REE.HHI" */
  name: string;
  /** "REE.HHI(values)" */
  syntax: string;
  summary: string;
}

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

const INDEX = CATALOG.map((spec) => ({
  spec,
  nameWords: words(spec.name),
  summaryWords: words(spec.summary),
}));

/** Every word of the query begins a word of the text. */
const covers = (query: string[], text: string[]) =>
  query.every((word) => text.some((candidate) => candidate.startsWith(word)));

/**
 * Functions whose name the query spells ("stockpile" finds STOCKPILE_DAYS); where no fact or table
 * row matched, also those whose description does ("herfindahl" finds HHI). Numbers alone name no
 * function, so a search for "6,000" lists none.
 */
export function searchFunctions(query: string, otherResults: number, limit = 5): FunctionMatch[] {
  const wanted = words(query);
  if (!wanted.some((word) => /[a-z]/.test(word))) return [];
  return INDEX.filter(
    ({ nameWords, summaryWords }) =>
      covers(wanted, nameWords) || (otherResults === 0 && covers(wanted, summaryWords)),
  )
    .slice(0, limit)
    .map(({ spec }) => ({
      name: `${NAMESPACE}.${spec.name}`,
      syntax: syntaxOf(spec),
      summary: spec.summary,
    }));
}
