/**
 * The NdPr gap: how far domestic NdPr oxide falls short of what a magnet target needs. With the
 * articles' figures, a 6,000 t/yr magnet target needs 2,000 t/yr of oxide against 400 t/yr made.
 */
import { divisor, nonNegative, positive } from "./checks";
import { naError } from "./errors";
import { didYouMean, normalizeName } from "./names";

export type GapBasis = "oxide" | "magnet";

const BASIS_NAMES: Record<string, GapBasis> = {
  oxide: "oxide",
  "ndpr oxide": "oxide",
  ndpr: "oxide",
  magnet: "magnet",
  magnets: "magnet",
  repm: "magnet",
};

export function parseGapBasis(text: string): GapBasis {
  const basis = BASIS_NAMES[normalizeName(text)];
  if (basis) return basis;
  throw naError(
    `Unknown basis "${text}": use "oxide" (gap in t of NdPr oxide) or "magnet" (gap in t of magnets).${didYouMean(text, ["oxide", "magnet"])}`,
  );
}

export interface GapInput {
  targetMagnetT: number;
  domesticOxideT: number;
  oxidePerMagnet: number;
  basis: GapBasis;
}

/**
 * Shortfall (positive) or surplus (negative). Oxide basis: target x ratio - domestic oxide.
 * Magnet basis: target - magnets the domestic oxide supports (domestic oxide / ratio).
 */
export function ndprGap({
  targetMagnetT,
  domesticOxideT,
  oxidePerMagnet,
  basis,
}: GapInput): number {
  nonNegative(targetMagnetT, "target_magnet_t");
  nonNegative(domesticOxideT, "domestic_oxide_t");
  if (basis === "magnet") {
    return targetMagnetT - domesticOxideT / divisor(oxidePerMagnet, "oxide_per_magnet", "t/t");
  }
  return targetMagnetT * positive(oxidePerMagnet, "oxide_per_magnet", "t/t") - domesticOxideT;
}
