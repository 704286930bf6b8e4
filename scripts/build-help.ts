/**
 * Run after webpack: writes dist/help/<NAME>.html for every function, dist/help/index.html and
 * dist/help/help.css from dist/functions.json and the catalog, and moves functions.json's helpUrls to
 * $ADDIN_BASE_URL when it is set. With --docs it writes, from the catalog, the JSDoc of every
 * function in src/functions/functions.ts (which the metadata is generated from), docs/functions.md
 * and README.md's function list instead (no build needed).
 *
 *   npx tsx scripts/build-help.ts          # after `webpack --mode production`
 *   npx tsx scripts/build-help.ts --docs   # regenerate the JSDoc, docs/functions.md and README
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { CATALOG } from "../src/functions/catalog";
import {
  HELP_CSS,
  README_MARKERS,
  functionsSourceWithJsdoc,
  rebaseHelpUrls,
  renderFunctionsMarkdown,
  renderFunctionsSummary,
  renderHelpIndex,
  renderHelpPage,
} from "../src/functions/reference";
import type { FunctionsMetadata } from "../src/functions/reference";

const root = join(__dirname, "..");

/** docs/functions.md as committed: the rendered table, formatted by Prettier with the project config. */
export async function functionsMarkdown(): Promise<string> {
  const file = join(root, "docs", "functions.md");
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(renderFunctionsMarkdown(), { ...options, parser: "markdown" });
}

/** README.md with its function list (between README_MARKERS) rendered from the catalog. */
export async function readmeWithFunctions(): Promise<string> {
  const file = join(root, "README.md");
  const [start, end] = README_MARKERS;
  const readme = readFileSync(file, "utf8");
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md lacks the markers ${start} ... ${end}.`);
  const updated = `${readme.slice(0, from + start.length)}\n\n${renderFunctionsSummary()}\n\n${readme.slice(to)}`;
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(updated, { ...options, parser: "markdown" });
}

async function writeDocs(): Promise<void> {
  const source = join(root, "src", "functions", "functions.ts");
  writeFileSync(source, functionsSourceWithJsdoc(readFileSync(source, "utf8")));
  const file = join(root, "docs", "functions.md");
  mkdirSync(join(root, "docs"), { recursive: true });
  writeFileSync(file, await functionsMarkdown());
  writeFileSync(join(root, "README.md"), await readmeWithFunctions());
  console.log(`Wrote the JSDoc in ${source}, ${file} and the function list in README.md`);
}

function writeHelp(): void {
  const metadataFile = join(root, "dist", "functions.json");
  if (!existsSync(metadataFile)) {
    throw new Error(`${metadataFile} is missing: run webpack --mode production first.`);
  }
  const metadata = JSON.parse(readFileSync(metadataFile, "utf8")) as FunctionsMetadata;
  const missing = CATALOG.filter((spec) => !metadata.functions.some((f) => f.id === spec.name));
  if (missing.length > 0) {
    throw new Error(`functions.json lacks ${missing.map((spec) => spec.name).join(", ")}.`);
  }
  const dir = join(root, "dist", "help");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "help.css"), HELP_CSS);
  writeFileSync(join(dir, "index.html"), renderHelpIndex(metadata));
  for (const spec of CATALOG)
    writeFileSync(join(dir, `${spec.name}.html`), renderHelpPage(spec, metadata));
  const base = process.env.ADDIN_BASE_URL;
  if (base) {
    writeFileSync(metadataFile, `${JSON.stringify(rebaseHelpUrls(metadata, base), null, 4)}\n`);
  }
  console.log(
    `Wrote ${CATALOG.length + 2} help files to ${dir}${base ? `; helpUrls now on ${base}` : ""}`,
  );
}

if (require.main === module) {
  if (process.argv.includes("--docs")) {
    writeDocs().catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
  } else writeHelp();
}
