/**
 * In Excel the task pane and these functions run in one page (the shared runtime). functions.js runs
 * first there and hands the pane its data set, so the page parses the data once instead of twice;
 * the pane's build reads it from here (webpack.config.js, `externals`). functions.js loaded on its
 * own keeps its data and only sets this one global.
 */
import * as dataset from "../data/dataset";

// The same name as in webpack.config.js, where the pane's build looks for it.
const SHARED_DATASET_GLOBAL = "reeSupplyDataset";

(globalThis as Record<string, unknown>)[SHARED_DATASET_GLOBAL] = dataset;
