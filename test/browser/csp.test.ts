/**
 * The built task pane (dist/taskpane.html, with its production Content-Security-Policy) with the real
 * Office.js: Microsoft's CDN (https://appsforoffice.microsoft.com/lib/1/hosted/) answered from the
 * @microsoft/office-js package, opened as Excel on the web and Excel on Windows open it (Office.js
 * reads the host from the `_host_Info` URL parameter), and in a plain browser. Fails on any CSP
 * violation, collected from the first script on. No Excel answers here, so Office never reports
 * Excel: the pane must then say how to open it, within 5 seconds. Needs `npm run build`.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { OFFICE_JS, officeStub, routeOfficeCdn, serveBuild, type ServedBuild } from "./harness";

const root = join(__dirname, "..", "..");

/** Office.js's host descriptor: host$platform$version$locale$correlation$dialog$logging$flags. */
const HOSTS = {
  "Excel on the web": "Excel$Web$16.00$en-US$$$$0",
  "Excel on Windows": "Excel$Win32$16.01$en-US$$$$0",
};

let served: ServedBuild;

beforeAll(async () => {
  served = await serveBuild(join(root, "dist"), "taskpane.html", "npm run build");
}, 30_000);

afterAll(() => served?.close());

interface Opened {
  page: Page;
  violations: () => Promise<string[]>;
  offHost: string[];
  fromCdn: string[];
}

async function openPane(query: string): Promise<Opened> {
  const context = await served.browser.newContext();
  const offHost: string[] = [];
  // Registered first, so it runs last: everything the CDN route below does not answer.
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.protocol === "data:" || url.protocol === "blob:") {
      return route.continue();
    }
    offHost.push(url.href);
    return route.abort("blockedbyclient");
  });
  const fromCdn = await routeOfficeCdn(context);
  // Before any of the page's scripts: every violation, from the meta CSP's first effect on.
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`),
    );
  });
  const page = await context.newPage();
  const consoleViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
  });
  await page.goto(`${served.origin}/taskpane.html${query}`);
  return {
    page,
    offHost,
    fromCdn,
    violations: async () => [
      ...(await page.evaluate(
        () => (window as unknown as { cspViolations: string[] }).cspViolations,
      )),
      ...consoleViolations,
    ],
  };
}

describe.each(Object.entries(HOSTS))("the pane opened as %s would", (_name, hostInfo) => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await openPane(`?_host_Info=${encodeURIComponent(hostInfo)}`);
  }, 30_000);
  afterAll(() => opened?.page.context().close());

  it("loads Office.js and its host script with no CSP violation", async () => {
    // Within 5 s the pane says how to open it: no Excel answers here.
    await opened.page.locator("#startup-not-in-excel").waitFor({ timeout: 5000 });
    expect(opened.fromCdn).toContain("office.js");
    // Office.js loaded the host-specific script it chose from _host_Info, and its strings.
    expect(opened.fromCdn).toContainEqual(expect.stringMatching(/^excel-(web|win32)-16\.0\d\.js$/));
    expect(opened.fromCdn).toContain("en-us/office_strings.js");
    expect(await opened.violations()).toEqual([]);
    expect(opened.offHost).toEqual([]);
  }, 15_000);
});

it("the collector sees a violation when there is one", async () => {
  const opened = await openPane("");
  await opened.page.evaluate(() => {
    const image = document.createElement("img");
    image.src = "https://example.com/pixel.png";
    document.body.appendChild(image);
  });
  await opened.page.waitForFunction(
    () => (window as unknown as { cspViolations: string[] }).cspViolations.length > 0,
  );
  expect(await opened.violations()).toContainEqual(
    expect.stringMatching(/^img-src blocked https:\/\/example\.com/),
  );
  await opened.page.context().close();
});

describe("the pane opened in a plain browser", () => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await openPane("");
  }, 30_000);
  afterAll(() => opened?.page.context().close());

  it("says it runs in Excel and how to open it, with no CSP violation", async () => {
    const message = opened.page.locator("#startup-not-in-excel");
    await message.waitFor({ timeout: 5000 });
    await expect(message.textContent()).resolves.toMatch(
      /runs inside Excel.*Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in/s,
    );
    expect(await opened.violations()).toEqual([]);
    expect(opened.offHost).toEqual([]);
  });
});

it("when Excel answers late, the message shown meanwhile gives way to the pane", async () => {
  const context = await served.browser.newContext();
  // Excel reports itself 4.5 s after load: past startup.js's 4 s wait.
  const lateExcel = officeStub("#ffffff").replace(
    "setTimeout(() => callback && callback(info))",
    "setTimeout(() => callback && callback(info), 4500)",
  );
  expect(lateExcel).not.toBe(officeStub("#ffffff"));
  await context.route(OFFICE_JS, (route) =>
    route.fulfill({ contentType: "text/javascript", body: lateExcel }),
  );
  const page = await context.newPage();
  await page.goto(`${served.origin}/taskpane.html`);
  await page.locator("#startup-not-in-excel").waitFor({ timeout: 5000 });
  await page.getByRole("searchbox").first().waitFor({ timeout: 20_000 });
  expect(await page.locator("#startup-not-in-excel").count()).toBe(0);
  await context.close();
}, 30_000);
