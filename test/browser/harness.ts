/**
 * What the browser tests need: Debian's Chromium (never a downloaded browser) with the flags that
 * keep it offline, a static server for a build on 127.0.0.1, and a guard that records and blocks
 * any request to another host.
 */
import AxeBuilder from "@axe-core/playwright";
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, extname, join, normalize, resolve, sep } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { findProgram, type Program } from "../support/program";

const root = resolve(__dirname, "../..");
/** Screenshots of every run. */
export const SCREENSHOTS = join(root, "test-results", "screenshots");
/**
 * The README's pictures. Copied when missing or when UPDATE_SCREENSHOTS=1, so an ordinary test
 * run leaves the committed images alone.
 */
const README_SHOTS = join(root, "docs", "screenshots");

/** Makes the folders screenshots go to. */
export function prepareScreenshots(): void {
  mkdirSync(SCREENSHOTS, { recursive: true });
  mkdirSync(README_SHOTS, { recursive: true });
}

/** Copies a screenshot of this run to the README's pictures (see README_SHOTS). */
export function readmeShot(name: string): void {
  const target = join(README_SHOTS, name);
  if (process.env.UPDATE_SCREENSHOTS === "1" || !existsSync(target)) {
    copyFileSync(join(SCREENSHOTS, name), target);
  }
}

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
      associate() {},
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
