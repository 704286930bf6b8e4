/**
 * Periods of the reference data as a time axis. India's fiscal year runs April to March and is
 * written "FY25" (April 2024 to March 2025); a half of it is "H1 FY26" (April to September 2025)
 * or "H2 FY26" (October 2025 to March 2026); a calendar year is "2024". Fiscal and calendar
 * periods are different axes and are never compared with each other.
 */

export type PeriodAxis = "fiscal" | "calendar";

export interface Period {
  /** As written in the data: "FY25", "H1 FY26", "2024". */
  label: string;
  axis: PeriodAxis;
  /** First month, counted as year * 12 + month index (January = 0). */
  startMonth: number;
  /** Length in months: 12 for a year, 6 for a half. */
  months: number;
}

const FISCAL_YEAR = /^FY\s?(\d{2})$/i;
const FISCAL_HALF = /^H([12])\s?FY\s?(\d{2})$/i;
const CALENDAR_YEAR = /^(\d{4})$/;
/** India's fiscal year starts in April (month index 3) of the calendar year before its number. */
const FISCAL_START_MONTH = 3;

/** The period a label names, or undefined for one that is not on either axis ("current", "annual"). */
export function parsePeriod(text: string): Period | undefined {
  const label = text.trim();
  const fiscal = FISCAL_YEAR.exec(label);
  if (fiscal) {
    const endYear = 2000 + Number(fiscal[1]);
    return {
      label: `FY${fiscal[1]}`,
      axis: "fiscal",
      startMonth: (endYear - 1) * 12 + FISCAL_START_MONTH,
      months: 12,
    };
  }
  const half = FISCAL_HALF.exec(label);
  if (half) {
    const endYear = 2000 + Number(half[2]);
    const offset = half[1] === "1" ? 0 : 6;
    return {
      label: `H${half[1]} FY${half[2]}`,
      axis: "fiscal",
      startMonth: (endYear - 1) * 12 + FISCAL_START_MONTH + offset,
      months: 6,
    };
  }
  const calendar = CALENDAR_YEAR.exec(label);
  if (calendar) {
    return { label, axis: "calendar", startMonth: Number(calendar[1]) * 12, months: 12 };
  }
  return undefined;
}

/** The first month after the period. */
export const periodEnd = (period: Period): number => period.startMonth + period.months;
