/**
 * Trade shares and dependence: who supplies an importer, how much, and how reliant a country is on
 * imports. Shares come from the reference table import_sources.
 */
import { tableByName } from "../data";
import type { TableRow } from "../data";
import { divisor, nonNegative, share } from "./checks";
import { IMPORT_TOTALS, factValue } from "./defaults";
import { naError, numError } from "./errors";
import { differenceOf } from "./float";
import { didYouMean, findByName, sameName } from "./names";

export interface ImportSource {
  importer: string;
  exporter: string;
  product: string;
  period: string;
  share: number;
  source: string;
}

function importRows(): ImportSource[] {
  const table = tableByName("import_sources");
  if (!table) throw naError('The reference data has no table "import_sources".');
  return table.rows.map((row: TableRow) => ({
    importer: String(row.importer),
    exporter: String(row.exporter),
    product: String(row.product),
    period: String(row.period ?? ""),
    share: Number(row.share),
    source: row.source,
  }));
}

/** The rows for one importer and product; the product defaults to the importer's first listed one. */
export function importSources(importer: string, product?: string): ImportSource[] {
  const rows = importRows();
  const { importer: name } = findByName(importer, rows, (row) => row.importer, "importer");
  const byImporter = rows.filter((row) => row.importer === name);
  const wanted =
    product === undefined
      ? byImporter[0].product
      : findByName(product, byImporter, (row) => row.product, `product imported by ${name}`)
          .product;
  return byImporter.filter((row) => row.product === wanted);
}

/** One exporter's share (0-1) of an importer's imports of a product. */
export function importShare(exporter: string, importer: string, product?: string): ImportSource {
  const rows = importSources(importer, product);
  const found = rows.find((row) => sameName(exporter, row.exporter));
  if (found) return found;
  const { importer: name, product: what } = rows[0];
  const listed = rows.map((row) => row.exporter);
  throw naError(
    `No share for exporter "${exporter}": for imports of ${what} by ${name} the data set lists only ${listed.join(", ")}.${didYouMean(exporter, listed)}`,
  );
}

/** Tonnes imported from one exporter: its share times the importer's total imports. */
export function importVolume(exporterShare: number, totalT: number): number {
  return share(exporterShare, "share") * nonNegative(totalT, "total_t");
}

/** Domestic supply as a share of demand (can exceed 1 when supply exceeds demand). */
export function selfSufficiency(domestic: number, demand: number): number {
  nonNegative(domestic, "domestic");
  return domestic / divisor(demand, "demand");
}

/**
 * Net import reliance as a share of apparent consumption (USGS definition):
 * (imports - exports) / (production + imports - exports). Negative for a net exporter. Computed on
 * the amounts divided by the largest of them, so no sum overflows, and differences that are only
 * rounding count as zero: apparent consumption of 1.1 + 2.2 - 3.3 is #DIV/0!, not 4e-16.
 */
export function importReliance(imports: number, exports: number, production: number): number {
  nonNegative(imports, "imports");
  nonNegative(exports, "exports");
  nonNegative(production, "production");
  const largest = Math.max(imports, exports, production);
  const scale = largest === 0 ? 1 : largest;
  const [i, e, p] = [imports / scale, exports / scale, production / scale];
  const consumption = differenceOf(p + i, e);
  if (consumption < 0) {
    throw numError(
      `Exports (${exports}) exceed production plus imports (${production} + ${imports}): apparent consumption would be negative.`,
    );
  }
  return (
    differenceOf(i, e) /
    divisor(consumption, "apparent consumption (production + imports - exports)")
  );
}

/** The importer's total imports of the product, from the fact IMPORT_TOTALS names for it. */
export function importTotal(source: ImportSource): number {
  const entry = IMPORT_TOTALS.find(
    (total) => sameName(total.importer, source.importer) && sameName(total.product, source.product),
  );
  if (!entry) {
    throw naError(
      `The data set has no total for imports of ${source.product} by ${source.importer}: give total_t.`,
    );
  }
  return factValue(entry.fact);
}
