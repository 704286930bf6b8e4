/**
 * `npm start` rebuilds only what is out of date: scripts/start.mjs --plan over a temporary folder laid
 * out like the project, with modification times set by hand.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const script = join(__dirname, "..", "..", "scripts", "start.mjs");
const OUTPUTS = [
  "dist/taskpane.html",
  "dist/functions.js",
  "dist/functions.json",
  "dist/help/index.html",
  "dist-preview/preview.html",
  "dist-preview/preview.js",
];
const INPUTS = ["src/functions/functions.ts", "src/preview/preview.tsx", "manifest.xml"];

let root: string;
const at = (path: string, seconds: number) => {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, "");
  utimesSync(file, seconds, seconds);
};
const plan = () =>
  execFileSync(process.execPath, [script, "--plan"], {
    env: { ...process.env, REE_SERVE_ROOT: root },
    encoding: "utf8",
  });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "ree-start-"));
  for (const input of INPUTS) at(input, 1_000);
  for (const output of OUTPUTS) at(output, 2_000);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

it("skips both builds when every output is newer than every input", () => {
  expect(plan()).toBe(
    "The add-in (dist/) is up to date; not rebuilt.\n" +
      "The browser preview (dist-preview/) is up to date; not rebuilt.\n",
  );
});

it("rebuilds what a newer source feeds", () => {
  at("manifest.xml", 3_000); // the add-in only
  expect(plan()).toMatch(
    /^Building the add-in \(dist\/\): sources changed.*\nThe browser preview .* up to date/,
  );
  at("src/preview/preview.tsx", 3_000); // src/ feeds both
  expect(plan()).not.toContain("up to date");
});

it("rebuilds the add-in when the data loader changed", () => {
  at("scripts/data-loader.cjs", 3_000);
  expect(plan()).toMatch(
    /^Building the add-in \(dist\/\): sources changed.*\nThe browser preview .* up to date/,
  );
});

it("rebuilds when an output is missing", () => {
  rmSync(join(root, "dist-preview", "preview.js"));
  expect(plan()).toContain(
    "Building the browser preview (dist-preview/): dist-preview/preview.js is missing.",
  );
});
