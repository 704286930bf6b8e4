/**
 * The standalone supply-gap model: named, cited inputs; calculations in native Excel formulas only
 * (no REE.* functions, so the file works where add-ins are blocked); the HHI of USGS 2024 mine
 * production over a range written on the sheet; and a year-by-year balance. Every formula cell
 * carries the result the add-in's model layer computes, so readers that do not recalculate show the
 * same numbers (the tests check both against figures worked by hand).
 */
import {
  DATA_VERSION,
  citeSource,
  factCitation,
  resolveFact,
  tableByName,
  type Fact,
} from "../data";
import { BALANCE_HEADER, supplyBalance } from "../model/balance";
import { DEFAULT_FACTS } from "../model/defaults";
import { concentration, hhi } from "../model/concentration";
import { magnetCapacity, oxideRequired } from "../model/conversions";
import {
  FORMAT,
  requireFact,
  type CellSpec,
  type CellStyle,
  type Formula,
  type Scalar,
  type SheetPlan,
} from "./plan";

const MODEL_SHEET = "Model";

type InputName =
  | "REPM_Target_t"
  | "NdPr_Oxide_Domestic_t"
  | "Oxide_Per_Magnet"
  | "China_Magnet_Import_Share"
  | "Magnet_Imports_FY25_t"
  | "Magnet_Demand_Base_t"
  | "Demand_Growth"
  | "Domestic_Growth"
  | "Recycling_Share"
  | "Start_Year"
  | "End_Year";

interface InputDef {
  name: InputName;
  label: string;
  unit: string;
  numFmt: string;
  /** The data-set fact the default comes from. */
  factId?: string;
  /** A modelling choice the sources do not give, stated as such. */
  assumption?: { value: number; why: string };
  note?: string;
}

const INPUTS: InputDef[] = [
  {
    name: "REPM_Target_t",
    label: "REPM (magnet) production target",
    unit: "t/yr magnets",
    numFmt: FORMAT.tonnes,
    factId: "india.repm.target_t",
  },
  {
    name: "NdPr_Oxide_Domestic_t",
    label: "Domestic NdPr oxide production (IREL)",
    unit: "t/yr NdPr oxide",
    numFmt: FORMAT.tonnes,
    factId: "india.ndpr_oxide.production_t",
  },
  {
    name: "Oxide_Per_Magnet",
    label: "NdPr oxide per tonne of magnet",
    unit: "t/t",
    numFmt: FORMAT.ratio,
    factId: "ndpr.oxide_per_magnet_t",
  },
  {
    name: "China_Magnet_Import_Share",
    label: "China's share of India's magnet imports",
    unit: "share",
    numFmt: FORMAT.share,
    factId: "india.magnet_imports.china_share",
  },
  {
    name: "Magnet_Imports_FY25_t",
    label: "India's magnet imports, FY25",
    unit: "t magnets",
    numFmt: FORMAT.tonnes,
    factId: "india.magnet_imports.fy25_t",
  },
  {
    name: "Magnet_Demand_Base_t",
    label: "Magnet demand in the start year",
    unit: "t magnets",
    numFmt: FORMAT.tonnes,
    factId: "india.magnet_imports.fy25_t",
    note: "FY25 imports stand in for demand: India's magnet demand is met primarily through imports (Business Standard, 2025-11-26), and no source gives a figure for demand itself.",
  },
  {
    name: "Demand_Growth",
    label: "Magnet demand growth",
    unit: "per year",
    numFmt: FORMAT.share,
    factId: DEFAULT_FACTS.demandGrowth,
    note: `Consumption expected to double by 2030 from 2025: 2^(1/5) - 1 = 14.87% a year (derived). Alternative: the articles' "exceeding 10% annually" (${DEFAULT_FACTS.demandGrowthAlternative}).`,
  },
  {
    name: "Domestic_Growth",
    label: "Domestic supply growth",
    unit: "per year",
    numFmt: FORMAT.share,
    assumption: {
      value: 0,
      why: "Assumption: the sources give no growth path for domestic supply (REE.SUPPLY_BALANCE also defaults to 0).",
    },
  },
  {
    name: "Recycling_Share",
    label: "Share of demand met by recycling",
    unit: "share",
    numFmt: FORMAT.share,
    factId: "eu.recycling_target_share",
    note: "The EU's recycling target applied to India's demand (REE.RECYCLED_SUPPLY's default share).",
  },
  {
    name: "Start_Year",
    label: "First year of the balance",
    unit: "year",
    numFmt: FORMAT.year,
    assumption: { value: 2025, why: "Model horizon: FY25, the year of the imports figure." },
  },
  {
    name: "End_Year",
    label: "Last year of the balance",
    unit: "year",
    numFmt: FORMAT.year,
    assumption: { value: 2035, why: "Model horizon: the balance runs to 2035." },
  },
];

const INPUT_HEADERS = [
  "Input",
  "Value",
  "Unit",
  "Name",
  "Fact id",
  "Qualifier",
  "Source",
  "Evidence",
  "Note",
];
const CALC_HEADERS = [
  "Calculation",
  "Value",
  "Unit",
  "Name",
  "Formula",
  "Data set says",
  "Fact id",
];

const COLUMNS = "ABCDEFGHI";

/** Builds the rows top to bottom; `row` is the next free row. */
class SheetWriter {
  readonly cells: CellSpec[] = [];
  readonly names: { name: string; ref: string }[] = [];
  row = 1;

  put(column: number, row: number, content: Scalar | Formula, numFmt?: string, style?: CellStyle) {
    this.cells.push({ ref: `${COLUMNS[column]}${row}`, content, numFmt, style });
  }

  line(values: (Scalar | Formula)[], style?: CellStyle, numFmts: (string | undefined)[] = []) {
    values.forEach((value, column) => {
      if (value !== null) this.put(column, this.row, value, numFmts[column], style);
    });
    return this.row++;
  }

  name(name: string, column: number, row: number, lastRow = row) {
    const cell = `$${COLUMNS[column]}$${row}`;
    this.names.push({
      name,
      ref: lastRow === row ? cell : `${cell}:$${COLUMNS[column]}$${lastRow}`,
    });
  }
}

function inputValue(def: InputDef): { value: number; fact?: Fact } {
  if (def.factId) {
    const fact = requireFact(def.factId);
    return { value: fact.value, fact };
  }
  if (!def.assumption)
    throw new Error(`Model input ${def.name} has neither a fact nor an assumption`);
  return { value: def.assumption.value };
}

/** The world_production rows that are countries (the rounded world total is not a producer). */
function producers2024(): { country: string; tonnes: number; source: string }[] {
  const table = tableByName("world_production");
  if (!table) throw new Error('Standalone workbook: table "world_production" is missing');
  return table.rows
    .filter((row) => typeof row.production_2024_t === "number")
    .filter((row) => !String(row.country).toLowerCase().startsWith("world"))
    .map((row) => ({
      country: String(row.country),
      tonnes: row.production_2024_t as number,
      source: row.source,
    }));
}

export function modelSheet(): SheetPlan {
  const w = new SheetWriter();
  w.line(["Supply-gap model: India's rare-earth permanent magnets (REPM)"], "title");
  w.line(
    [
      "Native Excel formulas only: this sheet works without the Rare Earth Supply Modeler add-in. " +
        "Inputs (blue) are named and cited; change one and every calculation follows. " +
        `Reference data set ${DATA_VERSION.version} (${DATA_VERSION.date}).`,
    ],
    "subtitle",
  );
  w.row++;

  // Inputs: value from the data set by fact id, with its citation beside it.
  w.line(["Inputs"], "section");
  w.line(INPUT_HEADERS, "header");
  const v = {} as Record<InputName, number>;
  for (const def of INPUTS) {
    const { value, fact } = inputValue(def);
    v[def.name] = value;
    const row = w.line([
      def.label,
      null,
      def.unit,
      def.name,
      fact ? fact.id : "assumption",
      fact ? fact.qualifier : null,
      fact ? factCitation(fact) : null,
      fact ? fact.evidence : null,
      def.note ?? (fact ? fact.note : def.assumption?.why) ?? null,
    ]);
    w.put(1, row, value, def.numFmt, "input");
    w.name(def.name, 1, row);
  }
  w.row++;

  // Calculations, each beside the figure the data set derives from the articles, where there is one.
  const oxideReq = oxideRequired(v.REPM_Target_t, v.Oxide_Per_Magnet);
  const capacity = magnetCapacity(v.NdPr_Oxide_Domestic_t, v.Oxide_Per_Magnet);
  const producers = producers2024();
  const productionHhi = hhi(producers.map((p) => p.tonnes));
  const calcs: {
    label: string;
    name: string;
    formula: string;
    result: number | string;
    unit: string;
    numFmt?: string;
    factId?: string;
  }[] = [
    {
      label: "NdPr oxide required for the target",
      name: "Oxide_Required_t",
      formula: "REPM_Target_t*Oxide_Per_Magnet",
      result: oxideReq,
      unit: "t/yr NdPr oxide",
      numFmt: FORMAT.tonnes,
      factId: "india.ndpr_oxide.required_for_target_t",
    },
    {
      label: "NdPr oxide gap (shortfall + / surplus -)",
      name: "NdPr_Oxide_Gap_t",
      formula: "REPM_Target_t*Oxide_Per_Magnet-NdPr_Oxide_Domestic_t",
      result: oxideReq - v.NdPr_Oxide_Domestic_t,
      unit: "t/yr NdPr oxide",
      numFmt: FORMAT.tonnes,
      factId: "india.ndpr_oxide.gap_t",
    },
    {
      label: "Magnets domestic oxide supports",
      name: "Magnet_Capacity_t",
      formula: "NdPr_Oxide_Domestic_t/Oxide_Per_Magnet",
      result: capacity,
      unit: "t/yr magnets",
      numFmt: FORMAT.tonnes,
      factId: "india.repm.supported_by_domestic_oxide_t",
    },
    {
      label: "Magnet gap against the target",
      name: "Magnet_Gap_t",
      formula: "REPM_Target_t-Magnet_Capacity_t",
      result: v.REPM_Target_t - capacity,
      unit: "t/yr magnets",
      numFmt: FORMAT.tonnes,
      factId: "india.repm.target_gap_t",
    },
    {
      label: "Self-sufficiency in NdPr oxide for the target",
      name: "Self_Sufficiency",
      formula: "NdPr_Oxide_Domestic_t/Oxide_Required_t",
      result: v.NdPr_Oxide_Domestic_t / oxideReq,
      unit: "share",
      numFmt: FORMAT.share,
      factId: "india.repm.domestic_oxide_target_share",
    },
    {
      label: "Magnet imports from China, FY25",
      name: "China_Import_Volume_t",
      formula: "China_Magnet_Import_Share*Magnet_Imports_FY25_t",
      result: v.China_Magnet_Import_Share * v.Magnet_Imports_FY25_t,
      unit: "t magnets",
      numFmt: FORMAT.tonnes,
    },
    {
      label: "HHI of world mine production, 2024",
      name: "Production_HHI",
      formula: "SUMPRODUCT((USGS_Production_2024_t/SUM(USGS_Production_2024_t))^2)*10000",
      result: productionHhi,
      unit: "index 0-10,000",
      numFmt: FORMAT.index,
    },
    {
      label: "Concentration of world mine production",
      name: "Production_Concentration",
      formula:
        'IF(Production_HHI<1500,"unconcentrated",IF(Production_HHI<=2500,"moderately concentrated","highly concentrated"))',
      result: concentration(productionHhi),
      unit: "US DOJ/FTC 2010 bands",
    },
  ];
  w.line(["Calculations"], "section");
  w.line(CALC_HEADERS, "header");
  for (const calc of calcs) {
    const figure = calc.factId ? resolveFact(calc.factId) : undefined;
    const row = w.line([
      calc.label,
      null,
      calc.unit,
      calc.name,
      `=${calc.formula}`,
      null,
      figure ? figure.id : null,
    ]);
    w.put(1, row, { formula: calc.formula, result: calc.result }, calc.numFmt, "output");
    if (figure) w.put(5, row, figure.value, calc.numFmt);
    w.name(calc.name, 1, row);
  }
  w.row++;

  // The HHI's input range: USGS 2024 mine production by country.
  w.line(["World mine production, 2024 (input to the HHI)"], "section");
  w.line(["Country", "Production (t REO)"], "header");
  const firstProducer = w.row;
  for (const producer of producers) {
    w.line([producer.country, producer.tonnes], undefined, [undefined, FORMAT.tonnes]);
  }
  w.name("USGS_Production_2024_t", 1, firstProducer, w.row - 1);
  const cited = [...new Set(producers.map((producer) => producer.source))];
  w.line([`Source: ${cited.map(citeSource).join("; ")}`], "subtitle");
  w.row++;

  // Year-by-year balance in magnet tonnes, one plain formula per cell; rows past End_Year go blank.
  const balance = supplyBalance({
    years: v.End_Year - v.Start_Year + 1,
    demand: v.Magnet_Demand_Base_t,
    growth: v.Demand_Growth,
    domestic: capacity,
    domesticGrowth: v.Domestic_Growth,
    recyclingShare: v.Recycling_Share,
    startYear: v.Start_Year,
  });
  w.line(
    [
      "Year-by-year balance (t magnets): demand grows from the start year; domestic supply is the " +
        "magnet output domestic NdPr oxide supports; imports fill the rest.",
    ],
    "section",
  );
  w.line([...BALANCE_HEADER], "header");
  const formats = [
    FORMAT.year,
    FORMAT.tonnes,
    FORMAT.tonnes,
    FORMAT.tonnes,
    FORMAT.tonnes,
    FORMAT.share,
  ];
  for (let year = v.Start_Year; year <= v.End_Year; year++) {
    const r = w.row;
    const blank = (expression: string) => `IF($A${r}="","",${expression})`;
    const years = `($A${r}-Start_Year)`;
    const formulas = [
      year === v.Start_Year
        ? 'IF(Start_Year>End_Year,"",Start_Year)'
        : `IF($A${r - 1}="","",IF($A${r - 1}+1>End_Year,"",$A${r - 1}+1))`,
      blank(`Magnet_Demand_Base_t*(1+Demand_Growth)^${years}`),
      blank(`Magnet_Capacity_t*(1+Domestic_Growth)^${years}`),
      blank(`B${r}*Recycling_Share`),
      blank(`MAX(0,B${r}-C${r}-D${r})`),
      blank(`(C${r}+D${r})/B${r}`),
    ];
    const result = balance[year - v.Start_Year];
    const results = [
      result.year,
      result.demand,
      result.domestic,
      result.recycled,
      result.imports,
      result.selfSufficiency,
    ];
    formulas.forEach((formula, column) =>
      w.put(column, r, { formula, result: results[column] }, formats[column]),
    );
    w.row++;
  }
  w.line(
    ["Rows cover the default horizon; to run past it, raise End_Year and fill the last row down."],
    "subtitle",
  );

  return {
    name: MODEL_SHEET,
    purpose:
      "Supply-gap model: cited, named inputs and native Excel formulas (oxide and magnet gaps, " +
      "imports from China, concentration of world production, year-by-year balance)",
    cells: w.cells,
    tables: [],
    names: w.names,
    frozenRows: 0,
  };
}
