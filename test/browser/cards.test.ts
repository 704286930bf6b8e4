/**
 * Citation cards end to end in headless Chromium against the built preview (dist-preview/): three
 * facts inserted as cards show the card icon and their text in the grid, and selecting one opens
 * its card beside the grid with the source and the verbatim evidence. Axe-clean with the card
 * open; no request leaves 127.0.0.1. Takes the README's picture of a card.
 */
import { AXE_TIMEOUT_MS, screenshot, usePreview } from "./harness";

jest.setTimeout(60_000);

const preview = usePreview();
const { pane, cell } = preview;
const grid = () => preview.page.locator('table[role="grid"]');

/** Selects the first fact a search shows (Space, as a keyboard user does). */
async function selectFirst(text: string, shows: string): Promise<void> {
  await pane().getByRole("searchbox").fill(text);
  const facts = pane().getByRole("listbox", { name: "Facts" });
  await facts.getByRole("option").first().getByText(shows).waitFor();
  await facts.getByRole("option").first().focus();
  await preview.page.keyboard.press("Space");
}

test("three facts as citation cards: icons in the grid, the card beside it with source and evidence", async () => {
  await cell("B2").click();
  await selectFirst("NdPr oxide production IREL", "400 t/yr");
  await selectFirst("processing share", "over 90%");
  await selectFirst("Magnet output supported by domestic", "1,200 t/yr");
  await preview.insert("Insert 3 facts", /^Citation cards/);
  expect(await pane().locator('[data-outcome="success"]').textContent()).toContain(
    "The 3 figures are citation cards",
  );

  // The Value column is the table's third (D, from B): each figure is a card with its icon.
  const cards = grid().locator("td [data-card]");
  await cards.nth(2).waitFor();
  expect(await cards.count()).toBe(3);
  expect((await cards.allTextContents()).sort()).toEqual(["1,200 t/yr", "400 t/yr", "over 90%"]);
  const oxide = grid().locator("td", {
    has: preview.page.locator("[data-card]", { hasText: "400 t/yr" }),
  });
  expect(await oxide.getAttribute("data-address")).toMatch(/^D[345]$/);

  await oxide.click();
  const card = preview.page.getByTestId("card-panel");
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
  expect(await preview.page.getByTestId("formula-bar").inputValue()).toBe("400 t/yr");

  await screenshot(preview.page, "preview-card.png", { readme: true });

  // China's share: the other source's claim is on its card, marked as a disagreement.
  await grid()
    .locator("td", { has: preview.page.locator("[data-card]", { hasText: "over 90%" }) })
    .click();
  await card.getByText("Other sources (they disagree)").waitFor();
  expect(await field("Discovery Alert").textContent()).toBe(
    "≈ 85%; Global Supply Chain Vulnerabilities, para 2 (china.processing_share.discovery_alert)",
  );
});

test(
  "passes an axe scan with a card open",
  async () => {
    await preview.page.getByTestId("card-panel").waitFor();
    expect(await preview.seriousViolations()).toEqual([]);
  },
  AXE_TIMEOUT_MS,
);

test("sent no request anywhere but 127.0.0.1 and logged no errors", () => {
  expect(preview.offHost).toEqual([]);
  expect(preview.pageErrors).toEqual([]);
});
