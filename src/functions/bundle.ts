/**
 * functions.js's module: the REE functions, and what the pane reads from the shared runtime
 * (webpack.config.js publishes these exports as one page global). One module importing both, not
 * two entry modules, so webpack concatenates every module they share into one scope.
 */
import "./functions";

export { DATA_BY_PATH } from "./sharedRuntime";
