/** One line of the benchmark table: a measured figure, its baseline from the same run, and its budget. */
export interface BenchRow {
  figure: string;
  value: number;
  unit: string;
  /** The same quantity for the baseline, measured in the same run (null when the budget is absolute). */
  baseline: number | null;
  /** value / baseline, or null when there is no baseline. */
  ratio: number | null;
  /** Key in bench/budget.json; none for a figure that is reported, not budgeted. */
  budgetKey?: string;
  /** Added to the budget from budget.json (e.g. one sync per 4 MB a workbook action sends). */
  budgetExtra?: number;
  /** What the budget limits: the ratio, or the value itself. */
  limits: "ratio" | "value";
}
