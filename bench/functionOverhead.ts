// Figure 3: 1,000,000 calls through the functions dist/functions.js registers (argument coercion,
// error mapping, default lookup) against the same model math called directly with plain numbers,
// both as built by webpack for production and run in one JavaScript context, as Excel runs them.
import { join } from "node:path";
import { alternate } from "./timing";
import type { BenchRow } from "./types";

const CALLS = 1_000_000;
const CELLS = 1_024; // four invocations each: 4,096, a power of two, so a mask picks one
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
  const domestic = REE.FACT("india.ndpr_oxide.production_t", null);
  const inrPerUsd = REE.FACT("fx.inr_per_usd_implied", null);
  // The same math with nothing in between: plain numbers in, defaults already resolved, a list
  // where HHI takes a range.
  const direct: Record<string, Fn> = {
    NDPR_GAP: (magnetT) =>
      math.ndprGap({
        targetMagnetT: magnetT,
        domesticOxideT: domestic,
        oxidePerMagnet: ratio,
        basis: "oxide",
      }),
    MAGNET_CAPACITY: (oxideT) => math.magnetCapacity(oxideT, ratio),
    HHI: (volumes) => math.hhi(volumes),
    CRORE_TO_USD: (crore) => math.croreToUsd(crore, inrPerUsd),
  };
  // A model sheet's cells, each with its own inputs, in the mix a model makes: defaults looked
  // up, numbers given, a range. Both sides get the same values, in Excel's shape for the functions.
  const throughFunctions: Invocation[] = [];
  const baseline: Invocation[] = [];
  for (let i = 0; i < CELLS; i++) {
    const volumes = [270_000, 45_000, 31_000, 13_000, 13_000, 2_900].map((t, j) => t + i * (j + 1));
    throughFunctions.push(
      { fn: REE.NDPR_GAP, args: [5_000 + i, null, null, null] },
      { fn: REE.MAGNET_CAPACITY, args: [300 + (i % 200), null] },
      { fn: REE.HHI, args: [volumes.map((t) => [t])] },
      { fn: REE.CRORE_TO_USD, args: [1_000 + i, null] },
    );
    baseline.push(
      { fn: direct.NDPR_GAP, args: [5_000 + i] },
      { fn: direct.MAGNET_CAPACITY, args: [300 + (i % 200)] },
      { fn: direct.HHI, args: [volumes] },
      { fn: direct.CRORE_TO_USD, args: [1_000 + i] },
    );
  }
  // Both sides once before timing: the runtime's one call site sees every function, so it is
  // megamorphic from the start; measured cold, whichever side ran first got it inlined.
  let sink = invokeAll(throughFunctions) + invokeAll(baseline);
  const { candidateMs, baselineMs } = alternate(
    15,
    () => (sink += invokeAll(throughFunctions)),
    () => (sink += invokeAll(baseline)),
  );
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

interface Invocation {
  fn: Fn;
  args: unknown[];
}

/**
 * Calls one function per invocation, the way the custom-functions runtime calls what was associated
 * with an id: one call site for every function, each with its cell's own argument list. A loop of
 * direct calls with fixed arguments instead lets the compiler inline the bare math and lift it out
 * of the loop (measured at about 2 ns a "call"), which is not what a recalculated cell costs.
 */
function invokeAll(invocations: Invocation[]): number {
  let sum = 0;
  for (let i = 0; i < CALLS; i++) {
    const { fn, args } = invocations[i & (invocations.length - 1)];
    sum += fn.apply(null, args);
  }
  return sum;
}
