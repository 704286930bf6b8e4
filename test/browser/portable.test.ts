/**
 * The acceptance test of "make portable", end to end in headless Chromium against the built
 * preview (dist-preview/): insert the model sheet, check and make it portable from the pane,
 * switch the REE functions off as for a colleague without the add-in, and the grid still shows the
 * 1,600 t gap and the model's other values (while a new REE formula shows #NAME?). Then restore
 * the live formulas. Uses the pane's "Share" tab (PortablePanel, VintagePanel) and its
 * "Simulate a colleague without the add-in" section (Start / End the simulation).
 */
import type { Locator } from "playwright-core";
import { until, usePreview } from "./harness";

jest.setTimeout(90_000);

const preview = usePreview({
  ready: ({ sheetTab }) => sheetTab("Sheet1").waitFor(),
});
const { pane, cell, sheetTab } = preview;
const grid = () => preview.page.locator('table[role="grid"]');
/** Column B of the model row whose label (column A) starts with `label`. */
const resultOf = (label: string) =>
  grid()
    .locator("tr", { has: preview.page.locator('td[data-address^="A"]', { hasText: label }) })
    .locator('td[data-address^="B"]');
/** Waits for the cell to show `text`, then asserts it. */
const expectText = (locator: Locator, text: string) => until(() => locator.textContent(), text);

/**
 * The model's values as the grid shows them, by result label, worked from the defaults: capacity 5 x
 * 1,200 = 6,000 t/yr needs 6,000 / 3 = 2,000 t of oxide, 400 t is available, so the shortfall is
 * 1,600 t and the oxide supports 400 x 3 = 1,200 t of magnets (20.0% of the capacity); imports from
 * China are 0.93 x 53,700 = 49,941 t; the HHI of 4,951 is above 2,500.
 */
const MODEL_VALUES: [string, string][] = [
  ["NdPr oxide shortfall", "1,600"],
  ["NdPr oxide the scheme capacity needs", "2,000"],
  ["Magnets the available NdPr oxide supports", "1,200"],
  ["Self-sufficiency against the scheme capacity", "20.0%"],
  ["Magnet imports from China, FY25", "49,941"],
  ["Market concentration", "highly concentrated"],
];

describe("a model sheet made portable in the preview", () => {
  it("inserts the model sheet with live REE formulas", async () => {
    await preview.insert("Insert model sheet");
    await expectText(resultOf("NdPr oxide shortfall"), "1,600");
    expect(await resultOf("NdPr oxide shortfall").getAttribute("title")).toMatch(
      /^=REE\.NDPR_GAP\(/,
    );
  });

  it("lists every cell that will change before anything changes", async () => {
    await pane()
      .getByRole("tab", { name: /^Share/ })
      .click();
    await pane().getByRole("button", { name: "Check what will change" }).click();
    const list = pane().getByRole("table", { name: "Cells that will change" });
    await list.waitFor();
    await list.getByText(/^=REE\.NDPR_GAP\(B\d+,B\d+,B\d+\)$/).waitFor();
    expect(await list.getByRole("row").count()).toBeGreaterThan(10);
    // Nothing written yet.
    expect(await resultOf("NdPr oxide shortfall").getAttribute("title")).toMatch(/^=REE\./);
  });

  it("makes it portable: no REE formula is left, the values are the same", async () => {
    await pane().getByRole("button", { name: "Make portable" }).click();
    await pane().getByText("Made portable", { exact: true }).waitFor();
    await sheetTab("Portability").waitFor();
    expect(await grid().locator('td[title*="REE."]').count()).toBe(0);
    for (const [label, shown] of MODEL_VALUES) await expectText(resultOf(label), shown);
  });

  it("for a colleague without the add-in, the grid still shows the gap of 1,600 t and the model", async () => {
    await preview.page.getByRole("button", { name: "Start the simulation" }).click();
    // A fresh REE formula now fails, as it would in that colleague's Excel.
    await cell("H2").click();
    const bar = preview.page.getByTestId("formula-bar");
    await bar.fill("=REE.NDPR_GAP()");
    await bar.press("Enter");
    await expectText(cell("H2"), "#NAME?");
    for (const [label, shown] of MODEL_VALUES) await expectText(resultOf(label), shown);
    expect(await resultOf("NdPr oxide shortfall").getAttribute("title")).toMatch(
      /^=IF\(TRIM\(CLEAN\(B\d+\)\)="",6000/,
    );
    // The balance still runs to 2035 (each year the one above plus 1), and the chart still draws.
    const lastYear = grid().locator('td[data-address^="A"][title]', { hasText: /^2035$/ });
    expect(await lastYear.getAttribute("title")).toMatch(/^=A\d+\+1$/);
    expect(await preview.page.locator("figure[data-chart] svg polyline").count()).toBeGreaterThan(
      0,
    );
    await cell("H2").click();
    await bar.fill("");
    await bar.press("Enter");
  });

  it("restores the live formulas", async () => {
    await preview.page.getByRole("button", { name: "End the simulation" }).click();
    await pane().getByRole("button", { name: "Restore live formulas" }).click();
    await pane().getByText("Live formulas restored", { exact: true }).waitFor();
    await preview.page.locator('[role="tab"][data-sheet^="Supply gap model"]').click();
    expect(await resultOf("NdPr oxide shortfall").getAttribute("title")).toMatch(
      /^=REE\.NDPR_GAP\(/,
    );
    for (const [label, shown] of MODEL_VALUES) await expectText(resultOf(label), shown);
  });

  it("shows the data vintage, and the Share tab passes an axe scan", async () => {
    await pane()
      .getByText(/pinned to data 1\.1\.0; the add-in has 1\.1\.0/)
      .waitFor();
    expect(await preview.seriousViolations()).toEqual([]);
  });

  it("sent no request anywhere but 127.0.0.1 and logged no errors", () => {
    expect(preview.offHost).toEqual([]);
    expect(preview.pageErrors).toEqual([]);
  });
});
