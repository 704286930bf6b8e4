/**
 * The Cell view end to end in headless Chromium against the built preview: the grid's selection
 * drives it. The model's gap traces down to its four facts (5 beneficiaries x 1,200 t/yr of scheme
 * capacity, IREL's 400 t/yr of NdPr oxide, and 400 / 1,200 = 1/3 t of oxide per t of magnet); a
 * ratio of 0 makes the gap #NUM!, and the view says which cell to change; a formula built in the
 * view, =REE.SELF_SUFFICIENCY(400,2000), lands in an empty cell showing 400 / 2,000 = 0.2.
 */
import type { Page } from "playwright-core";
import { AXE_TIMEOUT_MS, screenshot, usePreview } from "./harness";

jest.setTimeout(60_000);

/** The model's oxide gap: the first NDPR_GAP formula (the magnet gap passes "magnet" after it). */
const gapCellOf = (page: Page) =>
  page.locator('table[role="grid"] td[title^="=REE.NDPR_GAP("]').first();

const preview = usePreview({
  ready: async ({ page, pane, insert }) => {
    await insert("Insert model sheet");
    await pane().getByRole("button", { name: "Dismiss" }).click();
    await gapCellOf(page).waitFor();
  },
});
const { pane, cell } = preview;
const gapCell = () => gapCellOf(preview.page);
const facts = () => pane().getByTestId("trace-fact");

describe("the Cell view in the preview", () => {
  it("traces the selected gap cell down to its four facts, with their sources", async () => {
    await pane().getByRole("tab", { name: "Cell" }).click();
    await gapCell().click();
    await facts().nth(3).waitFor();
    expect(await facts().count()).toBe(4);
    // The scheme's capacity is 5 beneficiaries x up to 1,200 t/yr (the Cabinet's decision), then
    // IREL's 400 t/yr of NdPr oxide and 400 / 1,200 = 1/3 t oxide per t magnet.
    const [beneficiaries, capacityEach, oxide, ratio] = await facts().allTextContents();
    expect(beneficiaries).toContain("india.repm_scheme.beneficiaries_count");
    expect(capacityEach).toContain("1,200");
    expect(oxide).toContain("400 t/yr");
    expect(ratio).toContain("ndpr.oxide_per_magnet_t");
    expect(ratio).toContain("1/3 t oxide per t magnet");
    for (const text of [beneficiaries, capacityEach, oxide, ratio]) {
      expect(text).toMatch(/Source: .+; .+/);
    }
    // The tree: the gap, then the cells it reads down to the inserted facts; imported oxide is the
    // model's assumption.
    const rows = await pane().getByTestId("trace-row").allTextContents();
    expect(rows[0]).toMatch(/NdPr oxide shortfall.*=REE\.NDPR_GAP\(B\d+,B\d+,B\d+\)→ 1,600/);
    expect(rows.flatMap((row) => /fact \S+/.exec(row)?.[0] ?? [])).toEqual([
      "fact india.repm_scheme.beneficiaries_count",
      "fact india.repm_scheme.capacity_per_beneficiary_t",
      expect.stringMatching(/^fact india\.ndpr_oxide\.production_t/),
      "fact ndpr.oxide_per_magnet_t",
    ]);
    await pane().evaluate((element) => element.scrollTo(0, 0));
    await screenshot(preview.page, "cell-trace.png", { readme: true });
  });

  it(
    "passes an axe scan with a trace shown",
    async () => {
      expect(await preview.seriousViolations()).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  it("says why the gap shows #NUM! when the ratio is 0, and which cell holds it", async () => {
    const ratioRow = pane()
      .getByTestId("trace-row")
      .filter({ hasText: "NdPr oxide per tonne of magnet" })
      .first();
    const ratioAddress = (await ratioRow.getByRole("button").first().textContent()) ?? "";
    expect(ratioAddress).toMatch(/^B\d+$/);
    await cell(ratioAddress).click();
    await preview.page.keyboard.type("0");
    await preview.page.keyboard.press("Enter");
    await gapCell().click();
    const error = pane().getByTestId("cell-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("Why it shows #NUM! (REE.NDPR_GAP)");
    expect(await error.textContent()).toContain("oxide_per_magnet must be more than zero");
    expect(await error.textContent()).toContain(`oxide_per_magnet: ${ratioAddress} holds 0.`);
  });

  it("builds =REE.SELF_SUFFICIENCY(400,2000) into an empty cell and shows its value", async () => {
    await cell("H2").click();
    await pane().getByText("The cell is empty", { exact: false }).waitFor();
    await pane()
      .getByRole("searchbox", { name: /Find a function/ })
      .fill("self sufficiency");
    await pane().getByRole("button", { name: "REE.SELF_SUFFICIENCY(domestic, demand)" }).click();
    await pane().locator('input[data-parameter="domestic"]').fill("400");
    await pane().locator('input[data-parameter="demand"]').fill("2,000");
    expect(await pane().getByTestId("built-formula").textContent()).toBe(
      "=REE.SELF_SUFFICIENCY(400,2000)",
    );
    expect(await pane().getByTestId("built-result").textContent()).toBe("Result: 0.2");
    await pane()
      .getByRole("button", { name: /^Insert into/ })
      .click();
    await preview.page
      .locator('table[role="grid"] td[data-address="H2"][title="=REE.SELF_SUFFICIENCY(400,2000)"]')
      .waitFor();
    expect(await cell("H2").textContent()).toBe("0.2");
  });

  it("sent no request anywhere but 127.0.0.1 and logged no errors", () => {
    expect(preview.offHost).toEqual([]);
    expect(preview.pageErrors).toEqual([]);
  });
});
