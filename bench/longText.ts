// Figure: the slowest answer to a full-length (32,767-character) text in any parameter of any REE
// function, against one plain pass over the same text in JavaScript. A call that reads the text a
// bounded number of times stays a small multiple of that pass; a quadratic path (one took seconds
// before it was fixed) is thousands of passes. The fuzz test checks what each call answers.
import { loadFunctionsBundle, readMetadata } from "../test/support/functionsBundle";
import { longTextCalls } from "../test/support/longTexts";
import { median, msOf } from "./timing";
import type { BenchRow } from "./types";

const SAMPLES = 7;
/** Baseline passes per sample: one pass is tens of microseconds, too short to time alone. */
const PASSES = 20;

let sink = 0;

/** One pass over the text: what reading it once costs on this machine. */
function onePass(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
  }
  return digits;
}

export function longTextRows(): BenchRow[] {
  const registered = loadFunctionsBundle();
  let worst = { label: "", callMs: 0, passMs: 1, ratio: 0 };
  for (const { id, parameter, text, args } of longTextCalls(readMetadata().functions)) {
    const fn = registered.get(id)!;
    const call = () => {
      try {
        fn(...args);
      } catch {
        sink++; // most answers are an Excel error: that is the path being timed
      }
    };
    const pass = () => {
      for (let i = 0; i < PASSES; i++) sink += onePass(text);
    };
    call(); // the first call compiles the path
    pass();
    const callTimes: number[] = [];
    const passTimes: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      callTimes.push(msOf(call));
      passTimes.push(msOf(pass) / PASSES);
    }
    const [callMs, passMs] = [median(callTimes), median(passTimes)];
    if (callMs / passMs > worst.ratio) {
      worst = { label: `REE.${id}(${parameter})`, callMs, passMs, ratio: callMs / passMs };
    }
  }
  if (sink < 0) console.log(sink); // keeps the passes from being optimised away
  return [
    {
      figure: `A 32,767-character text in any parameter: slowest call (${worst.label}) against one pass over the text`,
      value: worst.callMs,
      unit: "ms",
      baseline: worst.passMs,
      ratio: worst.ratio,
      budgetKey: "longTextPassRatio",
      limits: "ratio",
    },
  ];
}
