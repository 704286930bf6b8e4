/**
 * Citation cards end to end in headless Chromium against the built preview (dist-preview/): three
 * facts inserted as cards show the card icon and their text in the grid, and selecting one opens
 * its card beside the grid with the source and the verbatim evidence. Axe-clean with the card
 * open; no request leaves 127.0.0.1. Takes the README's picture of a card.
 */
import AxeBuilder from "@axe-core/playwright";
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import {
  CHROMIUM_ARGS,
  chromiumPath,
  guardOffHost,
  readmeShot,
  serveDirectory,
  type StaticServer,
} from "./harness";

jest.setTimeout(60_000);
const AXE_TIMEOUT_MS = 180_000;

const root = resolve(__dirname, "../..");
const distPreview = join(root, "dist-preview");
const SCREENSHOTS = join(root, "test-results", "screenshots");

let server: StaticServer;
let browser: Browser;
let page: Page;
let offHost: string[] = [];
const pageErrors: string[] = [];

const pane = () => page.getByTestId("task-pane");
const grid = () => page.locator('table[role="grid"]');
const cell = (address: string) => grid().locator(`td[data-address="${address}"]`);

beforeAll(async () => {
  if (!existsSync(join(distPreview, "preview.html"))) {
    throw new Error("dist-preview/preview.html is missing: run npm run build:preview first");
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await serveDirectory(distPreview);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  offHost = await guardOffHost(context);
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  await page.goto(`${server.origin}/preview.html`);
  await page.getByRole("searchbox", { name: "Search facts and reference tables" }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Selects the first fact a search shows (Space, as a keyboard user does). */
async function selectFirst(text: string, shows: string): Promise<void> {
  await pane().getByRole("searchbox").fill(text);
  const facts = pane().getByRole("listbox", { name: "Facts" });
  await facts.getByRole("option").first().getByText(shows).waitFor();
  await facts.getByRole("option").first().focus();
  await page.keyboard.press("Space");
}

test("three facts as citation cards: icons in the grid, the card beside it with source and evidence", async () => {
  await cell("B2").click();
  await selectFirst("NdPr oxide production IREL", "400 t/yr");
  await selectFirst("processing share", "over 90%");
  await selectFirst("Magnet output supported by domestic", "1,200 t/yr");
  await pane()
    .getByRole("tab", { name: /^Insert/ })
    .click();
  const choice = pane().getByRole("radiogroup", { name: "Cells hold" });
  await choice.getByRole("radio", { name: /^Citation cards/ }).check();
  await pane().getByRole("button", { name: "Insert 3 facts" }).click();
  await pane().getByText("Inserted", { exact: true }).waitFor();
  expect(await pane().locator('[data-outcome="success"]').textContent()).toContain(
    "The 3 figures are citation cards",
  );

  // The Value column is the table's third (D, from B): each figure is a card with its icon.
  const cards = grid().locator("td [data-card]");
  await cards.nth(2).waitFor();
  expect(await cards.count()).toBe(3);
  expect((await cards.allTextContents()).sort()).toEqual(["1,200 t/yr", "400 t/yr", "over 90%"]);
  const oxide = grid().locator("td", { has: page.locator("[data-card]", { hasText: "400 t/yr" }) });
  expect(await oxide.getAttribute("data-address")).toMatch(/^D[345]$/);

  await oxide.click();
  const card = page.getByTestId("card-panel");
  await card.waitFor();
  expect(await card.getByRole("heading", { level: 3 }).textContent()).toBe(
    "Domestic NdPr oxide production (IREL)",
  );
  const field = (name: string) => card.locator(`dt:text-is("${name}") + dd`);
  // repm_scheme.json: the evidence verbatim; sources.json: no publisher, title, date or URL.
  expect(await field("Evidence").textContent()).toBe(
    "the country produces just 400 MT/year of neodymium-praseodymium (NdPr) oxide through IREL",
  );
  expect(await field("Source").textContent()).toBe(
    "Publisher unknown, 'REPM incentive scheme and overseas mineral assets (untitled)', undated",
  );
  expect(await field("Value").textContent()).toBe("400 (t/yr, NdPr oxide)");
  await card.getByText("Derived figures").waitFor();
  // The formula bar shows the card's text, as Excel's does for an entity.
  expect(await page.getByTestId("formula-bar").inputValue()).toBe("400 t/yr");

  await page.screenshot({ path: join(SCREENSHOTS, "preview-card.png") });
  readmeShot("preview-card.png");

  // China's share: the other source's claim is on its card, marked as a disagreement.
  await grid()
    .locator("td", { has: page.locator("[data-card]", { hasText: "over 90%" }) })
    .click();
  await card.getByText("Other sources (they disagree)").waitFor();
  expect(await field("Discovery Alert").textContent()).toBe(
    "≈ 85%; Global Supply Chain Vulnerabilities, para 2 (china.processing_share.discovery_alert)",
  );
});

test(
  "passes an axe scan with a card open",
  async () => {
    await page.getByTestId("card-panel").waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    expect(serious).toEqual([]);
  },
  AXE_TIMEOUT_MS,
);

test("sent no request anywhere but 127.0.0.1 and logged no errors", () => {
  expect(offHost).toEqual([]);
  expect(pageErrors).toEqual([]);
});
