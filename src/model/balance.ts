/**
 * Supply balance: demand met by domestic supply, recycling and imports, year by year, plus the
 * stock-and-flow ratios a planner reads off it (reserve life, days of stockpile cover).
 */
import { divisor, growthRate, nonNegative, share, wholeNumber } from "./checks";
import { differenceOf } from "./float";
import { MAX_YEARS } from "./growth";
import { spillTable, type Spill } from "./spill";
import { BALANCE_HEADER } from "./spillHeaders";
import { DAYS_PER_YEAR } from "./units";

/** Tonnes of demand met by recycled material at a recycling share. */
export function recycledSupply(demandT: number, recyclingShare: number): number {
  return nonNegative(demandT, "demand_t") * share(recyclingShare, "share");
}

/** Years of production the reserves cover at the current rate. */
export function reserveLife(reservesT: number, productionT: number): number {
  nonNegative(reservesT, "reserves_t");
  return reservesT / divisor(productionT, "production_t");
}

/** Days of use a stockpile covers. */
export function stockpileDays(stockT: number, annualUseT: number): number {
  nonNegative(stockT, "stock_t");
  return (stockT / divisor(annualUseT, "annual_use_t")) * DAYS_PER_YEAR;
}

export interface BalanceInput {
  years: number;
  demand: number;
  growth: number;
  domestic: number;
  domesticGrowth: number;
  recyclingShare: number;
  /** First year label; when absent rows are numbered 0, 1, 2 ... */
  startYear?: number;
}

export interface BalanceRow {
  year: number;
  demand: number;
  domestic: number;
  recycled: number;
  imports: number;
  selfSufficiency: number;
}

/**
 * Year i: demand x (1 + growth)^i, domestic x (1 + domestic growth)^i, recycled = demand x share,
 * imports = what is left (never negative; exactly 0 when supply meets demand up to rounding),
 * self-sufficiency = (domestic + recycled) / demand.
 */
export function supplyBalance(input: BalanceInput): BalanceRow[] {
  wholeNumber(input.years, "years", 1, MAX_YEARS);
  divisor(input.demand, "demand");
  growthRate(input.growth, "growth");
  nonNegative(input.domestic, "domestic");
  growthRate(input.domesticGrowth, "domestic_growth");
  share(input.recyclingShare, "recycling_share");
  if (input.startYear !== undefined) wholeNumber(input.startYear, "start_year", 0, 9999);
  return Array.from({ length: input.years }, (_, i) => {
    const demand = input.demand * (1 + input.growth) ** i;
    const domestic = input.domestic * (1 + input.domesticGrowth) ** i;
    const recycled = demand * input.recyclingShare;
    return {
      year: (input.startYear ?? 0) + i,
      demand,
      domestic,
      recycled,
      imports: Math.max(0, differenceOf(demand, domestic + recycled)),
      selfSufficiency: (domestic + recycled) / demand,
    };
  });
}

/** The balance as a spill: header row, then one row per year. */
export function supplyBalanceTable(input: BalanceInput): Spill {
  return spillTable(BALANCE_HEADER, supplyBalance(input), (row) => [
    row.year,
    row.demand,
    row.domestic,
    row.recycled,
    row.imports,
    row.selfSufficiency,
  ]);
}
