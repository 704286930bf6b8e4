/**
 * Conversions between bases: NdPr oxide and magnets, oxide and metal, rupees and dollars, vehicles and
 * tonnes of rare earths. Pure functions over numbers; inputs are checked and errors are ModelErrors.
 */
import { divisor, nonNegative, positive, share } from "./checks";
import { valueError } from "./errors";
import { optionParser } from "./names";
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
type SingleElement = keyof typeof OXIDES;
/** Nd, Pr, or NdPr (didymium): the mixed oxide the articles' tonnages are given in. */
export type Element = SingleElement | "NdPr";

/**
 * Nd2O3 share by mass of NdPr oxide when none is given: an assumption, not a sourced figure. No
 * source in the data set states the split; 75:25 Nd2O3:Pr6O11 is a common grade of traded PrNd
 * oxide. The functions say so and let the user give another.
 */
export const ASSUMED_ND2O3_SHARE = 0.75;

function singleFraction(element: SingleElement): number {
  const { metal, oxygen } = OXIDES[element];
  const metalMass = metal * ATOMIC_WEIGHT[element];
  return metalMass / (metalMass + oxygen * ATOMIC_WEIGHT.O);
}

/**
 * Mass fraction of the metal in its oxide: Nd in Nd2O3 0.8574, Pr in Pr6O11 0.8277; for NdPr, the
 * two weighted by the Nd2O3 share of the oxide (0.8499 at 75:25).
 */
export function metalFraction(element: Element, nd2o3Share = ASSUMED_ND2O3_SHARE): number {
  if (element !== "NdPr") return singleFraction(element);
  share(nd2o3Share, "nd2o3_share");
  return nd2o3Share * singleFraction("Nd") + (1 - nd2o3Share) * singleFraction("Pr");
}

/** "Nd", "neodymium" or "Nd2O3" -> "Nd"; likewise for Pr; "NdPr", "Nd-Pr" or "didymium" -> "NdPr". */
export const parseElement = optionParser<Element>(
  "element",
  {
    Nd: ["nd", "neodymium", "nd2o3"],
    Pr: ["pr", "praseodymium", "pr6o11"],
    NdPr: [
      "ndpr",
      "prnd",
      "nd pr",
      "pr nd",
      "ndpr oxide",
      "prnd oxide",
      "didymium",
      "didymium oxide",
    ],
  },
  '. Use "Nd" (oxide Nd2O3), "Pr" (oxide Pr6O11) or "NdPr" (didymium oxide, by default 75% Nd2O3 and 25% Pr6O11 by mass, an assumption).',
  ["NdPr", "Nd", "Pr", "didymium"],
);

/** The metal fraction for an element and the Nd2O3 share the user gave (NdPr only). */
function fractionFor(element: Element, nd2o3Share: number | undefined): number {
  if (nd2o3Share !== undefined && element !== "NdPr") {
    throw valueError(
      `nd2o3_share applies to NdPr oxide only; leave it empty for ${element} (oxide ${OXIDES[element].formula}).`,
    );
  }
  return metalFraction(element, nd2o3Share);
}

/** Tonnes of metal in oxideT tonnes of oxide (for NdPr, at the given or assumed Nd2O3 share). */
export function oxideToMetal(oxideT: number, element: Element, nd2o3Share?: number): number {
  return nonNegative(oxideT, "oxide_t") * fractionFor(element, nd2o3Share);
}

/** Tonnes of oxide holding metalT tonnes of metal (for NdPr, at the given or assumed Nd2O3 share). */
export function metalToOxide(metalT: number, element: Element, nd2o3Share?: number): number {
  return nonNegative(metalT, "metal_t") / fractionFor(element, nd2o3Share);
}
