/** Excel number formats for figures by unit, so a fraction reads as 84.0% and tonnes as 53,000. */
import type { TableColumn } from "../data";

export const FORMAT = {
  tonnes: "#,##0",
  share: "0.0%",
  ratio: "0.000",
  year: "0",
  whole: "#,##0",
  oneDecimal: "#,##0.0",
  twoDecimals: "#,##0.00",
  /** Indian digit grouping (1,00,000 and 1,00,00,000) for rupee amounts. */
  indian: "[>=10000000]##\\,##\\,##\\,##0;[>=100000]##\\,##\\,##0;##,##0",
} as const;

const BY_UNIT: Record<string, string> = {
  t: FORMAT.tonnes,
  "t/yr": FORMAT.tonnes,
  "%": FORMAT.share,
  "%/yr": FORMAT.share,
  "INR crore": FORMAT.indian,
  "USD million": FORMAT.whole,
  "INR/USD": FORMAT.twoDecimals,
  "kg/vehicle": FORMAT.oneDecimal,
  "t/t": FORMAT.ratio,
  count: FORMAT.whole,
  rank: FORMAT.year,
  year: FORMAT.year,
  years: FORMAT.whole,
};

/** The format for a figure in `unit`; General (null) for a unit we do not know. */
export function unitFormat(unit: string | undefined): string | null {
  return unit === undefined ? null : (BY_UNIT[unit] ?? null);
}

/** The format for a reference-table column: fractions as %, tonnes grouped, bare numbers (years, ranks) plain. */
export function columnFormat(column: TableColumn): string | null {
  switch (column.type) {
    case "fraction":
      return FORMAT.share;
    case "number":
      return unitFormat(column.unit) ?? FORMAT.year;
    default:
      return null;
  }
}
