/**
 * A workbook built on data 1.0.0, opened in the preview with data 1.1.0, end to end in headless
 * Chromium against the built preview (dist-preview/). The workbook is the fixture
 * test/data/fixtures/workbook-1.0.0.json: the write plans the 1.0.0 release's own inserts applied
 * (scripts/vintage-fixture.ts), three facts as values on 'REE facts' and as live formulas on
 * 'REE facts (2)'; the preview opens it with ?workbook=. The Share tab's data vintage lists the
 * changed figures with old value, new value and source; the user updates China's share and keeps
 * FY25 imports pinned, and only the insert's own cells change: a number the user typed beside the
 * table stays. Expected figures are the sources': the untitled REPM article's 84% and "over 53,000
 * tonnes" (1.0.0), The Indian Express's 93% and 53,700 tonnes for FY25 (1.1.0).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { until, usePreview } from "./harness";

jest.setTimeout(90_000);

const FIXTURE = resolve(__dirname, "..", "data", "fixtures", "workbook-1.0.0.json");
/** Where the page fetches the fixture from: its own origin, answered by the test. */
const SAVED_PATH = "/saved/workbook-1.0.0.json";

const preview = usePreview({
  query: `?workbook=${SAVED_PATH.slice(1)}`,
  // The saved workbook, from the page's origin.
  route: (context, origin) =>
    context.route(`${origin}${SAVED_PATH}`, (route) =>
      route.fulfill({ contentType: "application/json", body: readFileSync(FIXTURE, "utf8") }),
    ),
  ready: ({ sheetTab }) => sheetTab("REE facts (2)").waitFor(),
});
const { pane, cell, sheetTab } = preview;

/** The rows of a pane table, cell texts in order. */
async function rowsOf(label: string): Promise<string[][]> {
  const table = pane().getByRole("table", { name: label });
  await table.waitFor();
  return table
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent ?? "")),
    );
}

describe("a workbook built on data 1.0.0, opened with 1.1.0", () => {
  it("holds what 1.0.0 wrote: the figures as values, and live formulas that now read 1.1.0", async () => {
    await sheetTab("REE facts").click();
    await until(() => cell("A2").textContent(), "india.magnet_imports.china_share");
    // 1.0.0 wrote shares with one decimal (0.0%).
    expect([await cell("C2").textContent(), await cell("C3").textContent()]).toEqual([
      "84.0%",
      "53,000",
    ]);
    // The user's own number beside the table: the same 0.84 as the pinned share.
    await cell("O2").click();
    await preview.page.keyboard.type("0.84");
    await preview.page.keyboard.press("Enter");
    await until(() => cell("O2").textContent(), "0.84");
    await sheetTab("REE facts (2)").click();
    await until(() => cell("C2").textContent(), "93.0%");
    expect(await cell("C3").textContent()).toBe("53,700");
  });

  it("lists the changed figures with old value, new value and source", async () => {
    await pane().getByRole("tab", { name: "Share" }).click();
    await pane()
      .getByText(
        /pinned to data 1\.0\.0; the add-in has 1\.1\.0\. 2 of the figures it uses changed/,
      )
      .waitFor();
    const rows = await rowsOf("Figures that changed");
    // Columns: Update (a checkbox), Figure, Pinned, Now, Source.
    // FY25 imports also lose the lower bound "over 53,000" gave: 53,700 t is stated exactly.
    expect(rows.map((row) => row.slice(1, 4))).toEqual([
      ["China's share of India's rare earth magnet imports", "84%", "93%"],
      [
        "India's rare earth magnet imports",
        "53,000 t",
        "53,700 t; no range (was at least 53,000 t)",
      ],
    ]);
    for (const row of rows) {
      expect(row[4]).toMatch(
        /^The Indian Express, 'Before China's rare earth curbs, India's permanent magnet imports/,
      );
    }
    // The target (6,000 t, now the Cabinet's) has not changed: not listed.
  });

  it("updates the figure the user keeps ticked, in the insert's own cell only, and keeps the other pinned", async () => {
    await pane()
      .getByRole("checkbox", { name: "Update India's rare earth magnet imports" })
      .uncheck();
    await pane().getByRole("button", { name: "Update to current" }).click();
    expect(await rowsOf("Cells that will change")).toEqual([
      ["'REE facts'!C2", "China's share of India's rare earth magnet imports", "84%", "93%"],
    ]);
    await pane()
      .getByText("Kept pinned to data 1.0.0: India's rare earth magnet imports.")
      .waitFor();
    await pane().getByRole("button", { name: "Confirm update" }).click();
    await pane()
      .getByText(/^Updated to data 1\.1\.0: 1 value and 2 formulas changed\. Kept 1 figure/)
      .first()
      .waitFor();

    await sheetTab("REE facts").click();
    await until(() => cell("C2").textContent(), "93.0%");
    expect(await cell("C3").textContent()).toBe("53,000");
    expect(await cell("O2").textContent()).toBe("0.84");
    await sheetTab("REE facts (2)").click();
    // The kept figure's live formula asks for 1.0.0's figure; the updated one reads 1.1.0's.
    await until(() => cell("C3").textContent(), "53,000");
    expect(await cell("C3").getAttribute("title")).toBe(
      '=REE.FACT("india.magnet_imports.fy25_t",,"1.0.0")',
    );
    expect(await cell("C2").textContent()).toBe("93.0%");
  });

  it("then lists only the kept figure, and the Share tab passes an axe scan", async () => {
    await pane()
      .getByText(/pinned to data 1\.0\.0; .* 1 of the figures it uses changed\. You chose to keep/)
      .waitFor();
    expect((await rowsOf("Figures that changed")).map((row) => row.slice(1, 4))).toEqual([
      [
        "India's rare earth magnet imports",
        "53,000 t",
        "53,700 t; no range (was at least 53,000 t)",
      ],
    ]);
    expect(await preview.seriousViolations()).toEqual([]);
  });

  it("sent no request anywhere but 127.0.0.1 and logged no errors", () => {
    expect(preview.offHost).toEqual([]);
    expect(preview.pageErrors).toEqual([]);
  });
});
