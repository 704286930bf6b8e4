/**
 * How a figure reads as text: qualifier, unit, percentages from fractions, Indian digit grouping for
 * rupee amounts. Pure, so the pane, the card a cell carries and the tests share one rule.
 */
import type { Fact, Qualifier } from "../data";

interface UnitStyle {
  prefix?: string;
  suffix?: string;
  /** Multiplier before display (fractions shown as percentages). */
  scale?: number;
  locale?: string;
  maxFractionDigits?: number;
  grouping?: boolean;
}

const UNIT_STYLES: Record<string, UnitStyle> = {
  t: { suffix: " t" },
  "t/yr": { suffix: " t/yr" },
  "%": { suffix: "%", scale: 100, maxFractionDigits: 1 },
  "%/yr": { suffix: "%/yr", scale: 100, maxFractionDigits: 1 },
  "INR crore": { prefix: "₹", suffix: " crore", locale: "en-IN" },
  "USD million": { prefix: "US$", suffix: " million" },
  "INR/USD": { prefix: "₹", suffix: " per US$" },
  "kg/vehicle": { suffix: " kg/vehicle" },
  "t/t": { suffix: " t per t", maxFractionDigits: 3 },
  count: {},
  rank: { prefix: "rank " },
  year: { grouping: false },
  years: { suffix: " years" },
};

/** Digits grouped in threes, or as in India (the last three, then twos): "1,234,567", "12,34,567". */
function group(digits: string, locale: string): string {
  if (locale !== "en-IN" || digits.length <= 3) return digits.replace(/\B(?=(\d{3})+$)/g, ",");
  return `${digits.slice(0, -3).replace(/\B(?=(\d{2})+$)/g, ",")},${digits.slice(-3)}`;
}

/**
 * What Intl.NumberFormat(locale, { maximumFractionDigits, useGrouping }) gives for en-US and en-IN,
 * without it: building the first Intl formatter in a page costs ~15-20 ms, paid on the pane's start.
 * Rounds half away from zero on the shortest decimal form, as Intl does.
 */
export function formatNumber(
  value: number,
  locale: string,
  maxFractionDigits: number,
  grouping: boolean,
) {
  const magnitude = Math.abs(value);
  const shifted = Math.round(Number(`${magnitude}e${maxFractionDigits}`));
  if (!Number.isFinite(value) || /e/.test(`${magnitude}`) || !Number.isSafeInteger(shifted)) {
    return new Intl.NumberFormat(locale, {
      maximumFractionDigits: maxFractionDigits,
      useGrouping: grouping,
    }).format(value);
  }
  const digits = String(shifted).padStart(maxFractionDigits + 1, "0");
  const whole = digits.slice(0, digits.length - maxFractionDigits);
  const fraction = digits.slice(digits.length - maxFractionDigits).replace(/0+$/, "");
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  return `${sign}${grouping ? group(whole, locale) : whole}${fraction ? `.${fraction}` : ""}`;
}

/**
 * The grouping every figure takes unless its unit has its own (rupees are always Indian): "en-IN"
 * under the pane's Indian presentation option (12,34,567), "en-US" otherwise.
 */
let paneLocale: "en-US" | "en-IN" = "en-US";

/** Switches the grouping; the option's owner re-renders what it shows. */
export function setIndianGrouping(indian: boolean): void {
  paneLocale = indian ? "en-IN" : "en-US";
}

/** A bare number in a unit's style, without prefix or suffix: 1345 INR crore -> "1,345", 0.84 % -> "84". */
function bare(value: number, style: UnitStyle): string {
  const scaled = value * (style.scale ?? 1);
  // Float noise from scaling (0.07 * 100 = 7.000000000000001) must not show.
  const clean = Number(scaled.toPrecision(12));
  const digits = style.maxFractionDigits ?? (Math.abs(clean) < 1 && clean !== 0 ? 3 : 2);
  return formatNumber(clean, style.locale ?? paneLocale, digits, style.grouping ?? true);
}

function styleFor(unit: string | undefined): UnitStyle {
  return (unit && UNIT_STYLES[unit]) || { suffix: unit ? ` ${unit}` : "" };
}

/** A number with its unit: formatAmount(1234567, "INR crore") -> "₹12,34,567 crore". */
export function formatAmount(value: number, unit?: string): string {
  const style = styleFor(unit);
  return `${style.prefix ?? ""}${bare(value, style)}${style.suffix ?? ""}`;
}

/**
 * A figure's bounds: "₹86.46–87.09 per US$" with both, "at least 53,000 t" or "at most 5%" with one,
 * "none" without.
 */
export function formatBounds(low: number | null, high: number | null, unit?: string): string {
  if (low !== null && high !== null) {
    const style = styleFor(unit);
    return `${style.prefix ?? ""}${bare(low, style)}–${bare(high, style)}${style.suffix ?? ""}`;
  }
  if (low !== null) return `at least ${formatAmount(low, unit)}`;
  if (high !== null) return `at most ${formatAmount(high, unit)}`;
  return "none";
}

const QUALIFIER_WORDS: Record<Exclude<Qualifier, "exact" | "range">, string> = {
  approx: "≈ ",
  over: "over ",
  under: "under ",
};

/** A fact's figure as the articles state it: "≈ 6,000 t/yr", "over 90%", "400–500 t", "₹1,345 crore". */
export function formatFactValue(
  fact: Pick<Fact, "value" | "low" | "high" | "qualifier" | "unit">,
): string {
  if (fact.qualifier === "range" && fact.low !== null && fact.high !== null) {
    return formatBounds(fact.low, fact.high, fact.unit);
  }
  const word =
    fact.qualifier === "exact" || fact.qualifier === "range" ? "" : QUALIFIER_WORDS[fact.qualifier];
  return word + formatAmount(fact.value, fact.unit);
}
