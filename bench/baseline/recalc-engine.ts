// The recalculation benchmark's engine, bundled by the same webpack production pipeline as the
// add-in: HyperFormula with the REE functions calling the production-built adapters, and the same
// HyperFormula for the native-formula model.
export { HyperFormula } from "hyperformula";
export { createReeEngine, REE_ENGINE_OPTIONS } from "../../src/preview/ree-plugin";
