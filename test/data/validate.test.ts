import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DATA_FILES, HISTORY_FILE, type DataFile } from "../../src/data/dataset";
import {
  formatDataProblem,
  validateDataSet,
  type DataSetInput,
  type DataProblem,
} from "../../src/data/validate";

const root = join(__dirname, "..", "..");
const changelog: DataFile<string> = {
  path: "src/data/CHANGELOG.md",
  data: readFileSync(join(root, "src", "data", "CHANGELOG.md"), "utf8"),
};

/** A deep copy of the bundled data set that a test may break. */
function dataSet(): DataSetInput {
  return structuredClone({ ...DATA_FILES, changelog });
}

type Row = Record<string, unknown>;
const factsFile = (input: DataSetInput, source: string): DataFile =>
  input.facts.find((file) => file.path.endsWith(`/${source}.json`))!;
const fact = (input: DataSetInput, id: string): Row => {
  for (const file of input.facts) {
    const found = (file.data as Row[]).find((record) => record.id === id);
    if (found) return found;
  }
  throw new Error(`no fact ${id}`);
};
const table = (input: DataSetInput, name: string): { rows: Row[]; columns: Row[] } =>
  input.tables.find((file) => file.path.endsWith(`/${name}.json`))!.data as {
    rows: Row[];
    columns: Row[];
  };
const lines = (problems: DataProblem[]): string[] => problems.map(formatDataProblem);

describe("validateDataSet on the bundled data", () => {
  it("finds no problem in the data set as shipped", () => {
    expect(lines(validateDataSet(dataSet()))).toEqual([]);
  });
});

describe("validateDataSet rejects a bad fact, naming file, record and field", () => {
  const repm = "src/data/facts/repm_scheme.json";

  it("a fact with no source field", () => {
    const input = dataSet();
    delete fact(input, "india.ndpr_oxide.production_t").source;
    expect(lines(validateDataSet(input))).toContain(
      `${repm}: india.ndpr_oxide.production_t.source: missing (the field is required; use null where the source gives nothing)`,
    );
  });

  it("a fact whose source is not in sources.json", () => {
    const input = dataSet();
    const record = fact(input, "india.ndpr_oxide.production_t");
    record.source = "mystery";
    expect(lines(validateDataSet(input))).toContain(
      `${repm}: india.ndpr_oxide.production_t.source: unknown source "mystery" (not in sources.json)`,
    );
  });

  it("an unknown topic", () => {
    const input = dataSet();
    fact(input, "india.ndpr_oxide.production_t").topic = "mining";
    const found = lines(validateDataSet(input));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^src\/data\/facts\/repm_scheme\.json: india\.ndpr_oxide\.production_t\.topic: "mining" is not one of: domestic supply, /,
    );
  });

  it("a percentage above 1 (84 instead of 0.84)", () => {
    const input = dataSet();
    fact(input, "india.magnet_imports.china_share.repm_scheme").value = 84;
    expect(lines(validateDataSet(input))).toContain(
      `${repm}: india.magnet_imports.china_share.repm_scheme.value: 84 is not a fraction: unit "%" is stored as 0-1 (84% -> 0.84)`,
    );
  });

  it("a bound above 1 on a percentage", () => {
    const input = dataSet();
    Object.assign(fact(input, "india.world_production_share"), { value: 1, high: 1.5 });
    expect(lines(validateDataSet(input))).toEqual(
      expect.arrayContaining([
        expect.stringContaining("india.world_production_share.high: 1.5 is not a fraction"),
      ]),
    );
  });

  it("low > high", () => {
    const input = dataSet();
    Object.assign(fact(input, "irel.nd_capacity_t"), { low: 500, high: 400 });
    expect(lines(validateDataSet(input))).toContain(
      "src/data/facts/discovery_alert.json: irel.nd_capacity_t.low: low (500) is greater than high (400)",
    );
  });

  it("a duplicate id", () => {
    const input = dataSet();
    const copy = { ...fact(input, "india.ndpr_oxide.production_t") };
    (factsFile(input, "repm_scheme").data as Row[]).push(copy);
    expect(lines(validateDataSet(input))).toContain(
      `${repm}: india.ndpr_oxide.production_t.id: duplicate id (first defined in ${repm})`,
    );
  });

  it("a single-claim metric that differs from the id", () => {
    const input = dataSet();
    fact(input, "india.ndpr_oxide.production_t").metric = "india.repm.goal_t";
    expect(lines(validateDataSet(input))).toContain(
      `${repm}: india.ndpr_oxide.production_t.metric: "india.repm.goal_t" has a single claim, so it must equal the id "india.ndpr_oxide.production_t"`,
    );
  });

  it("a claim of a shared metric whose id is not <metric>.<source>", () => {
    const input = dataSet();
    fact(input, "china.processing_share.niice").id = "china.processing_share.over_90";
    expect(lines(validateDataSet(input))).toContain(
      'src/data/facts/niice.json: china.processing_share.over_90.id: metric "china.processing_share" has 2 claims, so the id must be "china.processing_share.niice" (or "china.processing_share.niice_<what differs>")',
    );
  });

  it("claims of one metric under different topics", () => {
    const input = dataSet();
    fact(input, "china.processing_share.niice").topic = "trade & imports";
    expect(lines(validateDataSet(input))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/china\.processing_share\.\w+\.topic: ".*" differs from/),
      ]),
    );
  });

  it("a malformed metric key", () => {
    const input = dataSet();
    fact(input, "india.ndpr_oxide.production_t").metric = "REPM target";
    expect(lines(validateDataSet(input))).toContain(
      `${repm}: india.ndpr_oxide.production_t.metric: "REPM target" does not match ^[a-z0-9_]+(\\.[a-z0-9_]+)+$`,
    );
  });

  it("an 'over' figure without its lower bound", () => {
    const input = dataSet();
    fact(input, "india.magnet_imports.fy25_t.repm_scheme").low = null;
    expect(lines(validateDataSet(input))).toContain(
      `${repm}: india.magnet_imports.fy25_t.repm_scheme.low: qualifier "over" needs low (the stated figure)`,
    );
  });

  it("an 'under' figure without its upper bound", () => {
    const input = dataSet();
    fact(input, "india.world_production_share").high = null;
    expect(lines(validateDataSet(input))).toContain(
      'src/data/facts/niice.json: india.world_production_share.high: qualifier "under" needs high (the stated figure)',
    );
  });

  it("a range whose value is not the midpoint", () => {
    const input = dataSet();
    fact(input, "irel.nd_capacity_t").value = 400;
    expect(lines(validateDataSet(input))).toContain(
      "src/data/facts/discovery_alert.json: irel.nd_capacity_t.value: must be the midpoint of 400-500, i.e. 450",
    );
  });

  it("bounds on an exact figure", () => {
    const input = dataSet();
    fact(input, "india.ndpr_oxide.production_t").low = 300;
    expect(lines(validateDataSet(input))).toContain(
      `${repm}: india.ndpr_oxide.production_t.low: must be null for qualifier "exact"`,
    );
  });

  it("an approximate figure with one bound, or outside its bounds", () => {
    const input = dataSet();
    fact(input, "india.ndpr_oxide.gap_t").low = 1500;
    // fx: 86.774 between 86.46 and 87.09 as shipped; 90 is outside.
    fact(input, "fx.inr_per_usd_implied").value = 90;
    expect(lines(validateDataSet(input))).toEqual(
      expect.arrayContaining([
        `${repm}: india.ndpr_oxide.gap_t.high: qualifier "approx" takes both bounds or neither`,
        "src/data/facts/policy_circle.json: fx.inr_per_usd_implied.value: 90 is outside its bounds 86.46-87.09",
      ]),
    );
  });

  it("a related figure that is not in the data set, or the fact itself", () => {
    const input = dataSet();
    fact(input, "india.ndpr_oxide.production_t").related = [
      "irel.nd_capacity",
      "india.ndpr_oxide.production_t",
    ];
    expect(lines(validateDataSet(input))).toEqual(
      expect.arrayContaining([
        `${repm}: india.ndpr_oxide.production_t.related: "irel.nd_capacity" is neither a fact id nor a metric key`,
        `${repm}: india.ndpr_oxide.production_t.related: "india.ndpr_oxide.production_t" is this fact or its own metric`,
      ]),
    );
  });

  it("a derived fact without its formula", () => {
    const input = dataSet();
    fact(input, "ndpr.oxide_per_magnet_t").note = null;
    expect(lines(validateDataSet(input))).toContain(
      `${repm}: ndpr.oxide_per_magnet_t.note: a derived fact must give its formula in the note`,
    );
  });

  it("an unknown unit, an unknown field and fields out of order", () => {
    const input = dataSet();
    const record = fact(input, "india.ndpr_oxide.production_t");
    record.unit = "tonnes";
    record.comment = "x";
    const found = lines(validateDataSet(input));
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /india\.ndpr_oxide\.production_t\.unit: "tonnes" is not one of: t, t\/yr, %/,
        ),
        `${repm}: india.ndpr_oxide.production_t.comment: unknown field`,
      ]),
    );
    const reordered = dataSet();
    const { id, ...rest } = fact(reordered, "india.ndpr_oxide.production_t");
    const list = factsFile(reordered, "repm_scheme").data as Row[];
    list[list.findIndex((record) => record.id === id)] = { ...rest, id };
    expect(lines(validateDataSet(reordered))).toEqual([
      expect.stringMatching(
        /^src\/data\/facts\/repm_scheme\.json: india\.ndpr_oxide\.production_t: fields out of order/,
      ),
    ]);
  });

  it("a year that is not a year, and a fact filed under another source's file", () => {
    const input = dataSet();
    fact(input, "china.embargo_year").value = 10;
    fact(input, "india.ndpr_oxide.production_t").source = "niice";
    expect(lines(validateDataSet(input))).toEqual(
      expect.arrayContaining([
        "src/data/facts/policy_circle.json: china.embargo_year.value: 10 is not a year",
        `${repm}: india.ndpr_oxide.production_t.source: is "niice" but ${repm} holds the facts of source "repm_scheme"`,
      ]),
    );
  });

  it("over-long evidence", () => {
    const input = dataSet();
    fact(input, "india.ndpr_oxide.production_t").evidence = Array(30).fill("word").join(" ");
    expect(lines(validateDataSet(input))).toContain(
      `${repm}: india.ndpr_oxide.production_t.evidence: 30 words; quote at most 25`,
    );
  });

  it("a facts file that is not an array", () => {
    const input = dataSet();
    factsFile(input, "nalco").data = { id: "x" };
    expect(lines(validateDataSet(input))).toContain(
      "src/data/facts/nalco.json: (file): must be a JSON array",
    );
  });
});

describe("validateDataSet rejects a bad rename in history.json", () => {
  it("a retired id that is still a fact id, and a new id that is no fact", () => {
    const input = { ...dataSet(), history: structuredClone(HISTORY_FILE) };
    const releases = (input.history.data as { releases: { renamed?: unknown[] }[] }).releases;
    releases[1].renamed = [
      { from: "india.ndpr_oxide.production_t", to: "india.ndpr_oxide.production_t.repm_scheme" },
    ];
    expect(lines(validateDataSet(input))).toEqual([
      'src/data/history.json: 1.1.0.renamed: unknown fact "india.ndpr_oxide.production_t.repm_scheme"',
      'src/data/history.json: 1.1.0.renamed: "india.ndpr_oxide.production_t" must now be a metric key, not a fact id',
    ]);
  });
});

describe("validateDataSet rejects bad time series", () => {
  it("an unknown fact, a fact with no period on an axis, a calendar year in a fiscal series, a period twice", () => {
    const input = dataSet();
    const entries = input.series.data as Row[];
    entries.push(
      { series: "india.magnet_imports_t", fact: "india.magnet_imports.fy26_t" },
      // "current": on no axis.
      { series: "india.magnet_imports_t", fact: "india.magnet_imports.china_share.repm_scheme" },
      // 2024 is a calendar year; the series is on India's fiscal year.
      { series: "india.magnet_imports_t", fact: "india.magnet_imports_usd_million.2024" },
      { series: "india.magnet_imports_t", fact: "india.magnet_imports.fy24_t" },
    );
    const path = "src/data/series.json";
    expect(lines(validateDataSet(input))).toEqual([
      `${path}: #12.fact: unknown fact "india.magnet_imports.fy26_t"`,
      `${path}: #13.fact: india.magnet_imports.china_share.repm_scheme's period "current" is not a fiscal year (FY25), half (H1 FY26) or calendar year (2024)`,
      `${path}: #14.fact: 2024 is a calendar period; series india.magnet_imports_t is on the fiscal axis`,
      `${path}: #15.fact: FY24 is given twice for series india.magnet_imports_t`,
    ]);
  });
});

describe("validateDataSet rejects bad sources, tables and versions", () => {
  it("a dataset source without its URL, and a duplicate source id", () => {
    const input = dataSet();
    const sources = input.sources.data as Row[];
    sources.find((source) => source.id === "usgs_mcs2025")!.url = null;
    sources.push({ ...sources[0] });
    expect(lines(validateDataSet(input))).toEqual(
      expect.arrayContaining([
        "src/data/sources.json: usgs_mcs2025.url: a dataset source (supplementary) must give its URL",
        "src/data/sources.json: nalco.id: duplicate source id",
      ]),
    );
  });

  // One cell broken at a time; a value of undefined removes the cell (JSON has no undefined).
  it.each([
    {
      table: "companies",
      row: 0,
      column: "country",
      value: undefined,
      problem:
        "src/data/tables/companies.json: companies.rows[0].country: missing (every row has every column; use null where the source gives nothing)",
    },
    {
      table: "companies",
      row: 1,
      column: "source",
      value: "wikipedia",
      problem:
        'src/data/tables/companies.json: companies.rows[1].source: unknown source "wikipedia" (not in sources.json)',
    },
    {
      table: "companies",
      row: 2,
      column: "website",
      value: "x",
      problem: "src/data/tables/companies.json: companies.rows[2].website: not a declared column",
    },
    {
      table: "import_sources",
      row: 0,
      column: "share",
      value: 70,
      problem:
        "src/data/tables/import_sources.json: import_sources.rows[0].share: must be a fraction 0-1 (84% -> 0.84), got 70",
    },
    {
      table: "timeline",
      row: 0,
      column: "date",
      value: "April 2025",
      problem:
        'src/data/tables/timeline.json: timeline.rows[0].date: must be a date YYYY, YYYY-MM or YYYY-MM-DD, got "April 2025"',
    },
    {
      table: "partners",
      row: 0,
      column: "country",
      value: 7,
      problem: "src/data/tables/partners.json: partners.rows[0].country: must be text, got 7",
    },
    {
      table: "deposits",
      row: 4,
      column: "evidence",
      value: undefined,
      problem:
        "src/data/tables/deposits.json: deposits.rows[4].evidence: missing (the field is required; use null where the source gives nothing)",
    },
  ])("$table row $row with $column = $value", ({ table: name, row, column, value, problem }) => {
    const input = dataSet();
    const cells = table(input, name).rows[row];
    if (value === undefined) delete cells[column];
    else cells[column] = value;
    expect(lines(validateDataSet(input))).toContain(problem);
  });

  it("an India/China import share that is no claim of the metric from the row's source", () => {
    const input = dataSet();
    const row = table(input, "import_sources").rows.findIndex(
      (candidate) => candidate.importer === "India" && candidate.exporter === "China",
    );
    table(input, "import_sources").rows[row].share = 0.8;
    expect(lines(validateDataSet(input))).toContain(
      `src/data/tables/import_sources.json: import_sources.rows[${row}].share: 0.8 from indian_express_imports is no claim of india.magnet_imports.china_share from that source`,
    );
  });

  it("a version that is not semver, a date that is not a date, a changelog without the version", () => {
    const bad = dataSet();
    bad.version.data = { version: "1.0", date: "2026-11-22" };
    expect(lines(validateDataSet(bad))).toEqual([
      expect.stringMatching(/^src\/data\/version\.json: version\.version: "1\.0" does not match/),
    ]);
    const badDate = dataSet();
    badDate.version.data = { version: "1.0.0", date: "2026-02-30" };
    expect(lines(validateDataSet(badDate))).toContain(
      'src/data/version.json: version.date: "2026-02-30" is not a real date',
    );
    const unlogged = dataSet();
    unlogged.version.data = { version: "9.9.9", date: "2026-11-22" };
    expect(lines(validateDataSet(unlogged))).toEqual([
      'src/data/CHANGELOG.md: version: no "## 9.9.9 (2026-11-22)" entry for the version in version.json',
    ]);
  });

  it("an unrecorded numeral pointing at a missing fact or another source's fact", () => {
    const input = dataSet();
    const entries = input.unrecorded.data as Row[];
    const repeat = entries.findIndex((entry) => entry.fact === "irel.nd_capacity_t");
    entries[repeat].fact = "irel.capacity";
    entries[0].fact = "india.ndpr_oxide.production_t";
    expect(lines(validateDataSet(input))).toEqual(
      expect.arrayContaining([
        `src/data/unrecorded.json: #${repeat}.fact: unknown fact "irel.capacity"`,
        'src/data/unrecorded.json: #0.fact: fact "india.ndpr_oxide.production_t" is from source "repm_scheme", not "policy_circle"',
      ]),
    );
  });
});

describe("formatDataProblem", () => {
  it("prints file: record.field: message, or file: record: message without a field", () => {
    expect(
      formatDataProblem({ file: "f.json", record: "a.b", field: "value", message: "bad" }),
    ).toBe("f.json: a.b.value: bad");
    expect(formatDataProblem({ file: "f.json", record: "a.b", field: null, message: "bad" })).toBe(
      "f.json: a.b: bad",
    );
  });
});
