/**
 * The development server (scripts/serve.mjs) over the built dist/ and dist-preview/, in Chromium:
 * the start page, the preview and the task pane opened in a browser (what Excel-on-the-web users do
 * to accept the certificate) load without a failed request and say what to do next. Needs
 * `npm run build` and `npm run build:preview`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath, routeOfficeCdn } from "./harness";

const root = join(__dirname, "..", "..");

let server: ChildProcess;
let home: string;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  for (const built of ["dist/taskpane.html", "dist-preview/preview.html"]) {
    if (!existsSync(join(root, built))) {
      throw new Error(`${built} is missing: run npm run build and npm run build:preview first.`);
    }
  }
  // 127.0.0.1: the browser tests' host rules resolve no other name.
  // A temporary home: the certificate tool works on its own copy, not the developer's certificates.
  home = mkdtempSync(join(tmpdir(), "ree-home-"));
  server = spawn(process.execPath, [join(root, "scripts", "serve.mjs")], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", HOME: home, USERPROFILE: home },
  });
  origin = await new Promise<string>((resolve, reject) => {
    let stdout = "";
    server.stdout?.on("data", (chunk) => {
      stdout += chunk;
      const port = /Press Ctrl\+C/.test(stdout) && stdout.match(/https:\/\/localhost:(\d+)\//);
      if (port) resolve(`https://127.0.0.1:${port[1]}`);
    });
    server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
  rmSync(home, { recursive: true, force: true });
});

/** A page in a context that accepts the development certificate and records failed requests. */
async function open(path: string) {
  const context: BrowserContext = await browser.newContext({ ignoreHTTPSErrors: true });
  await routeOfficeCdn(context);
  const failed: string[] = [];
  const page = await context.newPage();
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  page.on("requestfailed", (request) => failed.push(`failed ${request.url()}`));
  await page.goto(`${origin}${path}`, { waitUntil: "load" });
  return { page, failed, close: () => context.close() };
}

it("the start page links the pane, the preview, the help and the manifest, and every link works", async () => {
  const { page, failed, close } = await open("/");
  const links = await page
    .locator("a")
    .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  expect(links.map((href) => new URL(href).pathname)).toEqual([
    "/preview/preview.html",
    "/taskpane.html",
    "/help/index.html",
    "/manifest.xml",
  ]);
  for (const href of links) {
    expect([href, (await page.request.get(href)).status()]).toEqual([href, 200]);
  }
  expect(failed).toEqual([]);
  await close();
}, 30_000);

it("the preview loads with no failed request, and the favicon a browser window asks for exists", async () => {
  const { page, failed, close } = await open("/preview/preview.html");
  await page.getByRole("searchbox").first().waitFor({ timeout: 20_000 });
  expect(failed).toEqual([]);
  // Headless Chromium asks for no favicon; a browser window asks every page for /favicon.ico.
  const favicon = await page.request.get(`${origin}/favicon.ico`);
  expect([favicon.status(), favicon.headers()["content-type"]]).toEqual([200, "image/png"]);
  await close();
}, 30_000);

it("the task pane opened in a browser says the certificate is trusted and how to open the add-in", async () => {
  const { page, failed, close } = await open("/taskpane.html");
  const message = page.locator("#startup-not-in-excel");
  await message.waitFor({ timeout: 5000 });
  const text = await message.textContent();
  expect(text).toContain("this browser now trusts");
  expect(text).toContain("Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in");
  await message.getByRole("link", { name: "browser preview" }).click();
  await page.waitForURL(/\/preview\/preview\.html$/);
  expect(failed).toEqual([]);
  await close();
}, 30_000);
