/**
 * The supply-gap model sheet: an input block with cited defaults the user edits (MODEL_INPUTS, one
 * table shared with the named inputs), results as live REE.* formulas over them, a year-by-year
 * balance and its chart, and the USGS 2024 production range the concentration index reads. Every
 * default cites its source or says it is an assumption. The standalone workbook renders this same
 * plan with native formulas.
 */
import { DATA_VERSION, citeSource, factCitation, resolveFact, type Fact } from "../data";
import { MODEL_INPUTS, type ModelInput } from "../model/modelInputs";
import { cellAddress, rangeAddress } from "./address";
import { formula, value } from "./cells";
import { FORMAT, unitFormat } from "../model/formats";
import { BALANCE_HEADER } from "../model/spillHeaders";
import { GridBuilder, PlanBuilder, type Planned } from "./plan";
import type { WorkbookSnapshot } from "./port";
import { requireTable } from "./referenceTable";
import { listSources } from "./sources";

export const MODEL_SHEET = "Supply gap model";

/** Inputs, results and notes sit in A:D (D wraps); the balance spans A:H. */
const COLUMNS = 8;
const NOTE_COLUMN = 3;
/** Rows of the balance: the first year and ten more, the horizon of the recycling source. */
const BALANCE_YEARS = 11;
/** Countries left out of the concentration index: a sum, and an aggregate of unnamed countries. */
const NOT_COUNTRIES = [/^world total/i, /^other$/i];

interface PlacedInput {
  input: ModelInput;
  label: string;
  value: number;
  unit: string;
  format: string | null;
  source: string;
  fact?: Fact;
}

/** "t/yr magnets", "t NdPr oxide per t of magnet": the unit says what the tonnes are of. */
function factUnit(fact: Fact): string {
  if (!fact.basis) return fact.unit;
  if (fact.unit === "t/t") return `t ${fact.basis}`;
  return fact.unit.startsWith("t") ? `${fact.unit} ${fact.basis}` : fact.unit;
}

function placeInput(input: ModelInput): PlacedInput {
  if (input.assumption) {
    const { value: figure, unit, why } = input.assumption;
    return {
      input,
      label: input.label ?? input.key,
      value: figure,
      unit,
      format: unitFormat(unit),
      source: `Assumption (not from the sources): ${why}`,
    };
  }
  const fact = input.fact ? resolveFact(input.fact) : undefined;
  if (!fact) throw new Error(`Model sheet: fact "${input.fact}" is not in the data set`);
  const note = input.note ? ` (${input.note})` : "";
  return {
    input,
    label: input.label ?? fact.label,
    value: fact.value,
    unit: factUnit(fact),
    format: unitFormat(fact.unit),
    source: `${factCitation(fact)}${note}`,
    fact,
  };
}

/** USGS 2024 mine production by country, without the world total and the "Other" aggregate. */
export function productionByCountry(): { country: string; tonnes: number; source: string }[] {
  return requireTable("world_production")
    .rows.filter((row) => !NOT_COUNTRIES.some((pattern) => pattern.test(String(row.country))))
    .map((row) => ({
      country: String(row.country),
      tonnes: Number(row.production_2024_t),
      source: row.source,
    }));
}

/** Where the model sheet's key cells are, for tests and the summary. */
export interface ModelLayout {
  inputs: Record<string, string>;
  results: Record<string, string>;
  /** The balance with its header row. */
  balance: string;
  production: string;
}

/**
 * The model sheet's year-by-year block: REE.SUPPLY_BALANCE's columns under the same labels (its own
 * formulas, with the scheme's capacity and the recycling ramp), then those two.
 */
const MODEL_BALANCE_HEADER = [
  ...BALANCE_HEADER,
  "Scheme capacity (t)",
  "Recycling share of demand",
];

/**
 * Plans the model sheet into `builder` (a new one by default): the standalone workbook plans it
 * beside the other sheets in one builder.
 */
export function planModelSheet(
  snapshot: WorkbookSnapshot,
  builder = new PlanBuilder(snapshot),
): Planned & { layout: ModelLayout } {
  const sheet = builder.newSheet(MODEL_SHEET);
  const inputs = MODEL_INPUTS.filter((input) => input.sheet).map(placeInput);
  const production = productionByCountry();

  const grid = new GridBuilder(COLUMNS, [NOTE_COLUMN]);
  grid.heading(["Supply-gap model: India's rare earth permanent magnet (NdFeB) scheme"]);
  grid.row([
    value(
      `Inputs (column B) are editable defaults from the reference data set ${DATA_VERSION.version} (${DATA_VERSION.date}), each with its source or marked as an assumption. Results are live formulas over them.`,
    ),
  ]);
  grid.row([]);
  grid.heading(["Input", "Value", "Unit", "Source"]);
  const at: Record<string, string> = {};
  for (const placed of inputs) {
    const row = grid.row(
      [value(placed.label), value(placed.value), value(placed.unit), value(placed.source)],
      [null, placed.format],
    );
    at[placed.input.key] = cellAddress({ row, column: 1 });
  }
  grid.row([]);
  grid.heading(["Result", "Value", "Unit", "How"]);

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
    "capacity",
    "Scheme magnet capacity",
    `=${at.beneficiaries}*${at.capacityEach}`,
    "t/yr magnets",
    FORMAT.tonnes,
    "Beneficiaries x capacity per beneficiary",
  );
  result(
    "firstProduction",
    "First year of scheme production",
    `=${at.awardYear}+${at.gestation}`,
    "year",
    FORMAT.year,
    "Award year + gestation; before it the balance has no domestic magnets (the scheme sets up India's first integrated magnet plants)",
  );
  // Its own row, so every call below reads a cell a planner (and the Cell view) can follow.
  result(
    "oxideAvailable",
    "NdPr oxide available for magnets",
    `=${at.domesticOxide}+${at.importedOxide}`,
    "t/yr NdPr oxide",
    FORMAT.tonnes,
    "Domestic oxide + imported oxide",
  );
  result(
    "oxideSupported",
    "Magnets the available NdPr oxide supports",
    `=REE.MAGNET_CAPACITY(${results.oxideAvailable},${at.oxidePerMagnet})`,
    "t/yr magnets",
    FORMAT.tonnes,
    "Oxide available / oxide per tonne of magnet",
  );
  result(
    "oxideRequired",
    "NdPr oxide the scheme capacity needs",
    `=REE.OXIDE_REQUIRED(${results.capacity},${at.oxidePerMagnet})`,
    "t/yr NdPr oxide",
    FORMAT.tonnes,
    "Scheme capacity x oxide per tonne of magnet",
  );
  result(
    "oxideGap",
    "NdPr oxide shortfall against the scheme capacity (shortfall +, surplus -)",
    `=REE.NDPR_GAP(${results.capacity},${results.oxideAvailable},${at.oxidePerMagnet})`,
    "t/yr NdPr oxide",
    FORMAT.tonnes,
    "Oxide the capacity needs minus the oxide available",
  );
  result(
    "selfSufficiencyCapacity",
    "Self-sufficiency against the scheme capacity",
    `=REE.SELF_SUFFICIENCY(${results.oxideSupported},${results.capacity})`,
    "%",
    FORMAT.share,
    "Magnets the oxide supports / scheme capacity (the balance below measures against demand)",
  );
  result(
    "chinaImports",
    "Magnet imports from China, FY25",
    `=${at.chinaShare}*${at.demand}`,
    "t magnets",
    FORMAT.tonnes,
    "China's share of imports x FY25 imports",
  );
  result(
    "chinaWorldShare",
    "China's share of world mine production, 2024",
    `=REE.WORLD_SHARE("China")`,
    "%",
    FORMAT.share,
    "China / USGS world total",
  );

  // The balance and the production range come below; their addresses are known once placed.
  // Two more results, a blank row, the balance's title and header, its years, a blank row.
  const productionTop = grid.rowCount + 2 + 3 + BALANCE_YEARS + 1;
  const productionValues = rangeAddress({
    row: productionTop + 1,
    column: 1,
    rows: production.length,
    columns: 1,
  });
  result(
    "hhi",
    "Concentration index (HHI) of world mine production, 2024",
    `=REE.HHI(${productionValues})`,
    "index 0-10,000",
    FORMAT.whole,
    `Over the ${production.length} producing countries in ${productionValues}; USGS's "Other" is left out because it adds up several unnamed countries, not one producer`,
  );
  result(
    "concentration",
    "Market concentration of world mine production",
    `=REE.CONCENTRATION(${results.hhi})`,
    "",
    null,
    "US DOJ/FTC 2010 bands: below 1,500 unconcentrated, above 2,500 highly concentrated",
  );

  grid.row([]);
  grid.heading([
    "Year-by-year balance in tonnes of magnets: demand grows from the first year; domestic magnets are the scheme capacity from its first production year, limited by the oxide available; recycling rises in equal steps to its share; imports fill the rest",
  ]);
  const formats = [
    FORMAT.year,
    FORMAT.tonnes,
    FORMAT.tonnes,
    FORMAT.tonnes,
    FORMAT.tonnes,
    FORMAT.share,
    FORMAT.tonnes,
    FORMAT.share,
  ];
  const balanceTop = grid.heading(MODEL_BALANCE_HEADER);
  for (let i = 0; i < BALANCE_YEARS; i++) {
    const r = balanceTop + 2 + i;
    const [year, demand, domestic, recycled, , , capacity, share] = "ABCDEFGH"
      .split("")
      .map((column) => `${column}${r}`);
    grid.row(
      [
        formula(i === 0 ? `=${at.firstYear}` : `=A${r - 1}+1`),
        formula(`=${at.demand}*(1+${at.demandGrowth})^(${year}-${at.firstYear})`),
        formula(`=MIN(${capacity},${results.oxideSupported})`),
        formula(`=REE.RECYCLED_SUPPLY(${demand},${share})`),
        formula(`=MAX(0,${demand}-${domestic}-${recycled})`),
        formula(`=REE.SELF_SUFFICIENCY(${domestic}+${recycled},${demand})`),
        formula(`=IF(${year}>=${results.firstProduction},${results.capacity},0)`),
        formula(
          `=IF(${at.recyclingYears}<=0,${at.recyclingShare},${at.recyclingStart}+(${at.recyclingShare}-${at.recyclingStart})*MIN(1,(${year}-${at.firstYear})/${at.recyclingYears}))`,
        ),
      ],
      formats,
    );
  }
  grid.row([]);
  if (grid.rowCount !== productionTop) throw new Error("Model sheet: production range misplaced");
  grid.heading(["Country", "Mine production 2024 (t REO)"]);
  for (const row of production)
    grid.row([value(row.country), value(row.tonnes)], [null, FORMAT.tonnes]);
  const cited = [...new Set(production.map((row) => row.source))];
  grid.row([
    value(
      `Source: ${cited.map(citeSource).join("; ")}. The concentration index reads these ${production.length} countries: USGS's "World total" (a sum) and "Other" (several unnamed countries, not one producer) are left out.`,
    ),
  ]);
  const chartTop = grid.rowCount + 1;

  const target = builder.block(sheet, { row: 0, column: 0 }, grid.build());
  const balance = rangeAddress({
    row: balanceTop,
    column: 0,
    rows: BALANCE_YEARS + 1,
    columns: COLUMNS,
  });
  builder.chart({
    sheet,
    type: "line",
    title: "Magnet demand and supply (t/yr)",
    dataAddress: rangeAddress({ row: balanceTop, column: 0, rows: BALANCE_YEARS + 1, columns: 5 }),
    seriesNames: MODEL_BALANCE_HEADER.slice(1, 5),
    sourceCalculated: false,
    anchor: rangeAddress({ row: chartTop, column: 0, rows: 18, columns: 4 }),
  });
  builder.columnWidths(sheet, [300, 90, 110, 300, 90, 110, 100, 100]);
  builder.print(sheet, "$1:$1");
  const sources = listSources(builder, [
    ...inputs.flatMap((placed) => (placed.fact ? [placed.fact.source] : [])),
    ...cited,
  ]);
  builder.select({ sheet, address: "A1" });
  return {
    plan: builder.build(),
    target,
    summary: `Supply-gap model inserted on sheet ${sheet}: ${inputs.length} inputs (each cited or marked an assumption), REE.* results, a balance to ${inputs.find((placed) => placed.input.key === "firstYear")!.value + BALANCE_YEARS - 1} and a chart; ${sources}`,
    figures: inputs.flatMap((placed) =>
      placed.fact ? [{ fact: placed.fact, cell: { sheet, address: at[placed.input.key] } }] : [],
    ),
    layout: { inputs: at, results, balance, production: productionValues },
  };
}
