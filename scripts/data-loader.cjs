/*
 * webpack loader for the reference data files (src/data/**\/*.json), one data set built two ways
 * for the one page that runs both bundles (webpack.config.js):
 * - part "functions": the part the REE functions read (src/functions/dataProjection.ts), its
 *   arrays of records packed (src/data/records.ts);
 * - part "pane": a module giving the whole file, that part (which functions.js, run first, hands
 *   over by path: src/functions/sharedRuntime.ts) with the rest added back (src/data/split.ts).
 */
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

module.exports = function dataLoader(source) {
  const file = path.relative(root, this.resourcePath).split(path.sep).join("/");
  const full = JSON.parse(source);
  const part = projectDataFile(file, full);
  if (this.getOptions().part === "functions") {
    return [
      `import { unpackRecords } from ${JSON.stringify(RECORDS_MODULE)};`,
      `export default unpackRecords(JSON.parse(${jsonLiteral(packRecords(part))}));`,
    ].join("\n");
  }
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
