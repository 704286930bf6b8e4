// npm run bench: measures what users feel against baselines from the same run, prints a table,
// writes bench/results.json and exits non-zero when a figure is over its budget.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BenchRow } from "./types";
import { bundleRows } from "./bundle";
import { roundTripRows } from "./roundtrips";
import { functionOverheadRows } from "./functionOverhead";
import { recalcRows } from "./recalc";
import { gridRecalcRows } from "./gridRecalc";
import { startupRows } from "./startup";
import { longTextRows } from "./longText";

interface Budget {
  budget: number;
  aim?: number;
}

const budgets: Record<string, Budget> = JSON.parse(
  readFileSync(join(__dirname, "budget.json"), "utf8"),
);

// The in-process timings run first: measured while Chromium is still shutting down, they varied
// far more from run to run. The browser's own figure comes last.
const suites: { name: string; run: () => Promise<BenchRow[]> | BenchRow[] }[] = [
  { name: "bundle weight", run: bundleRows },
  { name: "function overhead", run: functionOverheadRows },
  { name: "full-length text", run: longTextRows },
  { name: "formula recalculation", run: recalcRows },
  { name: "sensitivity grid recalculation", run: gridRecalcRows },
  { name: "Excel round trips", run: roundTripRows },
  { name: "task pane start", run: startupRows },
];

const fmt = (n: number | null, digits = 2) => (n === null ? "-" : n.toFixed(digits));
const fmtValue = (n: number, unit: string) => fmt(n, Number.isInteger(n) ? 0 : 2) + ` ${unit}`;

async function main(): Promise<void> {
  const rows: (BenchRow & { budget: number | null; pass: boolean })[] = [];
  for (const suite of suites) {
    process.stderr.write(`running ${suite.name}...\n`);
    for (const row of await suite.run()) {
      if (row.budgetKey === undefined) {
        rows.push({ ...row, budget: null, pass: true });
        continue;
      }
      const budget = budgets[row.budgetKey].budget + (row.budgetExtra ?? 0);
      const measured = row.limits === "ratio" ? row.ratio : row.value;
      rows.push({ ...row, budget, pass: measured !== null && measured <= budget });
    }
  }
  const table = [
    "| figure | value | baseline | ratio | budget | result |",
    "|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.figure} | ${fmtValue(r.value, r.unit)} | ${r.baseline === null ? "-" : fmtValue(r.baseline, r.unit)} | ${fmt(r.ratio)} | ${r.budget === null ? "-" : `${r.limits === "ratio" ? "ratio" : r.unit} ≤ ${r.budget}`} | ${r.pass ? "ok" : "OVER"} |`,
    ),
  ].join("\n");
  console.log(table);
  writeFileSync(
    join(__dirname, "results.json"),
    JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2) + "\n",
  );
  const over = rows.filter((r) => !r.pass);
  if (over.length > 0) {
    console.error(`${over.length} figure(s) over budget: ${over.map((r) => r.figure).join("; ")}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
