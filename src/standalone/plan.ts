/**
 * What the standalone workbook holds: the add-in's own plans (model sheet, facts, reference tables,
 * Sources, function reference) made in one builder for an empty workbook, plus an About sheet.
 * buildWorkbook.ts renders this plan without the add-in; the preview applies the very same plan
 * with it, which is how the tests prove the two give the same values.
 */
import { DATA_VERSION, FACTS, TABLES } from "../data";
import { value } from "../workbook/cells";
import { planFacts } from "../workbook/facts";
import { planFunctionReference } from "../workbook/functionReference";
import { planModelSheet } from "../workbook/modelSheet";
import { GridBuilder, PlanBuilder } from "../workbook/plan";
import type { WorkbookSnapshot, WritePlan } from "../workbook/port";
import { planReferenceTable } from "../workbook/referenceTable";
import { INTERNATIONAL } from "../model/formats";
import { planScenarioBlock } from "../workbook/scenarioBlock";
import { DEFAULT_GRID, planSensitivityGrid } from "../workbook/sensitivityGrid";
import { listSources } from "../workbook/sources";
import { planTornado } from "../workbook/tornado";

export const SHEET_GROUPS = ["facts", "tables", "model", "scenarios", "functions"] as const;
export type SheetGroup = (typeof SHEET_GROUPS)[number];

export interface StandaloneOptions {
  /** Which parts to include; all of them when omitted. */
  sheets?: readonly SheetGroup[];
}

const EMPTY_WORKBOOK: WorkbookSnapshot = {
  sheetNames: [],
  tables: [],
  definedNames: [],
  metadata: {},
  activeSheet: "",
  selection: { sheet: "", address: "A1" },
};

function groupsOf(options: StandaloneOptions): Set<SheetGroup> {
  const groups = new Set<SheetGroup>(options.sheets ?? SHEET_GROUPS);
  if (groups.size === 0) throw new Error(`Choose at least one of: ${SHEET_GROUPS.join(", ")}`);
  for (const group of groups) {
    if (!SHEET_GROUPS.includes(group)) {
      throw new Error(`Unknown sheet group "${group}"; valid: ${SHEET_GROUPS.join(", ")}`);
    }
  }
  return groups;
}

/** Why this file has no citation cards, and where each figure's citation is instead. */
export const STANDALONE_CARDS_LINE =
  "No citation cards: a card is an Excel entity value, which this file's writer cannot store. " +
  "Figures are plain values; each cites its source in its row (Source, Locator, Evidence) and on the Sources sheet. " +
  "Insert figures as cards with the add-in (Excel 2024 or Microsoft 365).";

/** The whole workbook as one plan, sheets in order, About first. */
export function planStandalone(options: StandaloneOptions = {}): WritePlan {
  const groups = groupsOf(options);
  const builder = new PlanBuilder(EMPTY_WORKBOOK);
  builder.citedLater = new Set();
  const about = builder.newSheet("About");
  const contents: [string, string][] = [];
  const add = (sheet: string, purpose: string) => contents.push([sheet, purpose]);

  if (groups.has("model")) {
    const { target } = planModelSheet(EMPTY_WORKBOOK, builder);
    add(
      target.sheet,
      "Supply-gap model: cited inputs, results, a year-by-year balance and the concentration of world production",
    );
  }
  if (groups.has("facts")) {
    const { target } = planFacts(
      EMPTY_WORKBOOK,
      FACTS,
      { live: true, placement: "new-sheet" },
      builder,
    );
    add(target.sheet, "Every reference fact with its citation columns");
  }
  if (groups.has("tables")) {
    for (const table of TABLES) {
      const { target } = planReferenceTable(EMPTY_WORKBOOK, table, "new-sheet", builder);
      add(target.sheet, table.title);
    }
  }
  if (groups.has("scenarios")) {
    const block = planScenarioBlock(EMPTY_WORKBOOK, "new-sheet", INTERNATIONAL, builder);
    add(
      block.target.sheet,
      "Each model input under Preferred, Low, High and each source, with the results per column",
    );
    const grid = planSensitivityGrid(
      EMPTY_WORKBOOK,
      DEFAULT_GRID,
      "new-sheet",
      INTERNATIONAL,
      builder,
    );
    add(grid.target.sheet, "The NdPr oxide gap over magnet target and domestic oxide, as formulas");
    const tornado = planTornado(EMPTY_WORKBOOK, "oxide_gap", "new-sheet", INTERNATIONAL, builder);
    add(
      tornado.target.sheet,
      "The NdPr oxide gap across each input's sourced range, widest swing first",
    );
  }
  const cited = builder.citedLater;
  builder.citedLater = undefined;
  if (cited.size > 0) {
    listSources(builder, cited);
    add("Sources", "Every source cited: publisher, title, date, author, URL");
  }
  if (groups.has("functions")) {
    const { target } = planFunctionReference(EMPTY_WORKBOOK, builder);
    add(target.sheet, "What each REE function computes, with a worked example");
  }

  const grid = new GridBuilder(2, [1]);
  grid.row([value("Rare Earth Supply Modeler: standalone workbook")], [], true);
  grid.row([
    value(
      "The add-in's reference data and supply-gap model as an ordinary file, for machines where Office add-ins cannot be installed. No macros and no add-in functions: the add-in's REE formulas are written as native Excel formulas (Excel 2010 and later), or as the figure itself for a lookup.",
    ),
  ]);
  grid.row([]);
  grid.row([value("Reference data set"), value(`${DATA_VERSION.version} (${DATA_VERSION.date})`)]);
  grid.row([]);
  grid.row([value("Sheet"), value("What it holds")], [], true);
  for (const [sheet, purpose] of contents) grid.row([value(sheet), value(purpose)]);
  grid.row([]);
  grid.row([
    value(
      "Shares are stored as fractions and shown as percentages. Excel recalculates on opening; every formula also carries its value for readers that do not. Charts are not included: select the model's balance and choose Insert > Chart.",
    ),
  ]);
  grid.row([value(STANDALONE_CARDS_LINE)]);
  builder.block(about, { row: 0, column: 0 }, grid.build());
  builder.columnWidths(about, [200, 520]);
  builder.print(about);
  builder.select({ sheet: about, address: "A1" });
  return builder.build();
}
