/**
 * The task pane's first script (src/taskpane/startup.js) in jsdom: which message it shows, and when.
 * (The browser tests check it with the built page and the real Office.js.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const script = readFileSync(join(__dirname, "..", "..", "src", "taskpane", "startup.js"), "utf8");
type OfficeLike = { onReady(callback: (info: { host: string | null }) => void): void };
const page = window as unknown as { Office?: OfficeLike; eval(code: string): void };

function runStartup(office?: OfficeLike) {
  document.body.innerHTML = '<div id="root"></div>';
  if (office) page.Office = office;
  else delete page.Office;
  page.eval(script); // the document has loaded: it runs at once
}

const text = (id: string) => document.getElementById(id)?.textContent ?? null;

beforeEach(() => jest.useFakeTimers());
afterEach(() => {
  jest.useRealTimers();
  delete page.Office;
});

it("in an engine older than the pane (no String.prototype.replaceAll, like IE11) says so and links WebView2", () => {
  const replaceAll = Object.getOwnPropertyDescriptor(String.prototype, "replaceAll")!;
  delete (String.prototype as { replaceAll?: unknown }).replaceAll;
  try {
    runStartup({ onReady: () => undefined });
  } finally {
    Object.defineProperty(String.prototype, "replaceAll", replaceAll);
  }
  expect(text("startup-old-engine")).toContain(
    "This Excel uses an older browser engine; the REE functions work, the task pane needs Microsoft Edge WebView2",
  );
  const link = document.querySelector<HTMLAnchorElement>("#startup-old-engine a");
  expect(link?.href).toBe("https://developer.microsoft.com/microsoft-edge/webview2/");
});

it("without Office.js (blocked or offline) says how to open the add-in at once", () => {
  runStartup();
  expect(text("startup-not-in-excel")).toContain("It runs inside Excel");
});

it("when Office reports no host (a plain browser) says how to open the add-in at once", () => {
  runStartup({ onReady: (callback) => callback({ host: null }) });
  expect(text("startup-not-in-excel")).toContain("Home > Add-ins > More Add-ins > My Add-ins");
  // jsdom's page is on localhost, as the development server's: the certificate and preview lines.
  expect(text("startup-not-in-excel")).toContain("this browser now trusts localhost");
  expect(
    document.querySelector('#startup-not-in-excel a[href="/preview/preview.html"]'),
  ).not.toBeNull();
});

it("when Office never answers shows the message after 4 s, not before", () => {
  runStartup({ onReady: () => undefined });
  jest.advanceTimersByTime(3900);
  expect(text("startup-not-in-excel")).toBeNull();
  jest.advanceTimersByTime(100);
  expect(text("startup-not-in-excel")).not.toBeNull();
});

it("when Office reports Excel and the pane starts, never shows a message", () => {
  runStartup({
    onReady: (callback) => {
      document.getElementById("root")!.dataset.pane = "starting"; // what index.tsx does
      callback({ host: "Excel" });
    },
  });
  jest.advanceTimersByTime(10_000);
  expect(document.getElementById("root")!.textContent).toBe("");
});
