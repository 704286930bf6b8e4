// Figure 3: 1,000,000 calls through the functions dist/functions.js registers (argument coercion,
// error mapping, default lookup) against the same model math called directly with plain numbers,
// both as built by webpack for production and run in one JavaScript context, as Excel runs them.
import { join } from "node:path";
import { alternate } from "./timing";
import type { BenchRow } from "./types";

const CALLS = 1_000_000;
const root = join(__dirname, "..");
type Fn = (...args: unknown[]) => number;

function registeredFunctions(): Record<string, Fn> {
  const registered: Record<string, Fn> = {};
  const scope = globalThis as { CustomFunctions?: unknown };
  const previous = scope.CustomFunctions;
  scope.CustomFunctions = {
    associate: (id: string, fn: Fn) => (registered[id] = fn),
    Error: class {
      constructor(
        public code: string,
        public message?: string,
      ) {}
    },
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
    },
  };
  require(join(root, "dist", "functions.js"));
  scope.CustomFunctions = previous;
  return registered;
}

export function functionOverheadRows(): BenchRow[] {
  const REE = registeredFunctions();
  const math: Record<string, Fn> = require(join(root, "dist-baseline", "direct-math.js"));
  // The defaults the functions look up, as plain numbers for the direct calls.
  const ratio = REE.FACT("ndpr.oxide_per_magnet_t", null);
  const target = REE.FACT("india.repm.target_t", null);
  const domestic = REE.FACT("india.ndpr_oxide.production_t", null);
  const inrPerUsd = REE.FACT("fx.inr_per_usd_implied", null);
  const supplies = [[270_000], [45_000], [31_000], [13_000], [13_000], [2_900]];
  const suppliesFlat = supplies.map((row) => row[0]);
  let sink = 0;
  // A mix a model sheet makes: defaults looked up, numbers given, a range.
  const throughFunctions = () => {
    for (let i = 0; i < CALLS / 4; i++) {
      sink += REE.NDPR_GAP(null, null, null, null);
      sink += REE.MAGNET_CAPACITY(400 + (i & 7), null);
      sink += REE.HHI(supplies);
      sink += REE.CRORE_TO_USD(1345, null);
    }
  };
  const direct = () => {
    for (let i = 0; i < CALLS / 4; i++) {
      sink += math.ndprGap({
        targetMagnetT: target,
        domesticOxideT: domestic,
        oxidePerMagnet: ratio,
        basis: "oxide",
      });
      sink += math.magnetCapacity(400 + (i & 7), ratio);
      sink += math.hhi(suppliesFlat);
      sink += math.croreToUsd(1345, inrPerUsd);
    }
  };
  const { candidateMs, baselineMs } = alternate(9, throughFunctions, direct);
  if (!Number.isFinite(sink)) throw new Error("benchmark produced a non-finite result");
  return [
    {
      figure: "1,000,000 calls through registered REE functions vs direct math",
      value: candidateMs,
      unit: "ms",
      baseline: baselineMs,
      ratio: candidateMs / baselineMs,
      budgetKey: "functionOverheadRatio",
      limits: "ratio",
    },
  ];
}
