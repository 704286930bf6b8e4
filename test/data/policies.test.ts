/**
 * The `policies` reference table, row by row, beside the articles. Each expected row is written out
 * by hand with the article's full sentence quoted from /work/shared/seeds/ (curly quotes and the
 * rupee sign as printed); the row's evidence must be a fragment of that sentence, and every cell
 * must say only what the sentence says. `npm run data:verify` separately finds each fragment in the
 * article file, in the paragraph its locator names.
 */
import { TABLES, tableByName } from "../../src/data";
import { containsVerbatim } from "../../src/data/verify";
import * as REE from "../../src/functions/functions";
import { TABLE_TOPICS, filterCatalog, getCatalog } from "../../src/taskpane/browse/entries";

interface ExpectedRow {
  /** The article's whole sentence, copied by hand. */
  sentence: string;
  cells: Record<string, string | null>;
  source: string;
  locator: string;
}

const EXPECTED: ExpectedRow[] = [
  {
    // policy_circle, "Reviving domestic capacity", 4th paragraph.
    sentence:
      "Reforms to the Mines and Minerals (Development and Regulation) Act have made certain rare earth element (REE)  blocks available to private players if they dispose of radioactive by-products in a safe manner.",
    cells: {
      measure: "Reforms to the Mines and Minerals (Development and Regulation) Act",
      kind: "legal reform",
      provision: "Makes certain REE blocks available to private players",
      status: 'in effect ("have made" blocks available)',
    },
    source: "policy_circle",
    locator: "Reviving domestic capacity, para 4",
  },
  {
    // niice, "The Resource Nationalism of India and Its Strategic Logic", 4th paragraph.
    sentence:
      "At the same time, the state has restricted the export of unprocessed monazite and directed public-sector undertakings like Indian Rare Earths Limited (IREL) to focus on domestic supply.",
    cells: {
      measure: "Export restriction on unprocessed monazite",
      kind: "export restriction",
      provision:
        "Restricts the export of unprocessed monazite; IREL is directed to focus on domestic supply",
      status: 'in effect ("has restricted")',
    },
    source: "niice",
    locator: "The Resource Nationalism of India and Its Strategic Logic, para 4",
  },
  {
    // niice, same section, 3rd paragraph. The article gives no status: "the purpose of ... is".
    sentence:
      "In a similar vein, the purpose of the Production-Linked Incentive (PLI) programs for electronics, electric vehicles, and renewable energy components is to generate demand for domestic processing of rare earth elements.",
    cells: {
      measure:
        "Production-Linked Incentive (PLI) programmes for electronics, electric vehicles and renewable energy components",
      kind: "incentive",
      provision: "Meant to generate demand for domestic processing of rare earth elements",
      status: null,
    },
    source: "niice",
    locator: "The Resource Nationalism of India and Its Strategic Logic, para 3",
  },
  {
    // policy_circle, "Encouraging refining and processing", 2nd paragraph. The outlay stays a fact
    // (pli.repm_outlay_inr_crore = 1,345; pli.repm_outlay_usd_million = 155), not a cell here.
    sentence:
      "The Indian Ministry of Heavy Industries has mooted a \u20B9 1,345 crore (US $155 million) production linked incentive programme to encourage rare earth magnet manufacturing.",
    cells: {
      measure:
        "Production linked incentive programme for rare earth magnet manufacturing (Ministry of Heavy Industries)",
      kind: "incentive",
      provision: "Encourages rare earth magnet manufacturing",
      status: "mooted",
    },
    source: "policy_circle",
    locator: "Encouraging refining and processing, para 2",
  },
  {
    // repm_scheme, "Overcoming Domestic Supply Constraints", 3rd paragraph; "such mines" are the
    // mines in resource-rich countries whose acquisition the same sentence's paragraph describes.
    sentence:
      "Raw materials imported from such mines will also be exempt from import duties under the proposed framework.",
    cells: {
      measure: "Import-duty exemption for raw materials from overseas mines",
      kind: "duty exemption",
      provision: "Exempts from import duties the raw materials imported from mines acquired abroad",
      status: 'proposed ("under the proposed framework")',
    },
    source: "repm_scheme",
    locator: "Overcoming Domestic Supply Constraints, para 3",
  },
  {
    // nalco, 3rd paragraph (the text has no headings). It says nothing of the auctions' timing.
    sentence:
      "Nalco\u2019s board has initiated due diligence with a bid advisor to evaluate participation in domestic auctions for REEs, magnesium and chromite blocks, with assessments focused on mine viability, optimal acquisition premiums and competitive positioning.",
    cells: {
      measure: "Domestic auctions for REE, magnesium and chromite blocks",
      kind: "auction",
      provision:
        "Auctions domestic REE, magnesium and chromite blocks; Nalco is evaluating participation with a bid advisor",
      status: null,
    },
    source: "nalco",
    locator: "para 3",
  },
];

const policies = tableByName("policies");

describe("the policies table", () => {
  it("is bundled with the other reference tables, under the targets & policy filter", () => {
    expect(policies).toBeDefined();
    expect(TABLES.filter((table) => table.name === "policies")).toHaveLength(1);
    expect(TABLE_TOPICS.policies).toBe("targets & policy");
  });

  it("has exactly the rows written out here, in this order", () => {
    expect(
      policies!.rows.map((row) => ({
        cells: Object.fromEntries(policies!.columns.map((column) => [column.key, row[column.key]])),
        source: row.source,
        locator: row.locator,
      })),
    ).toEqual(EXPECTED.map(({ cells, source, locator }) => ({ cells, source, locator })));
  });

  it.each(EXPECTED.map((expected, index) => [index, expected] as const))(
    "row %i cites a fragment of the article's sentence, of at most 22 words",
    (index, expected) => {
      const evidence = policies!.rows[index].evidence;
      expect(containsVerbatim(expected.sentence, evidence)).toBe(true);
      expect(evidence.split(/\s+/).length).toBeLessThanOrEqual(22);
    },
  );

  it("quotes each status word in its evidence", () => {
    // The words a status cites (in quotes) must come from the row's own fragment.
    for (const row of policies!.rows) {
      const quoted = /"([^"]+)"/.exec(String(row.status ?? ""));
      if (quoted) expect(containsVerbatim(row.evidence, quoted[1])).toBe(true);
    }
    expect(policies!.rows.filter((row) => row.status === null)).toHaveLength(2);
  });
});

describe("the task pane", () => {
  it('finds the monazite restriction under "targets & policy", and both PLI rows by "incentive"', () => {
    const found = (query: string) =>
      filterCatalog(getCatalog(), { query, topic: "targets & policy", source: "" })
        .rows.filter((entry) => entry.table.name === "policies")
        .map((entry) => entry.row.measure);
    expect(found("monazite")).toEqual(["Export restriction on unprocessed monazite"]);
    // "Production-Linked Incentive (PLI)" (niice) and "production linked incentive" (policy_circle).
    expect([...found("incentive")].sort()).toEqual([
      EXPECTED[3].cells.measure,
      EXPECTED[2].cells.measure,
    ]);
  });
});

describe('REE.TABLE("policies")', () => {
  it("spills the header plus Source, then one row per measure with blanks where the article is silent", () => {
    const grid = REE.table("policies");
    expect(grid[0]).toEqual(["Measure", "Kind", "What it does", "Status", "Source"]);
    expect(grid).toHaveLength(1 + 6);
    expect(grid[1]).toEqual([
      "Reforms to the Mines and Minerals (Development and Regulation) Act",
      "legal reform",
      "Makes certain REE blocks available to private players",
      'in effect ("have made" blocks available)',
      "policy_circle",
    ]);
    // The PLI programmes (niice) have no stated status: an empty cell, not null or "null".
    expect(grid[3][3]).toBe("");
    expect(REE.table("Policies")).toEqual(grid); // names are case-insensitive
  });
});
