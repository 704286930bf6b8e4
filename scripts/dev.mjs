// npm run dev: webpack in watch mode (development builds, rebuilt incrementally on every save) for
// the add-in and the browser preview, served at the same URLs as npm start. Reload the pane or the
// preview to see a change. Help pages are rewritten after each add-in build (scripts/build-help.ts).
import { spawn } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const webpack = join(root, "node_modules", "webpack-cli", "bin", "cli.js");
const children = [];

function run(args, onOutput) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  child.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    onOutput?.(String(chunk));
  });
  children.push(child);
  return child;
}

let helpRunning = false;
function writeHelp() {
  if (helpRunning) return;
  helpRunning = true;
  const tsx = join(root, "node_modules", "tsx", "dist", "cli.mjs");
  run([tsx, join(root, "scripts", "build-help.ts")]).on("exit", () => (helpRunning = false));
}

const firstBuilds = new Set();
let serving = false;
function built(name) {
  firstBuilds.add(name);
  if (!serving && firstBuilds.has("functions") && firstBuilds.has("preview")) {
    serving = true;
    import("./serve.mjs");
  }
}

run([webpack, "--mode", "development", "--watch"], (text) => {
  if (/functions \(webpack [^)]*\) compiled/.test(text)) {
    writeHelp();
    built("functions");
  }
});
run(
  [webpack, "--config", "webpack.preview.config.js", "--mode", "development", "--watch"],
  (text) => {
    if (/compiled/.test(text)) built("preview");
  },
);

// The watchers stop with this process, also when the server exits (for example, a port in use).
process.on("exit", () => children.forEach((child) => child.kill()));
process.on("SIGINT", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));
