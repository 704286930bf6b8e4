/**
 * In Excel the task pane and these functions run in one page (the shared runtime). functions.js runs
 * first there and hands the pane its part of each reference data file, by path, so the page parses
 * that part once; the pane's build adds the rest to each file (scripts/data-loader.cjs).
 * src/functions/bundle.ts publishes its DATA_BY_PATH as one page global.
 */
import { DATA_FILES, HISTORY_FILE, type DataFile } from "../data/dataset";

const files: DataFile[] = [
  DATA_FILES.sources,
  ...DATA_FILES.facts,
  ...DATA_FILES.tables,
  DATA_FILES.unrecorded,
  DATA_FILES.version,
  DATA_FILES.series,
  HISTORY_FILE,
];

/** Each data file as functions.js holds it, by its path from the repository root. */
export const DATA_BY_PATH: Record<string, unknown> = {};
for (const file of files) DATA_BY_PATH[file.path] = file.data;
