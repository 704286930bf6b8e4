/*
 * webpack loader for the reference data files (src/data/**\/*.json), one data set built two ways
 * for the one page that runs both bundles (webpack.config.js):
 * - part "functions": the part the REE functions read (src/functions/dataProjection.ts), its
 *   arrays of records packed (src/data/records.ts), every fact file's in one array;
 * - part "pane": a module giving the whole file, that part (which functions.js, run first, hands
 *   over by path: src/functions/sharedRuntime.ts) with the rest added back (src/data/split.ts).
 */
const fs = require("fs");
const path = require("path");
const tsx = require("tsx/cjs/api");

const root = path.resolve(__dirname, "..");
const SPLIT_MODULE = path.join(root, "src/data/split.ts");
const RECORDS_MODULE = path.join(root, "src/data/records.ts");
const { projectDataFile } = tsx.require("../src/functions/dataProjection.ts", __filename);
const { complementOf } = tsx.require(SPLIT_MODULE, __filename);
const { packRecords } = tsx.require(RECORDS_MODULE, __filename);

/**
 * JSON as a single-quoted JavaScript string, as webpack writes JSON modules (JSON's double quotes
 * stay unescaped); raw U+2028 and U+2029 escaped, which ES5 engines reject in a string.
 */
const jsonLiteral = (value) =>
  `'${JSON.stringify(value)
    .replace(/\\/g, "\\\\")
    .replace(/'/g, "\\'")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")}'`;

/** The module the pane's build maps to functions.js's global (webpack.config.js, `externals`). */
const SHARED_DATA_REQUEST = "ree-shared-data";

/** The packed data as a module exporting it unpacked. */
const unpackedModule = (part) =>
  [
    `import { unpackRecords } from ${JSON.stringify(RECORDS_MODULE)};`,
    `export default unpackRecords(JSON.parse(${jsonLiteral(packRecords(part))}));`,
  ].join("\n");

/**
 * functions.js takes every fact file's part as one array of records, packed once (so each field of
 * every source's facts sits together: labels by labels, notes by notes, where gzip finds more
 * likeness than file by file), through a module of its own: the first fact file with this query.
 * Each fact file is then its slice of that array.
 */
const FACTS_DIR = path.join(root, "src/data/facts");
const ALL_FACTS_QUERY = "?all-facts";

/** Every fact file's name and part, in name order (a file added or edited rebuilds this). */
function factParts(loader) {
  loader.addContextDependency(FACTS_DIR);
  return fs
    .readdirSync(FACTS_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const resource = path.join(FACTS_DIR, name);
      loader.addDependency(resource);
      const data = JSON.parse(fs.readFileSync(resource, "utf8"));
      return { name, facts: projectDataFile(`src/data/facts/${name}`, data) };
    });
}

/** A data file as functions.js holds it: its part, or for a fact file its slice of them all. */
function functionsModule(loader, file, full) {
  if (!file.startsWith("src/data/facts/")) return unpackedModule(projectDataFile(file, full));
  const parts = factParts(loader);
  if (loader.resourceQuery === ALL_FACTS_QUERY)
    return unpackedModule(parts.flatMap((part) => part.facts));
  const index = parts.findIndex((part) => part.name === path.basename(file));
  const start = parts.slice(0, index).reduce((count, part) => count + part.facts.length, 0);
  const allFacts = path.join(FACTS_DIR, parts[0].name) + ALL_FACTS_QUERY;
  return [
    `import facts from ${JSON.stringify(allFacts)};`,
    `export default facts.slice(${start}, ${start + parts[index].facts.length});`,
  ].join("\n");
}

module.exports = function dataLoader(source) {
  const file = path.relative(root, this.resourcePath).split(path.sep).join("/");
  const full = JSON.parse(source);
  if (this.getOptions().part === "functions") return functionsModule(this, file, full);
  const part = projectDataFile(file, full);
  const rest = complementOf(full, part);
  return [
    `import { mergeData } from ${JSON.stringify(SPLIT_MODULE)};`,
    `import { DATA_BY_PATH } from ${JSON.stringify(SHARED_DATA_REQUEST)};`,
    `export default mergeData(DATA_BY_PATH[${JSON.stringify(file)}], ${
      rest === undefined ? "undefined" : `JSON.parse(${jsonLiteral(rest)})`
    });`,
  ].join("\n");
};

module.exports.SHARED_DATA_REQUEST = SHARED_DATA_REQUEST;
