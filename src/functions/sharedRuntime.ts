/**
 * In Excel the task pane and these functions run in one page (the shared runtime). functions.js runs
 * first there and hands the pane its data set, so the page parses the data once instead of twice.
 * webpack.config.js publishes this module's exports as one page global, the one the pane's build
 * reads the data set from (`externals`); functions.js loaded on its own keeps its data.
 */
export * from "../data/dataset";
