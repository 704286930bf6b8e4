/**
 * The supply-gap model sheet: an input block with cited defaults the user edits, results as live
 * REE.* formulas over those inputs, the USGS 2024 production range the concentration index reads,
 * a year-by-year balance spilled by =REE.SUPPLY_BALANCE and a line chart of demand against
 * domestic supply. Every figure comes from the data set; the few model assumptions say so.
 */
import { DATA_VERSION, resolveFact, type Fact } from "../data";
import { cellAddress, rangeAddress, type CellPosition } from "./address";
import { EMPTY, formula, value } from "./cells";
import { factCitation, locatedCitation } from "../data";
import { DEFAULT_FACTS } from "../model/defaults";
import { FORMAT, unitFormat } from "./formats";
import { GridBuilder, PlanBuilder, type Planned } from "./plan";
import type { CellInput, WorkbookSnapshot } from "./port";
import { requireTable } from "./referenceTable";
import { listSources } from "./sources";

export const MODEL_SHEET = "Supply gap model";

/** Inputs and results sit in A:D; the balance spills into A:F; the production range is in H:J. */
const MAIN_COLUMNS = 6;
const PRODUCTION_START: CellPosition = { row: 3, column: 7 };
const BALANCE_COLUMNS = [
  FORMAT.year,
  FORMAT.tonnes,
  FORMAT.tonnes,
  FORMAT.tonnes,
  FORMAT.tonnes,
  FORMAT.share,
];
/** Countries left out of the concentration index: a sum and a group of unnamed countries. */
const NOT_COUNTRIES = [/^world total/i, /^other$/i];

interface Input {
  key: InputKey;
  label: string;
  value: number;
  unit: string;
  format: string | null;
  source: string;
  fact?: Fact;
}

type InputKey =
  | "target"
  | "oxide"
  | "ratio"
  | "chinaShare"
  | "imports"
  | "demand"
  | "growth"
  | "domesticGrowth"
  | "recycling"
  | "start"
  | "end";

function fromFact(key: InputKey, label: string, id: string, note = ""): Input {
  const fact = resolveFact(id);
  if (!fact) throw new Error(`Model sheet: fact "${id}" is not in the data set`);
  // "t/yr magnets", "t NdPr oxide per t of magnet": the unit says what the tonnes are of.
  const unit = !fact.basis
    ? fact.unit
    : fact.unit === "t/t"
      ? `t ${fact.basis}`
      : fact.unit.startsWith("t")
        ? `${fact.unit} ${fact.basis}`
        : fact.unit;
  return {
    key,
    label,
    value: fact.value,
    unit,
    format: unitFormat(fact.unit),
    source: `${factCitation(fact)}${note}`,
    fact,
  };
}

function assumption(
  key: InputKey,
  label: string,
  figure: number,
  unit: string,
  why: string,
): Input {
  return {
    key,
    label,
    value: figure,
    unit,
    format: unitFormat(unit),
    source: `Assumption (not from the sources): ${why}`,
  };
}

/** The input block, in order. Start and end years frame the balance; they are choices, not figures. */
function modelInputs(): Input[] {
  return [
    fromFact("target", "Target magnet output", "india.repm.target_t"),
    fromFact("oxide", "Domestic NdPr oxide output", "india.ndpr_oxide.production_t"),
    fromFact("ratio", "NdPr oxide per tonne of magnet", "ndpr.oxide_per_magnet_t", " (derived)"),
    fromFact(
      "chinaShare",
      "China's share of India's magnet imports",
      "india.magnet_imports.china_share",
    ),
    fromFact("imports", "India's magnet imports, FY25", "india.magnet_imports.fy25_t"),
    fromFact(
      "demand",
      "Magnet demand in the first year",
      "india.magnet_imports.fy25_t",
      " (FY25 imports stand in for demand: India's magnet demand is met primarily through imports, and no source gives a figure for demand itself)",
    ),
    fromFact(
      "growth",
      "Magnet demand growth per year",
      DEFAULT_FACTS.demandGrowth,
      ` (derived: consumption to double by 2030 from 2025, 2^(1/5) - 1; alternative: the articles' "exceeding 10% annually", ${DEFAULT_FACTS.demandGrowthAlternative})`,
    ),
    assumption(
      "domesticGrowth",
      "Domestic supply growth per year",
      0,
      "%/yr",
      "domestic output stays flat; edit to test growth",
    ),
    fromFact(
      "recycling",
      "Share of demand met by recycling",
      "eu.recycling_target_share",
      " (the EU's recycling target, used here as a scenario)",
    ),
    assumption("start", "First year of the balance", 2025, "year", "where the balance starts"),
    assumption("end", "Last year of the balance", 2035, "year", "a ten-year horizon"),
  ];
}

/** USGS 2024 mine production by country, without the world total and the "Other" group. */
export function productionByCountry(): {
  country: string;
  tonnes: number;
  source: string;
  locator: string;
}[] {
  return requireTable("world_production")
    .rows.filter((row) => !NOT_COUNTRIES.some((pattern) => pattern.test(String(row.country))))
    .map((row) => ({
      country: String(row.country),
      tonnes: Number(row.production_2024_t),
      source: row.source,
      locator: row.locator,
    }));
}

/** Where the model sheet's key cells are, for tests and the summary. */
interface ModelLayout {
  inputs: Record<InputKey, string>;
  results: Record<string, string>;
  balance: string;
  production: string;
}

export function planModelSheet(snapshot: WorkbookSnapshot): Planned & { layout: ModelLayout } {
  const builder = new PlanBuilder(snapshot);
  const sheet = builder.newSheet(MODEL_SHEET);
  const inputs = modelInputs();
  const production = productionByCountry();

  // The production range first: the concentration formulas refer to it.
  const productionGrid = new GridBuilder(3);
  productionGrid.row(
    [value("Country"), value("Mine production 2024 (t)"), value("Source")],
    [],
    true,
  );
  for (const row of production) {
    productionGrid.row(
      [value(row.country), value(row.tonnes), value(locatedCitation(row.source, row.locator))],
      [null, FORMAT.tonnes],
    );
  }
  productionGrid.row([
    value(
      `Concentration is computed over these ${production.length} countries: USGS's "World total" (a sum) and "Other" (several unnamed countries) are left out.`,
    ),
  ]);
  const productionValues = rangeAddress({
    row: PRODUCTION_START.row + 1,
    column: PRODUCTION_START.column + 1,
    rows: production.length,
    columns: 1,
  });

  const grid = new GridBuilder(MAIN_COLUMNS);
  grid.row(
    [value("Supply-gap model: India's rare earth permanent magnet (NdFeB) ambition")],
    [],
    true,
  );
  grid.row([
    value(
      `Inputs (column B) are editable defaults from the reference data set ${DATA_VERSION.version} (${DATA_VERSION.date}), each with its source. Results are live REE.* formulas over them.`,
    ),
  ]);
  grid.row([]);
  grid.row(
    ["Input", "Value", "Unit", "Source"].map((label) => value(label)),
    [],
    true,
  );
  const at: Partial<Record<InputKey, string>> = {};
  for (const input of inputs) {
    const row = grid.row(
      [value(input.label), value(input.value), value(input.unit), value(input.source)],
      [null, input.format],
    );
    at[input.key] = cellAddress({ row, column: 1 });
  }
  const cell = at as Record<InputKey, string>;
  grid.row([]);
  grid.row(
    ["Result", "Value", "Unit", "How"].map((label) => value(label)),
    [],
    true,
  );

  const results: Record<string, string> = {};
  const result = (
    key: string,
    label: string,
    text: string,
    unit: string,
    format: string | null,
    how: string,
  ) => {
    const row = grid.row([value(label), formula(text), value(unit), value(how)], [null, format]);
    results[key] = cellAddress({ row, column: 1 });
  };
  result(
    "oxideGap",
    "NdPr oxide gap (shortfall +, surplus -)",
    `=REE.NDPR_GAP(${cell.target},${cell.oxide},${cell.ratio})`,
    "t/yr NdPr oxide",
    FORMAT.tonnes,
    "Oxide the target needs minus domestic oxide",
  );
  result(
    "magnetGap",
    "Magnet gap",
    `=REE.NDPR_GAP(${cell.target},${cell.oxide},${cell.ratio},"magnet")`,
    "t/yr magnets",
    FORMAT.tonnes,
    "Target minus the magnets domestic oxide supports",
  );
  result(
    "oxideRequired",
    "NdPr oxide the target needs",
    `=REE.OXIDE_REQUIRED(${cell.target},${cell.ratio})`,
    "t/yr NdPr oxide",
    FORMAT.tonnes,
    "Target x oxide per tonne of magnet",
  );
  result(
    "capacity",
    "Magnets domestic oxide supports",
    `=REE.MAGNET_CAPACITY(${cell.oxide},${cell.ratio})`,
    "t/yr magnets",
    FORMAT.tonnes,
    "Domestic oxide / oxide per tonne of magnet",
  );
  result(
    "selfSufficiency",
    "Self-sufficiency in magnets",
    `=REE.SELF_SUFFICIENCY(${results.capacity},${cell.target})`,
    "%",
    FORMAT.share,
    "Magnets domestic oxide supports / target",
  );
  result(
    "chinaImports",
    "Magnet imports from China (data-set share)",
    `=REE.IMPORT_VOLUME("China","India",,${cell.imports})`,
    "t magnets",
    FORMAT.tonnes,
    "China's share of India's magnet imports (data set) x FY25 imports",
  );
  result(
    "chinaImportsAtInput",
    "Magnet imports from China (share input)",
    `=${cell.chinaShare}*${cell.imports}`,
    "t magnets",
    FORMAT.tonnes,
    "China share input x FY25 imports: edit the share to test a scenario",
  );
  result(
    "chinaWorldShare",
    "China's share of world mine production, 2024",
    `=REE.WORLD_SHARE("China")`,
    "%",
    FORMAT.share,
    "USGS Mineral Commodity Summaries 2025",
  );
  result(
    "hhi",
    "Concentration index (HHI) of world mine production, 2024",
    `=REE.HHI(${productionValues})`,
    "index 0-10,000",
    FORMAT.whole,
    `Over the production range ${productionValues}`,
  );
  result(
    "concentration",
    "Market concentration",
    `=REE.CONCENTRATION(REE.HHI(${productionValues}))`,
    "",
    null,
    "US DOJ/FTC bands: below 1,500 unconcentrated, above 2,500 highly concentrated",
  );
  grid.row([]);
  grid.row(
    [
      value(
        "Year-by-year balance in tonnes of magnets (=REE.SUPPLY_BALANCE spills the table below)",
      ),
    ],
    [],
    true,
  );
  // Header plus one row per default year; more rows spill if the user widens the years.
  const span = (input: InputKey) => inputs.find((candidate) => candidate.key === input)?.value ?? 0;
  const years = 1 + span("end") - span("start") + 1;
  const balanceTop = grid.row(
    [
      formula(
        `=REE.SUPPLY_BALANCE(${cell.end}-${cell.start}+1,${cell.demand},${cell.growth},${results.capacity},${cell.domesticGrowth},${cell.recycling},${cell.start})`,
      ),
    ],
    BALANCE_COLUMNS,
    true,
  );
  for (let i = 1; i < years; i++)
    grid.row(Array<CellInput>(MAIN_COLUMNS).fill(EMPTY), BALANCE_COLUMNS);

  builder.block(sheet, { row: 0, column: 0 }, grid.build());
  builder.block(sheet, PRODUCTION_START, productionGrid.build());
  const balance = rangeAddress({ row: balanceTop, column: 0, rows: years, columns: MAIN_COLUMNS });
  builder.chart({
    sheet,
    type: "line",
    title: "Magnet demand against domestic supply (t/yr)",
    dataAddress: rangeAddress({ row: balanceTop, column: 0, rows: years, columns: 3 }),
    seriesNames: ["Demand (t)", "Domestic (t)"],
    sourceCalculated: false,
    anchor: rangeAddress({ row: balanceTop, column: 7, rows: 18, columns: 6 }),
  });
  builder.columnWidths(sheet, [330, 90, 110, 90, 90, 100, 24, 120, 140, 330]);
  const sources = listSources(builder, [
    ...inputs.flatMap((input) => (input.fact ? [input.fact.source] : [])),
    ...production.map((row) => row.source),
  ]);
  const target = {
    sheet,
    address: rangeAddress({ row: 0, column: 0, rows: balanceTop + years, columns: 10 }),
  };
  builder.select({ sheet, address: "A1" });
  return {
    plan: builder.build(),
    target,
    summary: `Supply-gap model inserted on sheet ${sheet}: ${inputs.length} cited inputs, REE.* results, a balance to ${span("end")} and a chart; ${sources}`,
    figures: inputs.flatMap((input) =>
      input.fact ? [{ fact: input.fact, cell: { sheet, address: cell[input.key] } }] : [],
    ),
    layout: {
      inputs: cell,
      results,
      balance,
      production: productionValues,
    },
  };
}
