// Figure 1: gzip weight of dist/functions.js and of every script taskpane.html loads before first
// render, against an empty Fluent v9 pane built by the same webpack config (dist-baseline/).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { BenchRow } from "./types";

const root = join(__dirname, "..");
const gzipKB = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

/** Local scripts in the page's <script src> tags (Office.js from Microsoft's CDN is the same for both pages). */
function initialScriptsKB(dir: string): number {
  const html = readFileSync(join(dir, "taskpane.html"), "utf8");
  const sources = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2])
    .filter((src) => !/^https?:/.test(src));
  return sources.reduce((sum, src) => sum + gzipKB(join(dir, src)), 0);
}

export function bundleRows(): BenchRow[] {
  const baselineKB = initialScriptsKB(join(root, "dist-baseline"));
  const paneKB = initialScriptsKB(join(root, "dist"));
  const functionsKB = gzipKB(join(root, "dist", "functions.js"));
  // functions.js's own chunk: the citation card's code, loaded on the first =REE.FACT(id, "card").
  const cardChunk = readdirSync(join(root, "dist", "chunks")).find((name) => /^card\./.test(name));
  if (!cardChunk) throw new Error("dist/chunks/card.*.js is missing: run npm run build first.");
  const cardKB = gzipKB(join(root, "dist", "chunks", cardChunk));
  return [
    {
      figure: "functions.js gzip (with the data the functions read)",
      value: functionsKB,
      unit: "KB",
      baseline: baselineKB,
      ratio: functionsKB / baselineKB,
      budgetKey: "functionsBundleGzipKB",
      limits: "value",
    },
    {
      figure: "citation card code, loaded with the first card, gzip",
      value: cardKB,
      unit: "KB",
      baseline: null,
      ratio: null,
      limits: "value",
    },
    {
      figure: "task pane scripts before first render, gzip",
      value: paneKB,
      unit: "KB",
      baseline: baselineKB,
      ratio: paneKB / baselineKB,
      budgetKey: "taskpaneInitialGzipKB",
      limits: "value",
    },
  ];
}
