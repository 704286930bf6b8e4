/**
 * The shipped task pane (dist/taskpane.html, as Excel loads it) in headless Chromium, with Office.js
 * answered by a local stub instead of Microsoft's CDN: the first screen stays within its script
 * budget and loads nothing it does not show, the lazy parts load from dist/chunks, Office's theme is
 * followed, host failures reach the error bar, and axe finds nothing serious.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import {
  guardOffHost,
  OFFICE_JS,
  officeStub,
  recordErrors,
  seriousViolations,
  serveBuild,
  type ServedBuild,
} from "./harness";
import { getCatalog } from "../../src/taskpane/browse/entries";
import { ROWS_PER_PAGE } from "../../src/taskpane/browse/ResultList";

jest.setTimeout(60_000);

const dist = resolve(__dirname, "../../dist");
/** Scripts before the first render, gzip: the performance brief allows 150-200 KB. */
const FIRST_SCREEN_BUDGET = 200 * 1024;

let served: ServedBuild;

async function openPane(background: string) {
  const context = await served.browser.newContext({ viewport: { width: 360, height: 800 } });
  const offHost = await guardOffHost(context, { [OFFICE_JS]: officeStub(background) });
  // The pane's background as its first render left it, before any later change of theme.
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const themed = document.querySelector("[data-theme]");
      if (!themed) return;
      observer.disconnect();
      Object.assign(window, { firstBackground: getComputedStyle(themed).backgroundColor });
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const errors = recordErrors(page);
  /** Paths of our own scripts as the page requests them (Office.js is Microsoft's). */
  const scripts: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (request.resourceType() === "script" && url.origin === served.origin) {
      scripts.push(url.pathname);
    }
  });
  await page.goto(`${served.origin}/taskpane.html`);
  await page.getByRole("searchbox", { name: "Search facts and reference tables" }).waitFor();
  const firstScreen = [...scripts];
  return { context, page, errors, offHost, scripts, firstScreen };
}

const gzipSize = (path: string) => gzipSync(readFileSync(join(dist, path)), { level: 9 }).length;

beforeAll(async () => {
  served = await serveBuild(dist, "taskpane.html", "npm run build");
});

afterAll(() => served?.close());

describe("Excel task pane bundle (dist/)", () => {
  let pane: Awaited<ReturnType<typeof openPane>>;

  beforeAll(async () => {
    pane = await openPane("#ffffff");
  });

  afterAll(() => pane.context.close());

  it("shows the search first, within the script budget, loading no lazy part", () => {
    expect(pane.firstScreen).toEqual(expect.arrayContaining(["/taskpane.js"]));
    expect(pane.firstScreen.filter((path) => path.startsWith("/chunks/"))).toEqual([]);
    const total = pane.firstScreen.reduce((sum, path) => sum + gzipSize(path), 0);
    expect(total).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET);
  });

  it("parses each part of the data set once: functions.js what the functions read, taskpane.js the rest", () => {
    const holders = (text: string) =>
      pane.firstScreen.filter((path) =>
        readFileSync(join(dist, path), "utf8").includes(JSON.stringify(text)),
      );
    // Texts written the same in JSON and in the bundles' string literals.
    const plain = (text: string) => !/['"\\]/.test(text);
    const catalog = getCatalog();
    const factTexts = new Set(catalog.facts.flatMap(({ fact }) => [fact.label, fact.evidence]));
    const label = catalog.facts.map(({ fact }) => fact.label).find(plain);
    const rowEvidence = catalog.tables
      .flatMap((table) => table.rows.map((row) => row.evidence))
      .find((text) => plain(text) && !factTexts.has(text));
    expect(holders(label!)).toEqual(["/functions.js"]);
    expect(holders(rowEvidence!)).toEqual(["/taskpane.js"]);
  });

  it("loads the detail view and the insert panel from dist/chunks on first use", async () => {
    const { page } = pane;
    await page.getByRole("listbox", { name: "Facts" }).getByRole("option").first().press("Enter");
    await page.getByRole("article").getByRole("textbox", { name: "Formula" }).waitFor();
    await page.getByRole("button", { name: "Back to results" }).click();
    await page.getByRole("tab", { name: "Insert" }).click();
    await page.getByRole("button", { name: "Insert model sheet" }).waitFor();
    expect(pane.scripts.some((path) => /^\/chunks\/detail\./.test(path))).toBe(true);
    expect(pane.scripts.some((path) => /^\/chunks\/insert\./.test(path))).toBe(true);
  });

  it('answers =REE.FACT(id, "card") with the card, its code loaded from dist/chunks on the first card', async () => {
    const { page } = pane;
    expect(pane.scripts.filter((path) => path.startsWith("/chunks/card."))).toEqual([]);
    // As Excel calls it, omitted arguments as null; the stub says CustomFunctionsRuntime 1.4 is there.
    const card = await page.evaluate(() => {
      const { FACT } = (window as unknown as { reeFunctions: Record<string, Function> })
        .reeFunctions;
      return FACT("india.ndpr_oxide.production_t", "card", null);
    });
    expect(card).toMatchObject({
      type: "Entity",
      // IREL's NdPr oxide output, 400 t/yr (repm_scheme).
      properties: { Value: { type: "FormattedNumber", basicValue: 400 } },
    });
    expect(pane.scripts.filter((path) => path.startsWith("/chunks/card."))).toHaveLength(1);
  });

  it("shows a host failure in an error bar with what to do", async () => {
    const { page } = pane;
    // The stub has no Excel.run: the insert fails the way a broken host would, and the bar says
    // what happened (the port's words) and what to do.
    await page.getByRole("button", { name: "Insert model sheet" }).click();
    const bar = page.getByRole("group").filter({ hasText: "Try again" });
    await bar.waitFor();
    expect(await bar.textContent()).toMatch(/Excel is not defined/);
  });

  it("passes an axe scan at task-pane width", async () => {
    expect(await seriousViolations(pane.page)).toEqual([]);
  });

  it("stayed on 127.0.0.1 and logged no errors", () => {
    expect(pane.offHost).toEqual([]);
    expect(pane.errors).toEqual([]);
  });
});

it("follows a dark Office theme", async () => {
  const dark = await openPane("#262626");
  const themed: Page = dark.page;
  expect(await themed.locator("[data-theme]").first().getAttribute("data-theme")).toBe("dark");
  // Dark from the first frame: the dark theme's chunk loads before the pane renders.
  expect(dark.firstScreen.filter((path) => path.startsWith("/chunks/dark-theme."))).toHaveLength(1);
  expect(
    await themed.evaluate(() => (window as { firstBackground?: string }).firstBackground),
  ).toBe("rgb(41, 41, 41)");
  // The filters are native selects: their open lists are drawn dark too.
  const schemes = await themed
    .getByRole("combobox")
    .evaluateAll((selects) => selects.map((select) => getComputedStyle(select).colorScheme));
  expect(schemes).toEqual(["dark", "dark"]);
  await dark.context.close();
  expect(dark.offHost).toEqual([]);
  expect(dark.errors).toEqual([]);
});

describe("the long lists", () => {
  it("build a first page of rows, add more on scrolling or keys, and announce the full count", async () => {
    const pane = await openPane("#ffffff");
    const { page } = pane;
    const facts = page.getByRole("listbox", { name: "Facts" });
    const options = facts.getByRole("option");
    await options.first().waitFor();
    const total = Number(await options.first().getAttribute("aria-setsize"));
    expect(total).toBeGreaterThan(ROWS_PER_PAGE);
    expect(await options.count()).toBe(ROWS_PER_PAGE);

    // Scrolling to the end of what is built brings the next page.
    await options.nth(ROWS_PER_PAGE - 1).scrollIntoViewIfNeeded();
    await options.nth(ROWS_PER_PAGE).waitFor();

    // End reaches the last fact even when it is not built yet, and focuses it.
    await options.first().focus();
    await page.keyboard.press("End");
    await page.waitForFunction(
      (position) => document.activeElement?.getAttribute("aria-posinset") === position,
      String(total),
    );

    await pane.context.close();
    expect(pane.errors).toEqual([]);
  });
});

describe("at 320 px, the narrowest task pane", () => {
  /** An axe scan per view, on a busy two-core machine. */
  const NARROW_TIMEOUT_MS = 180_000;
  const NARROW_WIDTH_PX = 320;

  /** Elements reaching past the right edge, for a readable failure; [] when nothing overflows. */
  async function overflowing(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const root = document.documentElement;
      if (root.scrollWidth <= root.clientWidth) return [];
      const past = [...document.body.querySelectorAll("*")].filter(
        (element) => element.getBoundingClientRect().right > root.clientWidth + 0.5,
      );
      // The outermost of each overflowing branch, where the cause usually is.
      const outermost = past.filter((element) => !past.includes(element.parentElement as Element));
      const names = outermost.slice(0, 10).map((element) => {
        const id = element.id ? `#${element.id}` : "";
        const text = (element.textContent ?? "").trim().slice(0, 40);
        return `${element.tagName.toLowerCase()}${id} "${text}"`;
      });
      return [`scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`, ...names];
    });
  }

  it.each([
    ["light", "#ffffff"],
    ["dark", "#262626"],
  ])(
    "in the %s theme, fits Browse, a fact's detail, Insert and Share without scrolling sideways",
    async (_theme, background) => {
      const pane = await openPane(background);
      const { page } = pane;
      await page.setViewportSize({ width: NARROW_WIDTH_PX, height: 800 });
      const found: string[] = [];
      const check = async (view: string) => {
        found.push(...(await overflowing(page)).map((line) => `${view}: ${line}`));
        found.push(...(await seriousViolations(page)).map((line) => `${view}: ${line}`));
      };

      await page.getByRole("listbox", { name: "Facts" }).getByRole("option").first().waitFor();
      await check("Browse");

      // A disputed figure: the longest detail, with the other sources' claims as buttons.
      await page
        .getByRole("searchbox", { name: "Search facts and reference tables" })
        .fill("China share processing");
      const facts = page.getByRole("listbox", { name: "Facts" });
      const disputed = facts.getByRole("option").filter({ hasText: "Sources disagree" }).first();
      await disputed.press("Enter");
      await page.getByRole("article").getByText("Other sources say otherwise").waitFor();
      await check("Detail");
      await page.getByRole("button", { name: "Back to results" }).click();

      await page.getByRole("tab", { name: "Insert" }).click();
      await page.getByRole("button", { name: "Insert model sheet" }).waitFor();
      await check("Insert");

      await page.getByRole("tab", { name: "Share" }).click();
      await page.getByRole("heading", { name: "Standalone workbook" }).waitFor();
      await check("Share");

      await pane.context.close();
      expect(found).toEqual([]);
      expect(pane.offHost).toEqual([]);
      expect(pane.errors).toEqual([]);
    },
    NARROW_TIMEOUT_MS,
  );
});
