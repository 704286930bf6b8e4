/**
 * functions.js's module: the REE functions, and the pane's part of the data set, which the shared
 * runtime's page gets from here as one global (src/functions/sharedRuntime.ts). One module importing
 * both, not two entry modules, so webpack concatenates every module they share into one scope; the
 * global is set here rather than by a webpack library wrapper, which would add webpack's module
 * runtime to the bundle.
 */
import "./functions";
import { DATA_BY_PATH } from "./sharedRuntime";

/** The global's name: webpack.config.js defines it, and maps the pane's import of the data to it. */
declare const SHARED_DATASET_GLOBAL: string;

type Globals = Record<string, unknown>;
// IE11 has no globalThis; Node (the tests) has no self.
const page = (typeof self !== "undefined" ? self : globalThis) as unknown as Globals;
page[SHARED_DATASET_GLOBAL] = { DATA_BY_PATH };
