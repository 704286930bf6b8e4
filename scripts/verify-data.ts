/**
 * npm run data:verify -- <seeds-dir> [<reference-dir>]
 * Checks the bundled data set against its source texts (see verifyDataSet in src/data/verify.ts):
 * articles are read from the seeds dir, data sets and report excerpts from the reference dir
 * (default <seeds-dir>/../reference). Also checks every quote of the hand-written figure tables
 * (test/data/figures/*.md, read by the tests' own parser) against its source's text. Prints each
 * miss and a summary; exits 1 on any miss.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { FACTS, SOURCES, TABLES, UNRECORDED } from "../src/data/dataset";
import { checkQuotations, verifyDataSet } from "../src/data/verify";
import { FIGURE_DOCUMENTS, quotationsOf, readFigureDocument } from "../test/support/figureTables";

const [seedsArg, referenceArg] = process.argv.slice(2);
if (!seedsArg) {
  console.error("usage: npm run data:verify -- <seeds-dir> [<reference-dir>]");
  process.exit(2);
}
const seeds = resolve(seedsArg);
const reference = resolve(referenceArg ?? join(seeds, "..", "reference"));

// A source whose file is missing has no text; verifyDataSet reports it as a miss.
const texts = new Map<string, string>();
for (const source of SOURCES) {
  const path = join(source.kind === "article" ? seeds : reference, source.file);
  if (existsSync(path)) texts.set(source.id, readFileSync(path, "utf8"));
}

const report = verifyDataSet(
  { sources: SOURCES, facts: FACTS, tables: TABLES, unrecorded: UNRECORDED },
  texts,
);
const names = Object.keys(FIGURE_DOCUMENTS) as (keyof typeof FIGURE_DOCUMENTS)[];
const quotations = names.flatMap((name) => quotationsOf(readFigureDocument(name)));
const misses = [...report.misses, ...checkQuotations(SOURCES, texts, quotations)];

for (const miss of misses) console.error(`MISS ${miss}`);
const count = (kind: string) => SOURCES.filter((source) => source.kind === kind).length;
console.log(
  `data:verify: ${report.numerals} numerals in ${count("article")} articles and ${count("report")} report excerpts, each checked to be in a fact's evidence or unrecorded.json`,
);
console.log(
  `data:verify: ${report.facts} facts, ${report.rows} table rows and ${quotations.length} quotes of the figure tables (${Object.values(FIGURE_DOCUMENTS).join(", ")}) checked, ${misses.length} misses`,
);
process.exit(misses.length > 0 ? 1 : 0);
