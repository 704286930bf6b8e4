/**
 * Conversions between bases: NdPr oxide and magnets, oxide and metal, rupees and dollars, vehicles and
 * tonnes of rare earths. Pure functions over numbers; inputs are checked and errors are ModelErrors.
 */
import { divisor, nonNegative, positive } from "./checks";
import { naError } from "./errors";
import { normalizeName } from "./names";
import { INR_PER_CRORE, KG_PER_TONNE, USD_PER_MILLION } from "./units";

/** Tonnes of magnet that oxideT tonnes of NdPr oxide support at oxidePerMagnet t oxide per t magnet. */
export function magnetCapacity(oxideT: number, oxidePerMagnet: number): number {
  nonNegative(oxideT, "oxide_t");
  return oxideT / divisor(oxidePerMagnet, "oxide_per_magnet", "t/t");
}

/** Tonnes of NdPr oxide needed for magnetT tonnes of magnet. */
export function oxideRequired(magnetT: number, oxidePerMagnet: number): number {
  nonNegative(magnetT, "magnet_t");
  return magnetT * positive(oxidePerMagnet, "oxide_per_magnet", "t/t");
}

/** INR crore to USD million at inrPerUsd rupees per dollar (1 crore = 10 million rupees). */
export function croreToUsd(inrCrore: number, inrPerUsd: number): number {
  return (
    (inrCrore * INR_PER_CRORE) / divisor(inrPerUsd, "inr_per_usd", "INR/USD") / USD_PER_MILLION
  );
}

/** USD million to INR crore at inrPerUsd rupees per dollar. */
export function usdToCrore(usdMillion: number, inrPerUsd: number): number {
  return (
    (usdMillion * USD_PER_MILLION * positive(inrPerUsd, "inr_per_usd", "INR/USD")) / INR_PER_CRORE
  );
}

/** Tonnes of rare earth content in a fleet of vehicles at kgPerVehicle each. */
export function evDemand(vehicles: number, kgPerVehicle: number): number {
  nonNegative(vehicles, "vehicles", "vehicles");
  return (vehicles * nonNegative(kgPerVehicle, "kg_per_vehicle", "kg")) / KG_PER_TONNE;
}

/**
 * Standard atomic weights (IUPAC CIAAW, "Standard atomic weights of the elements 2021", conventional
 * values): physical constants, not figures from the articles, used only for oxide <-> metal basis.
 */
const ATOMIC_WEIGHT = { Nd: 144.242, Pr: 140.90766, O: 15.999 } as const;

/** The oxides NdPr is reported as: Nd2O3 and Pr6O11 (metal atoms, oxygen atoms per formula unit). */
const OXIDES = {
  Nd: { formula: "Nd2O3", metal: 2, oxygen: 3 },
  Pr: { formula: "Pr6O11", metal: 6, oxygen: 11 },
} as const;
export type Element = keyof typeof OXIDES;

/** Mass fraction of the metal in its oxide: Nd in Nd2O3 0.8574, Pr in Pr6O11 0.8277. */
export function metalFraction(element: Element): number {
  const { metal, oxygen } = OXIDES[element];
  const metalMass = metal * ATOMIC_WEIGHT[element];
  return metalMass / (metalMass + oxygen * ATOMIC_WEIGHT.O);
}

/** "Nd", "neodymium" or "Nd2O3" -> "Nd"; likewise for Pr. */
export function parseElement(text: string): Element {
  const key = normalizeName(text);
  if (["nd", "neodymium", "nd2o3"].includes(key)) return "Nd";
  if (["pr", "praseodymium", "pr6o11"].includes(key)) return "Pr";
  throw naError(
    `Unknown element "${text}". Use "Nd" (oxide Nd2O3) or "Pr" (oxide Pr6O11); NdPr oxide has no fixed split in the sources.`,
  );
}

export function oxideToMetal(oxideT: number, element: Element): number {
  return nonNegative(oxideT, "oxide_t") * metalFraction(element);
}

export function metalToOxide(metalT: number, element: Element): number {
  return nonNegative(metalT, "metal_t") / metalFraction(element);
}
