/**
 * The header rows of the REE functions' spills: the functions write them and the function catalog
 * documents them (its examples and summaries), from these lists. No data, so the catalog stays light.
 */

/** REE.FACTS. */
export const FACTS_HEADER: readonly string[] = ["ID", "Label", "Value", "Unit", "Period", "Source"];

/** REE.CLAIMS: every source's claim about a metric, Preferred marking the one REE.FACT gives. */
export const CLAIMS_HEADER: readonly string[] = [
  "ID",
  "Value",
  "Qualifier",
  "Unit",
  "Period",
  "Source",
  "Preferred",
];

/** REE.PROJECT. */
export const PROJECTION_HEADER: readonly string[] = ["Year", "Value"];

/** REE.SUPPLY_BALANCE, and the first six columns of the model sheet's balance (the same figures). */
export const BALANCE_HEADER: readonly string[] = [
  "Year",
  "Demand (t)",
  "Domestic (t)",
  "Recycled (t)",
  "Imports (t)",
  "Self-sufficiency against demand",
];

/** REE.SERIES. */
export const SERIES_HEADER: readonly string[] = ["Period", "Value", "Unit", "Source"];
