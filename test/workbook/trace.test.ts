/**
 * The precedent walk on the port: through the Office.js mock (with Excel's request limits, syncs
 * counted) and the preview. Expected figures are the articles' own: the REPM target of 6,000 t/yr
 * of magnets, IREL's 400 t/yr of NdPr oxide, and 400 t oxide / 1,200 t magnets = 1/3 t of oxide
 * per t of magnet.
 */
import { resolveFact } from "../../src/data";
import { createExcelPort } from "../../src/excel";
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { insertModelSheet, insertNamedInputs } from "../../src/workbook/actions";
import type { CellBlock } from "../../src/workbook/port";
import { formulaCells } from "../../src/workbook/reads";
import {
  traceCell,
  traceFrom,
  type CellTrace,
  type TraceNode,
} from "../../src/workbook/trace/trace";
import { installCellMock } from "../excel/mockCells";

/** Every node of the tree, depth first, without recursion (a chain may be 1,000 deep). */
function nodes(root: TraceNode): TraceNode[] {
  const found: TraceNode[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TraceNode;
    found.push(node);
    stack.push(...[...node.children].reverse());
  }
  return found;
}

const factIds = (trace: CellTrace) => trace.facts.map((traced) => traced.fact.id).sort();

/** The model's oxide gap: the NDPR_GAP call without a basis, found by its formula, not its address. */
function gapCell(blocks: readonly CellBlock[]) {
  const found = formulaCells([...blocks]).filter((cell) =>
    /^=REE\.NDPR_GAP\([^"]*\)$/i.test(cell.formula),
  );
  expect(found).toHaveLength(1);
  return found[0];
}

describe("the trace of a cell through the Office.js port", () => {
  const cells = {
    Inputs: { A2: "Target", B2: 6000, A3: "Oxide", B3: 400, A4: "Ratio", B4: 0.5 },
    Model: {
      A1: "Gap",
      B1: "=REE.NDPR_GAP(REPM_Target_t,Inputs!B3,'Inputs'!$B$4)",
      D1: "=REE.PROJECT(B1,0.1,3)",
      E1: "=SUM(D1#)",
      C1: 1,
      C2: 2,
      C3: 3,
      F1: "=SUM(C:C)",
      G1: "=G2+1",
      G2: "=G1*2",
      H1: "=REE.HHI(Volumes)",
      H2: "=_xldudf_REE_NDPR_GAP()",
      H3: "=SUM(Inputs!B:B)",
    },
  };
  const nameFormulas = { REPM_Target_t: "=Inputs!$B$2", Volumes: "=Inputs!$B$2:$B$3" };

  async function trace(address: string) {
    const excel = installCellMock({ sheets: ["Model", "Inputs"], nameFormulas }, cells);
    const { trace: result } = await traceCell(createExcelPort(), { sheet: "Model", address });
    // One snapshot, one request that finds the cells, one that reads them.
    expect(excel.syncs()).toBe(3);
    return result;
  }

  it("follows a named input and cells on another sheet to the fact and the user's inputs", async () => {
    const result = await trace("B1");
    expect(result.root).toMatchObject({ ref: "B1", label: "Gap", reeCalls: ["REE.NDPR_GAP"] });
    expect(result.root.children.map((child) => child.ref)).toEqual([
      "REPM_Target_t",
      "Inputs!B3",
      "'Inputs'!$B$4",
    ]);
    // REPM_Target_t is the named input of the magnet target; B2 shows its 6,000.
    const [name] = result.root.children;
    expect(name.children[0]).toMatchObject({
      cell: { sheet: "Inputs", address: "B2" },
      value: 6000,
    });
    const target = resolveFact("india.repm.target_t");
    expect(target?.value).toBe(6000);
    expect(factIds(result)).toEqual([target?.id]);
    expect(result.facts[0].via).toEqual(["named input REPM_Target_t"]);
    // Two claims about the target from other sources are listed beside it.
    expect(result.facts[0].otherClaims.length).toBeGreaterThan(0);
    // 400 and 0.5 were typed, not inserted: the user's assumptions.
    expect(result.assumptions.map((a) => [a.where, a.label, a.value])).toEqual([
      ["Inputs!B3", "Oxide", 400],
      ["Inputs!B4", "Ratio", 0.5],
    ]);
    expect(result.precedents).toBe(3);
  });

  it("rests a spill reference on its anchor and a whole column on the cells it holds", async () => {
    const spill = await trace("E1");
    expect(spill.root.children.map((child) => [child.ref, child.cell?.address])).toEqual([
      ["D1#", "D1"],
    ]);
    expect(spill.root.children[0].children.map((child) => child.ref)).toEqual(["B1"]);
    // 0.1 and 3 are typed into REE.PROJECT: assumptions too.
    expect(spill.assumptions.map((a) => a.why)).toEqual(
      expect.arrayContaining(["typed in REE.PROJECT as rate", "typed in REE.PROJECT as years"]),
    );
    const column = await trace("F1");
    expect(column.root.children.map((child) => child.ref)).toEqual(["C1", "C2", "C3"]);
  });

  it("follows a name over a range, a column on another sheet, and the spelling files save", async () => {
    const named = await trace("H1");
    expect(named.root.children[0].ref).toBe("Volumes");
    expect(named.root.children[0].children.map((child) => child.ref)).toEqual([
      "Inputs!B2",
      "Inputs!B3",
    ]);
    const column = await trace("H3");
    expect(column.root.children.map((child) => child.ref)).toEqual([
      "Inputs!B2",
      "Inputs!B3",
      "Inputs!B4",
    ]);
    // Excel saves REE.NDPR_GAP in files as _xldudf_REE_NDPR_GAP: its three defaults are read.
    const saved = await trace("H2");
    expect(saved.root.reeCalls).toEqual(["REE.NDPR_GAP"]);
    expect(saved.facts).toHaveLength(3);
  });

  it("stops at a cycle", async () => {
    const result = await trace("G1");
    const [g2] = result.root.children;
    expect(g2.ref).toBe("G2");
    expect(g2.children[0]).toMatchObject({ ref: "G1", repeat: "cycle", children: [] });
  });

  it("walks a 1,000-cell chain and a cell with 1,000 precedents in at most 4 syncs", async () => {
    const chain: Record<string, string | number> = { A1: 1 };
    for (let row = 2; row <= 1000; row++) chain[`A${row}`] = `=A${row - 1}+1`;
    chain.B1 = "=SUM(A1:A1000)";
    const excel = installCellMock({ sheets: ["Chain"] }, { Chain: chain });
    const port = createExcelPort();
    const deep = await traceCell(port, { sheet: "Chain", address: "A1000" });
    expect(excel.syncs()).toBeLessThanOrEqual(4);
    expect(deep.trace.precedents).toBe(999);
    expect(nodes(deep.trace.root)).toHaveLength(1000);
    const before = excel.syncs();
    const wide = await traceCell(port, { sheet: "Chain", address: "B1" });
    expect(excel.syncs() - before).toBeLessThanOrEqual(4);
    expect(wide.trace.precedents).toBe(1000);
    expect(wide.trace.root.children).toHaveLength(1000);
  });

  it("reads omitted arguments, empty cells and REE.FACT as facts", async () => {
    installCellMock(
      { sheets: ["S"] },
      {
        S: {
          A1: "=REE.NDPR_GAP()",
          A2: "=REE.MAGNET_CAPACITY(400,C9)",
          A3: '=REE.FACT("india.repm.target_t")*2',
          A4: "=REE.FACT(B4)",
          B4: "ndpr.oxide_per_magnet_t",
        },
      },
    );
    const port = createExcelPort();
    const at = async (address: string) => (await traceCell(port, { sheet: "S", address })).trace;
    const gap = await at("A1");
    expect(factIds(gap)).toEqual(
      ["india.repm.target_t", "india.ndpr_oxide.production_t", "ndpr.oxide_per_magnet_t"]
        .map((id) => resolveFact(id)?.id)
        .sort(),
    );
    expect(gap.facts.map((traced) => traced.via[0])).toContain(
      "default of oxide_per_magnet in REE.NDPR_GAP (omitted, S!A1)",
    );
    const capacity = await at("A2");
    expect(capacity.facts.map((traced) => traced.via[0])).toEqual([
      "default of oxide_per_magnet in REE.MAGNET_CAPACITY (C9 is empty, S!A2)",
    ]);
    expect(capacity.assumptions.map((a) => a.value)).toEqual([400]);
    expect(factIds(await at("A3"))).toEqual([resolveFact("india.repm.target_t")?.id]);
    expect(factIds(await at("A4"))).toEqual(["ndpr.oxide_per_magnet_t"]);
  });
});

describe("the model sheet's gap, traced in the preview", () => {
  it("reaches the three facts, and a changed input becomes the user's assumption", async () => {
    const book = createPreviewWorkbook();
    expect((await insertModelSheet(book.port)).status).toBe("inserted");
    const blocks = await book.port.readCells({ sheets: ["Supply gap model"] });
    const gap = gapCell(blocks);
    const { trace } = await traceCell(book.port, gap);
    // The scheme's capacity: 5 beneficiaries x up to 1,200 t/yr = 6,000 t/yr of magnets (the Cabinet's
    // decision); 400 t/yr of domestic NdPr oxide; 400 / 1,200 = 1/3 t oxide per t magnet. Imported
    // oxide (0 t) is the model's own assumption: no source gives it.
    expect(trace.facts.map((traced) => traced.fact.value)).toEqual([5, 1200, 400, 400 / 1200]);
    for (const traced of trace.facts) {
      expect(traced.via[0]).toMatch(/^figure inserted in 'Supply gap model'!B\d+$/);
      expect(traced.fact.source).toBeTruthy();
    }
    expect(trace.assumptions.map((assumption) => assumption.value)).toEqual([0]);
    expect(trace.root.reeCalls).toEqual(["REE.NDPR_GAP"]);
    // Capacity, oxide available, oxide per magnet; capacity reads beneficiaries x capacity each.
    expect(trace.root.children).toHaveLength(3);
    const beneficiaries = trace.root.children[0].children[0];
    expect(beneficiaries.facts.map((traced) => traced.fact.value)).toEqual([5]);

    book.setCell("Supply gap model", beneficiaries.ref, "6");
    const after = traceFrom(
      {
        snapshot: await book.port.snapshot(),
        blocks: await book.port.readCells({ sheets: ["Supply gap model"] }),
      },
      gap,
    );
    expect(after.facts.map((traced) => traced.fact.value)).toEqual([1200, 400, 400 / 1200]);
    expect(after.assumptions.map((assumption) => assumption.value)).toEqual([6, 0]);
    expect(after.assumptions[0].why).toMatch(
      /^changed from the data set's india\.repm_scheme\.beneficiaries_count/,
    );
  });

  it("follows names the named-inputs insert made to their facts", async () => {
    const book = createPreviewWorkbook();
    await insertNamedInputs(book.port, { placement: "new-sheet" });
    book.setCell("Sheet1", "A1", "=REE.NDPR_GAP(REPM_Target_t,NdPr_Oxide_Domestic_t)");
    const { trace } = await traceCell(book.port, { sheet: "Sheet1", address: "A1" });
    expect(trace.root.children.map((child) => child.ref)).toEqual([
      "REPM_Target_t",
      "NdPr_Oxide_Domestic_t",
    ]);
    // The default of the omitted oxide_per_magnet (the call is read first), then the two figures.
    expect(trace.facts.map((traced) => traced.fact.value)).toEqual([400 / 1200, 6000, 400]);
  });
});
