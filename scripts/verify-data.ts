/**
 * npm run data:verify -- <seeds-dir> [<reference-dir>]
 * Checks the bundled data set against its source texts (see verifyDataSet in src/data/verify.ts):
 * articles are read from the seeds dir, data sets and report excerpts from the reference dir
 * (default <seeds-dir>/../reference). Prints each miss and a summary; exits 1 on any miss.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { FACTS, SOURCES, TABLES, UNRECORDED } from "../src/data/dataset";
import { verifyDataSet } from "../src/data/verify";

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
for (const miss of report.misses) console.error(`MISS ${miss}`);
const count = (kind: string) => SOURCES.filter((source) => source.kind === kind).length;
console.log(
  `data:verify: ${report.numerals} numerals in ${count("article")} articles and ${count("report")} report excerpts, each checked to be in a fact's evidence or unrecorded.json`,
);
console.log(
  `data:verify: ${report.facts} facts and ${report.rows} table rows checked, ${report.misses.length} misses`,
);
process.exit(report.misses.length > 0 ? 1 : 0);
