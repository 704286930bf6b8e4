/**
 * How figures read in the pane: qualifier, unit, percentages from fractions, Indian digit grouping for
 * rupee amounts. Pure (no React, no DOM) so every rule is unit-tested.
 */
import type { CellValue, Fact, TableColumn } from "../data";
import { formatAmount, formatNumber } from "../model/figureText";
import { quote } from "../workbook/portable/formula";

export {
  formatAmount,
  formatBounds,
  formatFactValue,
  setIndianGrouping,
} from "../model/figureText";

/** A reference-table cell: fractions as percentages, numbers with their column's unit, empty as "–". */
export function formatCell(column: Pick<TableColumn, "type" | "unit">, value: CellValue): string {
  if (value === null || value === "") return "–";
  if (typeof value === "number") {
    if (column.type === "fraction") return formatAmount(value, "%");
    // Unitless numbers are years and orders: no digit grouping.
    return column.unit ? formatAmount(value, column.unit) : String(value);
  }
  return String(value);
}

/** "period · basis" for a fact's secondary line, skipping what is not given. */
export function factContext(fact: Pick<Fact, "period" | "basis">): string {
  return [fact.period, fact.basis].filter(Boolean).join(" · ");
}

/** The formula that spills a whole reference table. */
export function tableFormula(name: string): string {
  return `=REE.TABLE(${quote(name)})`;
}

/** "1 fact", "1,200 facts". */
export function plural(count: number, one: string, many: string): string {
  return `${formatNumber(count, "en-US", 0, true)} ${count === 1 ? one : many}`;
}
