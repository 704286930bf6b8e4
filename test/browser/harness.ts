/**
 * What the browser tests need: Debian's Chromium (never a downloaded browser) with the flags that
 * keep it offline, a static server for a build on 127.0.0.1, a guard that records and blocks any
 * request to another host, and the steps every preview test takes (open it, insert from the
 * pane, wait for the grid, scan with axe).
 */
import AxeBuilder from "@axe-core/playwright";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, extname, join, normalize, resolve, sep } from "node:path";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from "playwright-core";
import { findProgram, type Program } from "../support/program";

const root = resolve(__dirname, "../..");
/** The built preview. */
const DIST_PREVIEW = join(root, "dist-preview");
/** Screenshots of every run. */
export const SCREENSHOTS = join(root, "test-results", "screenshots");
/** The README's pictures. */
const README_SHOTS = join(root, "docs", "screenshots");

/**
 * Saves a screenshot of `target` with this run's screenshots. `readme` copies it to the README's
 * pictures too, when missing there or when UPDATE_SCREENSHOTS=1, so an ordinary test run leaves
 * the committed images alone.
 */
export async function screenshot(
  target: Page | Locator,
  name: string,
  { readme = false } = {},
): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, name);
  await target.screenshot({ path });
  const copy = join(README_SHOTS, name);
  if (readme && (process.env.UPDATE_SCREENSHOTS === "1" || !existsSync(copy))) {
    mkdirSync(README_SHOTS, { recursive: true });
    copyFileSync(path, copy);
  }
}

/** An axe scan of the whole preview takes most of a minute on a busy two-core machine. */
export const AXE_TIMEOUT_MS = 180_000;

/** Chromium-family browsers where their installers put them; CHROMIUM_PATH overrides. */
const CHROMIUM: Program = {
  name: "Chromium",
  envVariable: "CHROMIUM_PATH",
  envNames: "Chromium, Chrome or Edge",
  debianPackage: "chromium",
  candidates: [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
  ],
};

export function chromiumPath(): string {
  return findProgram(CHROMIUM);
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a free port. */
export async function serveDirectory(dir: string): Promise<StaticServer> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    response.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

type StubbedScripts = Record<string, string>;

/** Records every request from the context to a host other than 127.0.0.1, except `stubs`' URLs. */
function recordOffHost(context: BrowserContext, stubs: StubbedScripts) {
  const offHost: string[] = [];
  const isLocal = (url: URL) =>
    url.protocol === "data:" ||
    url.protocol === "blob:" ||
    url.hostname === "127.0.0.1" ||
    url.href in stubs;
  const record = (href: string) => {
    if (!isLocal(new URL(href)) && !offHost.includes(href)) offHost.push(href);
  };
  // What routing cannot stop is recorded too: service-worker requests and web sockets.
  context.on("request", (request) => record(request.url()));
  context.on("page", (page) => page.on("websocket", (socket) => record(socket.url())));
  return { offHost, isLocal, record };
}

/**
 * Aborts, and records, every request from the context to a host other than 127.0.0.1 (data: and
 * blob: URLs stay in the page). `stubs` answers given URLs with local JavaScript instead (Office.js
 * from Microsoft's CDN), so they never leave the machine either. The test asserts the record is empty.
 */
export async function guardOffHost(
  context: BrowserContext,
  stubs: StubbedScripts = {},
): Promise<string[]> {
  const { offHost, isLocal, record } = recordOffHost(context, stubs);
  await context.route("**/*", (route) => {
    const href = route.request().url();
    if (href in stubs) {
      return route.fulfill({ contentType: "text/javascript", body: stubs[href] });
    }
    if (isLocal(new URL(href))) return route.continue();
    record(href);
    return route.abort("blockedbyclient");
  });
  return offHost;
}

/**
 * guardOffHost for timing a page: only the stubbed URLs are intercepted. Playwright's routing
 * intercepts every request, a round trip through this process per script that no real host makes;
 * Chromium's host rules (CHROMIUM_ARGS) already leave other hosts unreachable, and they are recorded.
 */
export async function stubForTiming(
  context: BrowserContext,
  page: Page,
  stubs: StubbedScripts,
): Promise<string[]> {
  const { offHost } = recordOffHost(context, stubs);
  const session = await context.newCDPSession(page);
  session.on("Fetch.requestPaused", ({ requestId, request }) => {
    void session.send("Fetch.fulfillRequest", {
      requestId,
      responseCode: 200,
      responseHeaders: [{ name: "content-type", value: "text/javascript" }],
      body: Buffer.from(stubs[request.url] ?? "").toString("base64"),
    });
  });
  await session.send("Fetch.enable", {
    patterns: Object.keys(stubs).map((urlPattern) => ({ urlPattern })),
  });
  return offHost;
}

/** A build's folder served on 127.0.0.1 and a headless Chromium to open it in. */
export interface ServedBuild {
  origin: string;
  browser: Browser;
  /** Closes the browser, then the server. */
  close(): Promise<void>;
}

/**
 * Serves a build's folder and launches Chromium. Fails first, naming the command to run, when the
 * build has not written `entry`: the tests drive what the build ships.
 */
export async function serveBuild(dir: string, entry: string, build: string): Promise<ServedBuild> {
  if (!existsSync(join(dir, entry))) {
    throw new Error(`${basename(dir)}/${entry} is missing: run ${build} first`);
  }
  const server = await serveDirectory(dir);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    origin: server.origin,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Records the page's uncaught errors and console errors in `errors`, and returns it. */
export function recordErrors(page: Page, errors: string[] = []): string[] {
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

export interface PreviewPage {
  context: BrowserContext;
  page: Page;
  /** Requests to hosts other than 127.0.0.1, blocked (guardOffHost); the tests expect none. */
  offHost: string[];
  /** The page's uncaught errors and console errors; the tests expect none. */
  pageErrors: string[];
}

export interface PreviewOptions {
  /** After preview.html, e.g. "?workbook=saved.json". */
  query?: string;
  colorScheme?: "light" | "dark";
  /** More answers from the page's origin; registered after the guard, so they answer first. */
  route?: (context: BrowserContext, origin: string) => Promise<unknown>;
  /** Where to record the page's errors, when several pages share one record. */
  pageErrors?: string[];
}

/**
 * Opens the built preview at desktop size in a context of its own that blocks and records
 * requests off 127.0.0.1 and records the page's errors; resolves once the pane's search shows.
 */
export async function openPreviewPage(
  served: ServedBuild,
  options: PreviewOptions = {},
): Promise<PreviewPage> {
  const context = await served.browser.newContext({
    viewport: { width: 1440, height: 900 },
    ...(options.colorScheme && { colorScheme: options.colorScheme }),
  });
  const offHost = await guardOffHost(context);
  await options.route?.(context, served.origin);
  const page = await context.newPage();
  const pageErrors = recordErrors(page, options.pageErrors);
  await page.goto(`${served.origin}/preview.html${options.query ?? ""}`);
  await page.getByRole("searchbox", { name: "Search facts and reference tables" }).waitFor();
  return { context, page, offHost, pageErrors };
}

/**
 * The preview a test file shares: served, Chromium, one page open on it, and the locators every
 * such file reads it by.
 */
export interface PreviewFixture extends ServedBuild, PreviewPage {
  /** The task pane. */
  pane(): Locator;
  /** A cell of the grid's active sheet, by address ("B2"). */
  cell(address: string): Locator;
  /** The grid's tab of the sheet named `name`. */
  sheetTab(name: string): Locator;
  /**
   * Presses an Insert tab's button, with "Cells hold" chosen first when given, and waits for the
   * pane to say it inserted.
   */
  insert(button: string, cellsHold?: RegExp): Promise<void>;
  /** axe's serious and critical findings on the page (seriousViolations). */
  seriousViolations(): Promise<string[]>;
}

/**
 * The preview for a test file's tests: started (then made `ready`) before them, closed after them.
 * The session's fields are there from the file's first test on.
 */
export function usePreview(
  options: PreviewOptions & { ready?: (preview: PreviewFixture) => Promise<unknown> } = {},
): PreviewFixture {
  const fixture = {
    pane: () => fixture.page.getByTestId("task-pane"),
    cell: (address: string) =>
      fixture.page.locator(`table[role="grid"] td[data-address="${address}"]`),
    sheetTab: (name: string) => fixture.page.locator(`[role="tab"][data-sheet="${name}"]`),
    insert: async (button: string, cellsHold?: RegExp) => {
      const pane = fixture.pane();
      await pane.getByRole("tab", { name: /^Insert/ }).click();
      if (cellsHold) {
        await pane
          .getByRole("radiogroup", { name: "Cells hold" })
          .getByRole("radio", { name: cellsHold })
          .check();
      }
      await pane.getByRole("button", { name: button }).click();
      await pane.getByText("Inserted", { exact: true }).waitFor();
    },
    seriousViolations: () => seriousViolations(fixture.page),
  } as PreviewFixture;
  beforeAll(async () => {
    const served = await serveBuild(DIST_PREVIEW, "preview.html", "npm run build:preview");
    // From here on afterAll closes the browser and the server, whatever fails next.
    Object.assign(fixture, served);
    Object.assign(fixture, await openPreviewPage(served, options));
    await options.ready?.(fixture);
  });
  afterAll(() => fixture.close?.());
  return fixture;
}

/** Polls until `read` gives `expected` (React renders a frame after the event), then asserts it. */
export async function until<T>(
  read: () => Promise<T>,
  expected: T,
  timeoutMs = 10_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  let actual = await read();
  while (actual !== expected && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    actual = await read();
  }
  expect(actual).toBe(expected);
}

/** axe's serious and critical findings on the page, one readable line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Where the task pane loads Office.js from; tests and benchmarks answer it with officeStub. */
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Just enough Office for the pane to start: onReady, requirement sets, the theme. */
export function officeStub(bodyBackgroundColor: string): string {
  return `
    window.Office = {
      onReady(callback) {
        const info = { host: "Excel", platform: "PC" };
        setTimeout(() => callback && callback(info));
        return Promise.resolve(info);
      },
      context: {
        requirements: { isSetSupported: () => true },
        officeTheme: { bodyBackgroundColor: "${bodyBackgroundColor}" },
      },
    };
    window.CustomFunctions = {
      // What functions.js registers, so a test can call a function as Excel would.
      associate(name, fn) { (window.reeFunctions = window.reeFunctions || {})[name] = fn; },
      Error: class { constructor(code, message) { this.code = code; this.message = message; } },
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
    };`;
}

/** Where Office.js loads itself and its host scripts from; routeOfficeCdn answers it locally. */
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_JS_DIST = resolve(
  __dirname,
  "..",
  "..",
  "node_modules",
  "@microsoft",
  "office-js",
  "dist",
);

/**
 * Answers Microsoft's Office.js CDN from the @microsoft/office-js package (the CDN's files), so the
 * real Office.js runs offline. Returns the files served, relative to the CDN folder.
 */
export async function routeOfficeCdn(context: BrowserContext): Promise<string[]> {
  const served: string[] = [];
  await context.route(`${OFFICE_CDN}**`, (route) => {
    const name = decodeURIComponent(route.request().url().slice(OFFICE_CDN.length).split("?")[0]);
    const file = resolve(OFFICE_JS_DIST, name);
    if (!file.startsWith(OFFICE_JS_DIST + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return route.fulfill({ status: 404, body: "" });
    }
    served.push(name);
    return route.fulfill({ contentType: "text/javascript", body: readFileSync(file) });
  });
  return served;
}
