/**
 * End to end in headless Chromium against the built preview (dist-preview/), served on 127.0.0.1:
 * the real task pane writes through the WorkbookPort into a HyperFormula workbook that computes the
 * REE functions, and the grid must show what the formulas compute.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { factById } from "../../src/data";
import {
  AXE_TIMEOUT_MS,
  SCREENSHOTS,
  guardOffHost,
  openPreviewPage,
  screenshot,
  seriousViolations,
  until,
  usePreview,
} from "./harness";

jest.setTimeout(60_000);

const preview = usePreview({
  ready: ({ sheetTab }) => sheetTab("Sheet1").waitFor(),
});
const { pane, cell, sheetTab } = preview;
/** The preview's page, for the many steps here that drive it directly. */
let page: Page;
beforeAll(() => {
  page = preview.page;
});
/** A grid cell by the formula it holds. */
const cellWithFormula = (formula: string) =>
  page.locator(`table[role="grid"] td[title="${formula.replace(/"/g, '\\"')}"]`);

async function search(text: string): Promise<void> {
  const box = pane().getByRole("searchbox");
  await box.fill(text);
}

/** Waits for the pane to announce an outcome that matches `outcome`. */
const announces = (outcome: RegExp) =>
  until(
    async () => outcome.test((await page.getByTestId("outcome-announcer").textContent()) ?? ""),
    true,
  );

/** Waits for the message about the active cell to mention `text`. */
const cellMessageMentions = (text: string) =>
  until(
    async () => ((await page.getByTestId("cell-message").textContent()) ?? "").includes(text),
    true,
  );

/** The address of the grid's active cell. */
const activeAddress = () =>
  page.locator('table[role="grid"] td[aria-selected="true"]').first().getAttribute("data-address");

/** The model sheet's domestic NdPr oxide input, read from the gap formula's second argument. */
async function oxideInputAddress(): Promise<string> {
  const gap = page.locator('table[role="grid"] td[title^="=REE.NDPR_GAP("]').first();
  const formula = (await gap.getAttribute("title")) ?? "";
  const match = /NDPR_GAP\(\$?[A-Z]+\$?\d+,\s*\$?([A-Z]+)\$?(\d+)/.exec(formula);
  expect(match).not.toBeNull();
  return `${match?.[1]}${match?.[2]}`;
}

describe("browser preview", () => {
  it("shows the pane beside an empty Sheet1, without errors or CSP violations", async () => {
    await pane().getByRole("heading", { level: 1, name: "Rare Earth Supply Modeler" }).waitFor();
    expect(await page.locator('[role="tab"][data-sheet]').count()).toBe(1);
    expect(await cell("A1").textContent()).toBe("");
    expect(preview.pageErrors).toEqual([]);
  });

  it("finds a figure by keyboard and opens its detail with the formula to use", async () => {
    // The first hit for "6,000" is the article's "around 6,000" (approx), ranked before the reports'.
    const target = factById("india.repm.target_t.repm_scheme");
    expect(target).toBeDefined();
    await pane().getByRole("searchbox").focus();
    await page.keyboard.type("6,000");
    const facts = pane().getByRole("listbox", { name: "Facts" });
    await facts.getByRole("option").first().getByText("≈ 6,000 t/yr").waitFor();
    // Search box -> topic -> source -> the first result: each list is one tab stop.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-key"));
    expect(focused).toBe(`fact:${target?.id}`);
    await page.keyboard.press("Enter");
    const detail = pane().getByRole("article");
    await detail.getByRole("heading", { level: 2, name: target?.label }).waitFor();
    expect(await detail.getByRole("textbox", { name: "Formula" }).inputValue()).toBe(
      `=REE.FACT("${target?.id}")`,
    );
    await detail.getByText(target?.evidence ?? "", { exact: false }).waitFor();
    await screenshot(pane(), "pane-detail.png");
    await page.keyboard.press("Escape");
    await facts.waitFor();
    // Focus returns once the list has re-rendered the row, a frame or so after the list shows.
    await page
      .waitForFunction(
        (key) => document.activeElement?.getAttribute("data-key") === key,
        `fact:${target?.id}`,
        { timeout: 5_000 },
      )
      .catch(() => undefined);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-key"))).toBe(
      `fact:${target?.id}`,
    );
  });

  it('finds the functions a search names: "HHI" lists REE.HHI, not "No results"', async () => {
    await search("HHI");
    const functions = pane().getByRole("region", { name: "Functions" });
    await functions.getByText("=REE.HHI(values)").waitFor();
    expect(await pane().getByRole("status").first().textContent()).toMatch(/1 function|functions/);
    expect(await pane().getByText("No results", { exact: true }).count()).toBe(0);
    await search("");
  });

  it("marks where sources disagree", async () => {
    await search("China share processing");
    const facts = pane().getByRole("listbox", { name: "Facts" });
    await facts.getByText("Sources disagree").first().waitFor();
    expect(await facts.getByText("Sources disagree").count()).toBeGreaterThanOrEqual(2);
    await search("China");
    await facts.getByText("Sources disagree").first().waitFor();
    await screenshot(pane(), "pane.png", { readme: true });
  });

  it("inserts one figure as a cell with its citation as a note, and shows the outcome in view", async () => {
    // Searching "6,000" lists the scheme article's "around 6,000 t" claim first.
    const target = factById("india.repm.target_t.repm_scheme");
    await cell("A10").click();
    await search("6,000");
    const facts = pane().getByRole("listbox", { name: "Facts" });
    await facts.getByRole("option").first().getByText("≈ 6,000 t/yr").waitFor();
    await facts.getByRole("option").first().click();
    const detail = pane().getByRole("article");
    // The insert buttons are at the foot of a long detail: the user has scrolled down to them.
    const button = detail.getByRole("button", { name: "This figure as a cell" });
    await button.scrollIntoViewIfNeeded();
    await button.click();
    const notice = pane().locator('[data-outcome="success"]');
    await notice.waitFor();
    // The outcome is inside the pane's visible area, has the focus, and is read out.
    const inView = await notice.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const frame = (
        element.closest('[data-testid="task-pane"]') as Element
      ).getBoundingClientRect();
      return box.top >= frame.top && box.bottom <= frame.bottom && box.height > 0;
    });
    expect(inView).toBe(true);
    expect(await notice.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await announces(/in Sheet1!A10 as a live/);
    // One cell, not a table: the live formula shows 6,000 (the scheme's "around 6,000 t" target).
    expect(await cell("A10").textContent()).toBe("6,000");
    expect(await cell("B10").textContent()).toBe("");
    expect(await cell("A11").textContent()).toBe("");
    const title = (await cell("A10").getAttribute("title")) ?? "";
    expect(title).toContain('=REE.FACT("india.repm.target_t.repm_scheme")');
    // The note carries the citation: the source and where in it.
    expect(title).toContain("Note: ");
    expect(title).toContain(target?.locator ?? "?");
    expect(await cell("A10").getAttribute("data-note")).toBe("");
    await cell("A10").click();
    await cellMessageMentions(target?.locator ?? "?");
    await pane().getByRole("button", { name: "Back to results" }).click();
  });

  it("inserts selected facts as live formulas at the selected cell; the grid shows their values", async () => {
    await cell("B2").click();
    await search("6,000");
    const facts = pane().getByRole("listbox", { name: "Facts" });
    await facts.getByRole("option").first().getByText("≈ 6,000 t/yr").waitFor();
    await facts.getByRole("option").first().focus();
    await page.keyboard.press("Space");
    await search("NdPr oxide production IREL");
    await facts.getByRole("option").first().waitFor();
    await facts.getByRole("option").first().focus();
    await page.keyboard.press("Space");
    await preview.insert("Insert 2 facts");
    // Still on Sheet1, from B2: header row, then one row per fact, values computed by REE.FACT.
    expect(
      await page
        .locator('[role="tab"][data-sheet][aria-selected="true"]')
        .getAttribute("data-sheet"),
    ).toBe("Sheet1");
    expect(await cell("B2").textContent()).toBe("Id");
    // 13 columns from B end at N; a header and 2 facts fill rows 2 to 4. Sheet1 needs no quotes.
    expect(await pane().locator('[data-outcome="success"]').textContent()).toContain(
      "on Sheet1!B2:N4",
    );
    const target = cellWithFormula('=REE.FACT("india.repm.target_t.repm_scheme")');
    expect(await target.textContent()).toBe("6,000");
    const oxide = cellWithFormula('=REE.FACT("india.ndpr_oxide.production_t")');
    expect(await oxide.textContent()).toBe("400");
    await sheetTab("Sources").waitFor();
  });

  it("never writes over data: asks, then inserts on a new sheet and selects it on request", async () => {
    await cell("B2").click();
    await pane().getByRole("button", { name: "Insert 2 facts" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog
      .getByText("already holds data, so nothing was written", { exact: false })
      .waitFor();
    const sheetsBefore = await page.locator('[role="tab"][data-sheet]').count();
    await dialog.getByRole("button", { name: "Insert on a new sheet" }).click();
    await pane().getByText("Inserted", { exact: true }).waitFor();
    expect(await page.locator('[role="tab"][data-sheet]').count()).toBe(sheetsBefore + 1);
    expect(await cell("A1").textContent()).toBe("Id");
    // Excel's quoting for a sheet name with a space.
    expect(await pane().locator('[data-outcome="success"]').textContent()).toContain(
      "on 'REE facts'!A1:M3",
    );
    await pane().getByRole("button", { name: "Select inserted range" }).click();
    await page.locator('td[aria-selected="true"]').first().waitFor();
  });

  it("inserts a time series as a cited table on its own sheet", async () => {
    // India's magnet imports (The Indian Express): FY21 12,400 t ... FY25 53,700 t; H1 FY26 16,281 t.
    await preview.insert("Insert series");
    const active = page.locator('[role="tab"][data-sheet][aria-selected="true"]');
    expect(await active.getAttribute("data-sheet")).toMatch(/^Series magnet imports t/);
    const grid = page.locator('table[role="grid"]');
    await grid
      .locator("td", { hasText: /^FY21$/ })
      .first()
      .waitFor();
    for (const shown of ["12,400", "28,700", "53,700", "16,281"]) {
      expect(await grid.getByText(shown, { exact: true }).count()).toBe(1);
    }
  });

  it("inserts the supply-gap model sheet and shows the numbers its formulas compute", async () => {
    await preview.insert("Insert model sheet");
    const active = page.locator('[role="tab"][data-sheet][aria-selected="true"]');
    expect(await active.getAttribute("data-sheet")).toMatch(/^Supply gap model/);
    const gaps = page.locator('table[role="grid"] td[title^="=REE.NDPR_GAP("]');
    await gaps.first().waitFor();
    // The articles' own question: 6,000 t of magnets need 2,000 t of oxide; IREL makes 400.
    expect(await gaps.first().textContent()).toBe("1,600");
    expect(await page.locator("figure[data-chart] svg polyline").count()).toBeGreaterThan(0);
    await page.getByTestId("formula-bar").waitFor();
    await gaps.first().click();
    expect(await page.getByTestId("formula-bar").inputValue()).toMatch(/^=REE\.NDPR_GAP\(/);
    // The pane scrolled to the button: show the success bar at its top in the README picture.
    await pane().evaluate((element) => element.scrollTo(0, 0));
    await screenshot(page, "preview-model.png", { readme: true });
  });

  it("recomputes when an input is edited in the formula bar", async () => {
    const gap = page.locator('table[role="grid"] td[title^="=REE.NDPR_GAP("]').first();
    const formula = (await gap.getAttribute("title")) ?? "";
    const oxideInput = /NDPR_GAP\(\$?[A-Z]+\$?\d+,\s*\$?([A-Z]+)\$?(\d+)/.exec(formula);
    expect(oxideInput).not.toBeNull();
    await cell(`${oxideInput?.[1]}${oxideInput?.[2]}`).click();
    const bar = page.getByTestId("formula-bar");
    await bar.fill("1000");
    await bar.press("Enter");
    // 2,000 t needed - 1,000 t domestic.
    await expect(gap.textContent()).resolves.toBe("1,000");
  });

  it("edits a cell like a spreadsheet: type over it, F2 or double-click, Enter and Tab move, Escape cancels", async () => {
    const gap = page.locator('table[role="grid"] td[title^="=REE.NDPR_GAP("]').first();
    const input = await oxideInputAddress();
    const below = input.replace(/\d+$/, (row) => String(Number(row) + 1));
    await cell(input).click();
    await page.keyboard.type("800");
    await page.keyboard.press("Enter");
    // 2,000 t of oxide needed - 800 t domestic = 1,200 t; Enter moved down one row.
    await until(() => gap.textContent(), "1,200");
    await until(activeAddress, below);
    await page.keyboard.press("Shift+Enter");
    await until(activeAddress, input);
    // Escape throws away what was typed.
    await page.keyboard.type("5");
    await page.getByTestId("cell-editor").waitFor();
    await page.keyboard.press("Escape");
    await until(() => cell(input).textContent(), "800");
    // F2 edits what the cell holds; Tab commits and moves right. 2,000 - 80 = 1,920.
    await page.keyboard.press("F2");
    expect(await page.getByTestId("cell-editor").inputValue()).toBe("800");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Tab");
    await until(() => gap.textContent(), "1,920");
    expect(await activeAddress()).not.toBe(input);
    // Double-click edits too: back to IREL's 400 t, so 2,000 - 400 = 1,600.
    await cell(input).dblclick();
    await page.getByTestId("cell-editor").fill("400");
    await page.keyboard.press("Enter");
    await until(() => gap.textContent(), "1,600");
  });

  it("says why a cell shows an error, on hover and to the keyboard", async () => {
    await sheetTab("Sheet1").click();
    await cell("A14").click();
    await page.keyboard.type('=REE.FACT("india.repm.targt")');
    await page.keyboard.press("Enter");
    await until(() => cell("A14").textContent(), "#N/A");
    // Hover shows the title: the formula, then the function's own reason.
    const title = (await cell("A14").getAttribute("title")) ?? "";
    expect(title).toContain('#N/A: Unknown fact id "india.repm.targt"');
    // From the keyboard: back up to the cell and the reason is shown and tied to it.
    await page.keyboard.press("ArrowUp");
    const message = page.getByTestId("cell-message");
    await until(
      async () => (await message.textContent())?.startsWith("A14: #N/A: Unknown fact id"),
      true,
    );
    const describedBy = await cell("A14").getAttribute("aria-describedby");
    expect(describedBy).toBe(await message.getAttribute("id"));
  });

  it(
    "passes an axe scan (no serious or critical violations) with the model sheet and insert panel",
    async () => {
      expect(await preview.seriousViolations()).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  it(
    "passes an axe scan with a fact's detail open",
    async () => {
      await pane().getByRole("tab", { name: "Browse" }).click();
      await search("processing share");
      await pane().getByRole("listbox", { name: "Facts" }).getByRole("option").first().click();
      await pane().getByRole("article").waitFor();
      expect(await preview.seriousViolations()).toEqual([]);
    },
    AXE_TIMEOUT_MS,
  );

  it("follows a dark system theme", async () => {
    // Its errors go to the same record as the main page's.
    const dark = await openPreviewPage(preview, {
      colorScheme: "dark",
      pageErrors: preview.pageErrors,
    });
    const darkPage = dark.page;
    await darkPage.locator('[role="tab"][data-sheet="Sheet1"]').waitFor();
    expect(await darkPage.locator("[data-theme]").first().getAttribute("data-theme")).toBe("dark");
    const background = await darkPage
      .getByRole("main")
      .evaluate((element) => getComputedStyle(element.parentElement as Element).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(3 * 80);
    expect(await seriousViolations(darkPage)).toEqual([]);
    await screenshot(darkPage, "preview-dark.png");
    await dark.context.close();
    expect(dark.offHost).toEqual([]);
  });

  it("Share: the sections stand apart, and the colleague simulation says it is on and how to end it", async () => {
    await pane().getByRole("tab", { name: "Share" }).click();
    const start = pane().getByRole("button", { name: "Start the simulation" });
    const vintage = pane().getByRole("heading", { name: "Data vintage" });
    const standalone = pane().getByRole("heading", { name: "Standalone workbook" });
    await vintage.waitFor();
    const gapAbove = async (heading: typeof vintage) =>
      heading.evaluate((element) => {
        const section = element.closest("section") as Element;
        const previous = section.previousElementSibling as Element;
        return section.getBoundingClientRect().top - previous.getBoundingClientRect().bottom;
      });
    // At least Fluent's XXL spacing (24 px) between sections, and never touching.
    expect(await gapAbove(vintage)).toBeGreaterThanOrEqual(24);
    expect(await gapAbove(standalone)).toBeGreaterThanOrEqual(24);
    // The standalone download says it carries the default inputs, not this workbook's.
    expect(
      await pane()
        .getByRole("button", { name: "Download standalone workbook" })
        .getAttribute("aria-describedby"),
    ).toBe("standalone-stock");
    await pane().getByText("starts from the cited default inputs", { exact: false }).waitFor();

    await sheetTab("Sheet1").click();
    // By address: with the functions off, the cell's title gains the #NAME? reason.
    const address = await cellWithFormula('=REE.FACT("india.repm.target_t.repm_scheme")')
      .first()
      .getAttribute("data-address");
    const reeCell = cell(address ?? "?");
    await start.click();
    await pane().getByText("Simulation on: the REE functions are off").waitFor();
    await until(() => reeCell.textContent(), "#NAME?");
    await pane().getByRole("button", { name: "End the simulation" }).click();
    await until(() => reeCell.textContent(), "6,000");
    expect(await pane().getByText("Simulation on: the REE functions are off").count()).toBe(0);
  });

  it("downloads the standalone workbook, whose model uses native formulas only", async () => {
    await pane().getByRole("tab", { name: "Share" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      pane().getByRole("button", { name: "Download standalone workbook" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("rare-earth-supply-model.xlsx");
    const file = join(SCREENSHOTS, "..", download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(["REE facts", "Sources", "Supply gap model"]),
    );
    const formulas: string[] = [];
    workbook.getWorksheet("Supply gap model")!.eachRow((row) =>
      row.eachCell((c) => {
        if (c.formula) formulas.push(c.formula);
      }),
    );
    expect(formulas.length).toBeGreaterThan(20);
    expect(formulas.filter((f) => /REE\.|_xldudf_/i.test(f))).toEqual([]);
    await pane().getByText("Workbook ready", { exact: true }).waitFor();
    // One outcome at a time: the earlier insert's notice went when the download started.
    expect(await pane().getByText("Inserted", { exact: true }).count()).toBe(0);
    expect(await pane().locator("[data-outcome]").count()).toBe(1);
  });

  it("has a guard that does catch a request to another host", async () => {
    const probe = await preview.browser.newContext();
    const caught = await guardOffHost(probe);
    const probePage = await probe.newPage();
    // A page without the preview's CSP, so the request reaches the network layer.
    await probePage.goto(`${preview.origin}/not-found`);
    await probePage.evaluate(() => fetch("http://example.com/probe").catch(() => undefined));
    await probe.close();
    expect(caught).toEqual(["http://example.com/probe"]);
  });

  it("sent no request anywhere but 127.0.0.1 and logged no errors", () => {
    expect(preview.offHost).toEqual([]);
    expect(preview.pageErrors).toEqual([]);
  });
});

describe("a figure from its detail view as a value", () => {
  it("writes the number itself, not a formula, with the citation as the cell's note", async () => {
    const id = "india.repm.target_t.repm_scheme";
    const target = factById(id);
    await sheetTab("Sheet1").click();
    await cell("A20").click();
    await pane().getByRole("tab", { name: "Browse" }).click();
    // Whatever detail an earlier step left open, start from the results.
    const back = pane().getByRole("button", { name: "Back to results" });
    if ((await back.count()) > 0) await back.click();
    await search("6,000");
    const facts = pane().getByRole("listbox", { name: "Facts" });
    await facts.getByRole("option").first().getByText("≈ 6,000 t/yr").waitFor();
    await facts.getByRole("option").first().click();
    const detail = pane().getByRole("article");
    expect(await detail.getByRole("textbox", { name: "Formula" }).inputValue()).toBe(
      `=REE.FACT("${id}")`,
    );
    // The Insert tab's words for the same choice.
    const choice = detail.getByRole("radiogroup", { name: "Cells hold" });
    await choice.getByRole("radio", { name: /^Live formulas/ }).waitFor();
    const value = choice.getByRole("radio", { name: "Static values (work without the add-in)" });
    await value.scrollIntoViewIfNeeded();
    await value.check();
    await detail.getByText("The cell holds the figure as a static value").waitFor();
    await detail.getByRole("button", { name: "This figure as a cell" }).click();
    await announces(/in Sheet1!A20 as a value/);
    // The scheme's target is "around 6,000 t" a year: the cell holds 6000 itself.
    expect(await cell("A20").textContent()).toBe("6,000");
    const title = (await cell("A20").getAttribute("title")) ?? "";
    // No formula line before the note: the hover text is the note alone.
    expect(title.startsWith("Note: ")).toBe(true);
    expect(title).not.toContain("REE.FACT");
    expect(title).toContain(target?.locator ?? "?");
    expect(await cell("A20").getAttribute("data-note")).toBe("");
    await cell("A20").click();
    const bar = page.getByTestId("formula-bar");
    await until(async () => (await bar.inputValue()).replace(/,/g, ""), "6000");
    await cellMessageMentions(target?.locator ?? "?");
    await pane().getByRole("button", { name: "Back to results" }).click();
    expect(preview.pageErrors).toEqual([]);
  });
});
