/**
 * The writers as pure planners: snapshot in, WritePlan out. Where things go, what is a formula,
 * number formats, the Sources list and unique names, without any host.
 */
import { FACTS, SOURCES, factById, type Fact } from "../../src/data";
import { CATALOG } from "../../src/functions/catalog";
import { parseRange } from "../../src/workbook/address";
import { FACT_COLUMNS, planFacts } from "../../src/workbook/facts";
import { FORMAT } from "../../src/model/formats";
import { planFunctionReference } from "../../src/workbook/functionReference";
import { MODEL_SHEET, planModelSheet, productionByCountry } from "../../src/workbook/modelSheet";
import { NAMED_INPUTS, planNamedInputs } from "../../src/workbook/namedInputs";
import { isValidName, isValidSheetName } from "../../src/workbook/naming";
import type { CellInput, WorkbookSnapshot, WritePlan } from "../../src/workbook/port";
import { planReferenceTable, requireTable } from "../../src/workbook/referenceTable";
import { SOURCES_KEY } from "../../src/workbook/sources";
import { selectionSnapshot } from "../support/snapshot";

const snapshot = (extra: Partial<WorkbookSnapshot> = {}) => selectionSnapshot("C3", "C3:O5", extra);

const fact = (id: string): Fact => factById(id) as Fact;
const text = (cell: CellInput) => (cell.kind === "value" ? cell.value : cell.formula);

/** Every sheet, table and name a plan adds is valid for Excel and new to the workbook. */
function expectValidAndNew(plan: WritePlan, before: WorkbookSnapshot) {
  const sheets = before.sheetNames.map((s) => s.toLowerCase());
  for (const sheet of plan.newSheets) {
    expect(isValidSheetName(sheet)).toBe(true);
    expect(sheets).not.toContain(sheet.toLowerCase());
  }
  const names = [...before.definedNames, ...before.tables.map((t) => t.name)].map((n) =>
    n.toLowerCase(),
  );
  const added = [...plan.tables, ...plan.names].map((n) => n.name);
  for (const name of added) {
    expect(isValidName(name)).toBe(true);
    expect(names).not.toContain(name.toLowerCase());
  }
  expect(new Set(added.map((n) => n.toLowerCase())).size).toBe(added.length);
}

describe("facts", () => {
  const two = [fact("india.repm.target_t.repm_scheme"), fact("irel.nd_capacity_t")];

  test("at the selection: one block and one table at the probed cell, citation columns last", () => {
    const { plan, target } = planFacts(snapshot(), two, { live: false, placement: "selection" });
    expect(target).toEqual({ sheet: "Sheet1", address: "C3:O5" });
    const block = plan.blocks[0];
    expect(block.address).toBe("C3:O5");
    expect(block.cells[0].map(text)).toEqual([...FACT_COLUMNS]);
    expect(block.boldRows).toEqual([0]);
    expect(plan.tables[0]).toMatchObject({ sheet: "Sheet1", address: "C3:O5", name: "REE_Facts" });
    expect(text(block.cells[1][12])).toMatch(/^Publisher unknown, 'REPM incentive scheme/);
    // The user's sheet keeps its column widths.
    expect(plan.columnWidths.map((w) => w.sheet)).toEqual(["Sources"]);
    expect(plan.select).toEqual(target);
  });

  test("static values, or live =REE.FACT formulas for value, low and high", () => {
    const range = fact("irel.nd_capacity_t");
    const staticPlan = planFacts(snapshot(), [range], { live: false, placement: "new-sheet" }).plan;
    const livePlan = planFacts(snapshot(), [range], { live: true, placement: "new-sheet" }).plan;
    expect(staticPlan.blocks[0].cells[1].slice(2, 5)).toEqual([
      { kind: "value", value: range.value },
      { kind: "value", value: range.low },
      { kind: "value", value: range.high },
    ]);
    expect(livePlan.blocks[0].cells[1].slice(2, 5).map(text)).toEqual([
      '=REE.FACT("irel.nd_capacity_t")',
      '=REE.FACT("irel.nd_capacity_t","low")',
      '=REE.FACT("irel.nd_capacity_t","high")',
    ]);
    // A missing bound stays empty, not a formula that would fail.
    const exact = planFacts(snapshot(), [fact("india.ndpr_oxide.production_t")], {
      live: true,
      placement: "new-sheet",
    }).plan;
    expect(exact.blocks[0].cells[1][3]).toEqual({ kind: "value", value: null });
  });

  test("number formats follow the unit: % as 0.0%, tonnes grouped, rupees in Indian grouping", () => {
    const ids = [
      "india.magnet_imports.china_share",
      "india.magnet_imports.fy25_t",
      "pli.repm_outlay_inr_crore",
    ];
    const { plan } = planFacts(snapshot(), ids.map(fact), { live: false, placement: "new-sheet" });
    const formats = plan.blocks[0].numberFormats!.slice(1).map((row) => row[2]);
    expect(formats).toEqual([FORMAT.share, FORMAT.tonnes, FORMAT.indian]);
  });

  test("on a new sheet: 'REE facts' at A1, widths set, and names unique against the workbook", () => {
    const before = snapshot({
      sheetNames: ["Sheet1", "REE facts", "Sources"],
      tables: [{ name: "REE_Facts", sheet: "REE facts", dataRows: 2 }],
      definedNames: ["REE_Sources"],
    });
    const { plan } = planFacts(before, two, { live: false, placement: "new-sheet" });
    expect(plan.newSheets).toEqual(["REE facts (2)", "Sources (2)"]);
    expect(plan.blocks[0]).toMatchObject({ sheet: "REE facts (2)", address: "A1:M3" });
    expect(plan.tables.map((t) => t.name)).toEqual(["REE_Facts_2", "REE_Sources_2"]);
    expect(plan.columnWidths.map((w) => w.sheet)).toEqual(["REE facts (2)", "Sources (2)"]);
    expectValidAndNew(plan, before);
  });
});

describe("the Sources list", () => {
  test("the first insert makes a Sources sheet with a table and records what it lists", () => {
    const { plan } = planFacts(
      snapshot(),
      [fact("india.repm.target_t.repm_scheme"), fact("china.processing_share.niice")],
      {
        live: false,
        placement: "selection",
      },
    );
    const sources = plan.blocks.find((b) => b.sheet === "Sources")!;
    expect(sources.cells.slice(1).map((row) => text(row[0]))).toEqual(["repm_scheme", "niice"]);
    expect(plan.metadata).toEqual([
      {
        key: SOURCES_KEY,
        value: JSON.stringify({
          table: "REE_Sources",
          sheet: "Sources",
          keys: ["repm_scheme", "niice"],
        }),
      },
    ]);
  });

  test("later inserts append only the sources not listed yet, as table rows", () => {
    const listed = JSON.stringify({
      table: "REE_Sources",
      sheet: "Sources",
      keys: ["repm_scheme"],
    });
    const before = snapshot({
      sheetNames: ["Sheet1", "Sources"],
      // One data row under the header: repm_scheme.
      tables: [{ name: "REE_Sources", sheet: "Sources", dataRows: 1 }],
      metadata: { [SOURCES_KEY]: listed },
    });
    const { plan, summary } = planFacts(
      before,
      [fact("india.repm.target_t.repm_scheme"), fact("china.processing_share.niice")],
      {
        live: false,
        placement: "selection",
      },
    );
    expect(plan.newSheets).toEqual([]);
    expect(plan.tableRows).toHaveLength(1);
    expect(plan.tableRows[0].table).toBe("REE_Sources");
    expect(plan.tableRows[0].cells.map((row) => text(row[0]))).toEqual(["niice"]);
    // After the one row the table had, so a host can tell its rows from those already there.
    expect(plan.tableRows[0].rowsBefore).toBe(1);
    expect(JSON.parse(plan.metadata[0].value).keys).toEqual(["repm_scheme", "niice"]);
    // With the record it replaces, for a host that puts it back after a failed write.
    expect(plan.metadata[0].previous).toBe(listed);
    expect(summary).toMatch(/1 new source listed on Sources/);

    const again = planFacts(before, [fact("india.repm.target_t.repm_scheme")], {
      live: false,
      placement: "selection",
    });
    expect(again.plan.tableRows).toEqual([]);
    expect(again.plan.metadata).toEqual([]);
  });

  test("if the user deleted the Sources table, a fresh one lists everything cited so far", () => {
    const before = snapshot({
      sheetNames: ["Sheet1", "Sources"],
      metadata: {
        [SOURCES_KEY]: JSON.stringify({ table: "REE_Sources", sheet: "Sources", keys: ["niice"] }),
      },
    });
    const { plan } = planFacts(before, [fact("india.repm.target_t.repm_scheme")], {
      live: false,
      placement: "selection",
    });
    expect(plan.newSheets).toEqual(["Sources (2)"]);
    const block = plan.blocks.find((b) => b.sheet === "Sources (2)")!;
    expect(block.cells.slice(1).map((row) => text(row[0]))).toEqual(["repm_scheme", "niice"]);
  });

  test("unreadable metadata is ignored, never trusted", () => {
    const before = snapshot({ metadata: { [SOURCES_KEY]: "not json" } });
    const { plan } = planFacts(before, [fact("india.repm.target_t.repm_scheme")], {
      live: false,
      placement: "selection",
    });
    expect(plan.newSheets).toEqual(["Sources"]);
  });
});

describe("reference tables", () => {
  test("columns, citation columns and formats; dates stay text", () => {
    const table = requireTable("timeline");
    const { plan, target } = planReferenceTable(snapshot(), table, "new-sheet");
    expect(plan.newSheets[0]).toBe("Timeline");
    const header = plan.blocks[0].cells[0].map(text);
    expect(header).toEqual([
      ...table.columns.map((c) => c.label),
      "Source",
      "Locator",
      "Evidence",
      "Citation",
    ]);
    expect(parseRange(target.address).rows).toBe(table.rows.length + 1);
    const date = plan.blocks[0].cells[1][0];
    expect(date).toEqual({ kind: "value", value: String(table.rows[0].date) });
    expect(plan.tables[0].name).toBe("REE_timeline");
  });

  test("fractions are formatted as percentages", () => {
    const { plan } = planReferenceTable(snapshot(), requireTable("import_sources"), "new-sheet");
    const shareColumn = requireTable("import_sources").columns.findIndex(
      (c) => c.type === "fraction",
    );
    expect(plan.blocks[0].numberFormats![1][shareColumn]).toBe(FORMAT.share);
  });

  test("an unknown table is a WorkbookError that lists the tables", () => {
    expect(() => requireTable("nope")).toThrow(
      expect.objectContaining({ name: "WorkbookError", action: expect.stringMatching(/partners/) }),
    );
  });
});

describe("named inputs", () => {
  test("each name refers to its value cell; the Name column shows the name it really got", () => {
    const before = snapshot({
      definedNames: ["REPM_Target_t"],
      probe: { target: { sheet: "Sheet1", address: "C3:G14" }, isEmpty: true },
    });
    const { plan } = planNamedInputs(before, "selection");
    expect(plan.names).toHaveLength(NAMED_INPUTS.length);
    expect(plan.names[0]).toMatchObject({
      name: "REPM_Target_t_2",
      sheet: "Sheet1",
      address: "E4",
    });
    expect(plan.names[1]).toMatchObject({ name: "NdPr_Oxide_Domestic_t", address: "E5" });
    expect(text(plan.blocks[0].cells[1][1])).toBe("REPM_Target_t_2");
    expect(plan.blocks[0].cells[1][2]).toEqual({ kind: "value", value: 6000 });
    for (const name of plan.names) expect((name.comment ?? "").length).toBeLessThanOrEqual(255);
    // A plain block: sorting a table would move values away from their names.
    expect(plan.tables.filter((t) => t.sheet === "Sheet1")).toEqual([]);
    expectValidAndNew(plan, before);
  });

  test("values come from the data set (a metric key gives its preferred claim)", () => {
    const { plan } = planNamedInputs(snapshot(), "new-sheet");
    const reserves = plan.blocks[0].cells.find((row) => text(row[1]) === "India_Reserves_t")!;
    expect(reserves[2]).toEqual({ kind: "value", value: 6_900_000 });
  });
});

describe("the model sheet", () => {
  const { plan, layout } = planModelSheet(snapshot());
  const block = plan.blocks[0];
  const cellAt = (address: string) => {
    const { row, column } = parseRange(address);
    return block.cells[row][column];
  };

  test("inputs are plain values from the data set; results are REE formulas over them", () => {
    // The scheme: 5 beneficiaries of up to 1,200 t/yr, a 2-year gestation (NDTV, 2025-11-26).
    expect(cellAt(layout.inputs.beneficiaries)).toEqual({ kind: "value", value: 5 });
    expect(cellAt(layout.inputs.capacityEach)).toEqual({ kind: "value", value: 1200 });
    expect(cellAt(layout.inputs.gestation)).toEqual({ kind: "value", value: 2 });
    expect(cellAt(layout.inputs.domesticOxide)).toEqual({ kind: "value", value: 400 });
    expect(cellAt(layout.inputs.oxidePerMagnet)).toEqual({
      kind: "value",
      value: fact("ndpr.oxide_per_magnet_t").value,
    });
    // The preferred claims: 93% by quantity and 53,700 t in FY25 (The Indian Express).
    expect(cellAt(layout.inputs.chinaShare)).toEqual({ kind: "value", value: 0.93 });
    expect(cellAt(layout.inputs.demand)).toEqual({ kind: "value", value: 53700 });
    // Recycling starts at nothing and may reach a quarter of demand over a decade (Policy Circle).
    expect(cellAt(layout.inputs.recyclingStart)).toEqual({ kind: "value", value: 0 });
    expect(cellAt(layout.inputs.recyclingShare)).toEqual({ kind: "value", value: 0.25 });
    expect(cellAt(layout.inputs.recyclingYears)).toEqual({ kind: "value", value: 10 });
    const { domesticOxide, importedOxide, oxidePerMagnet } = layout.inputs;
    const { capacity, oxideAvailable } = layout.results;
    expect(text(cellAt(oxideAvailable))).toBe(`=${domesticOxide}+${importedOxide}`);
    expect(text(cellAt(layout.results.oxideGap))).toBe(
      `=REE.NDPR_GAP(${capacity},${oxideAvailable},${oxidePerMagnet})`,
    );
    expect(text(cellAt(layout.results.hhi))).toBe(`=REE.HHI(${layout.production})`);
    expect(text(cellAt(layout.results.concentration))).toBe(
      `=REE.CONCENTRATION(${layout.results.hhi})`,
    );
  });

  test("every input row cites its source or says it is an assumption", () => {
    const rows = Object.values(layout.inputs).map(
      (address) => block.cells[parseRange(address).row],
    );
    expect(rows).toHaveLength(14);
    for (const cells of rows)
      expect(String(text(cells[3]))).toMatch(
        /; (para|[A-Z])|^Assumption \(not from the sources\): /,
      );
  });

  test("no two results show the same figure; each self-sufficiency says what it is measured against", () => {
    const labels = Object.values(layout.results).map((address) =>
      String(text(block.cells[parseRange(address).row][0])),
    );
    expect(new Set(labels).size).toBe(labels.length);
    const formulas = Object.values(layout.results).map((address) => text(cellAt(address)));
    expect(new Set(formulas).size).toBe(formulas.length);
    expect(labels.filter((label) => /self-sufficiency/i.test(label))).toEqual([
      "Self-sufficiency against the scheme capacity",
    ]);
    const header = block.cells[parseRange(layout.balance).row].map(text);
    expect(header).toContain("Self-sufficiency against demand");
  });

  test("the production range leaves out the world total and Other", () => {
    const countries = productionByCountry().map((r) => r.country);
    expect(countries).toContain("China");
    expect(countries.some((c) => /world total|^other$/i.test(c))).toBe(false);
    expect(parseRange(layout.production).rows).toBe(countries.length);
  });

  test("always a new sheet, unique; the chart plots demand, domestic, recycled and imports", () => {
    const again = planModelSheet(snapshot({ sheetNames: ["Sheet1", MODEL_SHEET] }));
    expect(again.plan.newSheets[0]).toBe(`${MODEL_SHEET} (2)`);
    expect(plan.charts).toEqual([
      expect.objectContaining({
        type: "line",
        seriesNames: ["Demand (t)", "Domestic (t)", "Recycled (t)", "Imports (t)"],
      }),
    ]);
    const data = parseRange(plan.charts[0].dataAddress);
    expect({ ...data, columns: 8 }).toEqual(parseRange(layout.balance));
  });

  test("prints A4 landscape one page wide with its title row repeated; notes wrap", () => {
    expect(plan.print).toContainEqual({ sheet: MODEL_SHEET, titleRows: "$1:$1" });
    expect(block.wrapColumns).toEqual([3]);
  });

  test("its sources are listed: the articles and USGS", () => {
    const sources = plan.blocks.find((b) => b.sheet === "Sources")!;
    const keys = sources.cells.slice(1).map((row) => text(row[0]));
    expect(keys).toContain("usgs_mcs2025");
    expect(keys).toContain("repm_scheme");
    expect(keys.every((k) => SOURCES.some((s) => s.id === k))).toBe(true);
  });
});

test("the function reference has one row per catalog function, examples as text", () => {
  const { plan } = planFunctionReference(snapshot());
  expect(plan.newSheets).toEqual(["REE functions"]);
  const rows = plan.blocks[0].cells.slice(1);
  expect(rows).toHaveLength(CATALOG.length);
  expect(rows.map((row) => text(row[0]))).toEqual(CATALOG.map((spec) => `REE.${spec.name}`));
  for (const row of rows) expect(row[6].kind).toBe("value");
});

test("every plan: valid, new names only", () => {
  const before = snapshot({
    sheetNames: ["Sheet1", "Sources", "REE functions"],
    definedNames: ["REE_Functions"],
  });
  for (const plan of [
    planFacts(before, FACTS.slice(0, 5), { live: true, placement: "new-sheet" }).plan,
    planReferenceTable(before, requireTable("partners"), "new-sheet").plan,
    planNamedInputs(before, "new-sheet").plan,
    planModelSheet(before).plan,
    planFunctionReference(before).plan,
  ]) {
    expectValidAndNew(plan, before);
  }
});
