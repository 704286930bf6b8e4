/**
 * The function catalog with each entry's adapter: what the HyperFormula plugin and the tests call.
 * The entries themselves (documentation and signatures) are model/functionCatalog.ts, which code
 * that only needs documentation reads without loading the functions.
 */
import { CATALOG as SPECS, type FunctionSpec } from "../model/functionCatalog";
import * as fns from "./functions";

/** Any adapter; the plugin calls them with Excel-convention arguments. */
export type Adapter = (...args: never[]) => unknown;

/** A catalog entry and the custom function that implements it. */
export interface AdaptedFunction extends FunctionSpec {
  adapter: Adapter;
}

const ADAPTERS: Readonly<Record<string, Adapter>> = {
  FACT: fns.fact,
  SOURCE: fns.source,
  FACTS: fns.facts,
  CLAIMS: fns.claims,
  TABLE: fns.table,
  MAGNET_CAPACITY: fns.magnetCapacity,
  OXIDE_REQUIRED: fns.oxideRequired,
  NDPR_GAP: fns.ndprGap,
  IMPORT_SHARE: fns.importShare,
  IMPORT_VOLUME: fns.importVolume,
  HHI: fns.hhi,
  CONCENTRATION: fns.concentration,
  WORLD_SHARE: fns.worldShare,
  SELF_SUFFICIENCY: fns.selfSufficiency,
  IMPORT_RELIANCE: fns.importReliance,
  RESERVE_LIFE: fns.reserveLife,
  CAGR: fns.cagr,
  PROJECT: fns.project,
  EV_DEMAND: fns.evDemand,
  RECYCLED_SUPPLY: fns.recycledSupply,
  SUPPLY_BALANCE: fns.supplyBalance,
  STOCKPILE_DAYS: fns.stockpileDays,
  CRORE_TO_USD: fns.croreToUsd,
  USD_TO_CRORE: fns.usdToCrore,
  OXIDE_TO_METAL: fns.oxideToMetal,
  METAL_TO_OXIDE: fns.metalToOxide,
  DATA_VERSION: fns.dataVersion,
  SERIES: fns.series,
  SCENARIO: fns.scenario,
};

export const CATALOG: readonly AdaptedFunction[] = SPECS.map((spec) => {
  const adapter = ADAPTERS[spec.name];
  if (!adapter) throw new Error(`No adapter for REE.${spec.name}`);
  return { ...spec, adapter };
});
