// npm start: rebuilds dist/ and dist-preview/ only when a source is newer than the build, then
// serves them (scripts/serve.mjs). `npm start -- --plan` prints what would be rebuilt and stops.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(process.env.REE_SERVE_ROOT || join(import.meta.dirname, ".."));
const shared = ["src", "package-lock.json", "tsconfig.json"];
const builds = [
  {
    name: "add-in (dist/)",
    script: "build",
    inputs: [
      ...shared,
      "assets",
      "manifest.xml",
      "webpack.config.js",
      // Builds each data file as its bundle needs it (functions.js takes the functions' part).
      "scripts/data-loader.cjs",
      "scripts/build-help.ts",
    ],
    outputs: [
      "dist/taskpane.html",
      "dist/functions.js",
      "dist/functions.json",
      "dist/help/index.html",
    ],
  },
  {
    name: "browser preview (dist-preview/)",
    script: "build:preview",
    inputs: [...shared, "webpack.preview.config.js"],
    outputs: ["dist-preview/preview.html", "dist-preview/preview.js"],
  },
];

/** The newest modification time under a file or folder (0 when it does not exist). */
function newestMtimeMs(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtimeMs(join(path, name))),
    0,
  );
}

/** Why a build must run, or null when its every output is newer than its newest input. */
function staleBecause({ inputs, outputs }) {
  const missing = outputs.find((output) => !existsSync(join(root, output)));
  if (missing) return `${missing} is missing`;
  const newestInput = Math.max(...inputs.map((input) => newestMtimeMs(join(root, input))));
  const oldestOutput = Math.min(...outputs.map((output) => statSync(join(root, output)).mtimeMs));
  return newestInput > oldestOutput ? "sources changed since the last build" : null;
}

const plan = builds.map((build) => ({ ...build, reason: staleBecause(build) }));
for (const { name, script, reason } of plan) {
  console.log(
    reason ? `Building the ${name}: ${reason}.` : `The ${name} is up to date; not rebuilt.`,
  );
  if (!reason || process.argv.includes("--plan")) continue;
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const { status } = spawnSync(npm, ["run", script], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (status !== 0) process.exit(status ?? 1);
}
if (!process.argv.includes("--plan")) await import("./serve.mjs");
