/**
 * The NdPr gap: how far domestic NdPr oxide falls short of what a magnet target needs. With the
 * articles' figures, a 6,000 t/yr magnet target needs 2,000 t/yr of oxide against 400 t/yr made.
 */
import { divisor, nonNegative, positive } from "./checks";
import { differenceOf } from "./float";
import { optionParser } from "./names";

export type GapBasis = "oxide" | "magnet";

export const parseGapBasis = optionParser<GapBasis>(
  "basis",
  { oxide: ["oxide", "ndpr oxide", "ndpr"], magnet: ["magnet", "magnets", "repm"] },
  ': use "oxide" (gap in t of NdPr oxide) or "magnet" (gap in t of magnets).',
);

export interface GapInput {
  targetMagnetT: number;
  domesticOxideT: number;
  oxidePerMagnet: number;
  basis: GapBasis;
}

/**
 * Shortfall (positive) or surplus (negative). Oxide basis: target x ratio - domestic oxide.
 * Magnet basis: target - magnets the domestic oxide supports (domestic oxide / ratio). A gap that
 * is only rounding (1,200 t x 1/3 against 400 t) is exactly 0.
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
    return differenceOf(
      targetMagnetT,
      domesticOxideT / divisor(oxidePerMagnet, "oxide_per_magnet", "t/t"),
    );
  }
  return differenceOf(
    targetMagnetT * positive(oxidePerMagnet, "oxide_per_magnet", "t/t"),
    domesticOxideT,
  );
}
