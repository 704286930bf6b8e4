/**
 * The reference-data lookups as a formula calls them: raw arguments (as Excel passes them) read by
 * model/coerce.ts, then the lookup. The REE adapters and the portability conversion (which writes
 * a lookup with constant arguments as its value) both call these, so the two cannot differ.
 */
import { optionalNumber, optionalText, requireText } from "./coerce";
import { DEFAULT_IMPORTER } from "./defaults";
import { citation, factField, parseMeasure, worldShare } from "./lookups";
import { scenarioValue } from "./scenario";
import { importShare } from "./trade";

/** REE.FACT(id, [field], [vintage]). */
export function factCall(id: unknown, field?: unknown, vintage?: unknown): number | string {
  return factField(
    requireText(id, "id"),
    optionalText(field, "field"),
    optionalText(vintage, "vintage"),
  );
}

/** REE.SOURCE(id). */
export function sourceCall(id: unknown): string {
  return citation(requireText(id, "id"));
}

/** REE.IMPORT_SHARE(exporter, [importer], [product]). */
export function importShareCall(exporter: unknown, importer?: unknown, product?: unknown): number {
  return importShare(
    requireText(exporter, "exporter"),
    optionalText(importer, "importer") ?? DEFAULT_IMPORTER,
    optionalText(product, "product"),
  ).share;
}

/** REE.WORLD_SHARE(country, [measure], [year]). */
export function worldShareCall(country: unknown, measure?: unknown, year?: unknown): number {
  const measureText = optionalText(measure, "measure");
  return worldShare(
    requireText(country, "country"),
    measureText === undefined ? "production" : parseMeasure(measureText),
    optionalNumber(year, "year"),
  );
}

/** REE.SCENARIO(input, [scenario]). */
export function scenarioCall(input: unknown, scenario?: unknown): number {
  return scenarioValue(
    requireText(input, "input"),
    optionalText(scenario, "scenario") ?? "preferred",
  );
}
