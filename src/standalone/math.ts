/**
 * The supply math of the standalone Model sheet, evaluated in TypeScript so every formula cell can
 * carry a cached result (a reader that does not recalculate still shows numbers). Deliberately its own
 * small copy of the REE functions' math: the generated file must not depend on the add-in's code.
 * Each function states the native formula it mirrors.
 */

/** =oxide_t/Oxide_Per_Magnet */
export function magnetCapacity(oxideT: number, oxidePerMagnet: number): number {
  return oxideT / oxidePerMagnet;
}

/** =magnet_t*Oxide_Per_Magnet */
export function oxideRequired(magnetT: number, oxidePerMagnet: number): number {
  return magnetT * oxidePerMagnet;
}

/** =SUMPRODUCT((values/SUM(values))^2)*10000 */
export function hhi(values: readonly number[]): number {
  const total = values.reduce((sum, value) => sum + value, 0);
  if (total <= 0) throw new Error("HHI needs volumes with a positive total");
  return values.reduce((sum, value) => sum + (value / total) ** 2, 0) * 10000;
}

/** US DOJ/FTC 2010 bands: =IF(hhi<1500,"unconcentrated",IF(hhi<=2500,"moderately concentrated","highly concentrated")) */
export function concentration(index: number): string {
  if (index < 1500) return "unconcentrated";
  if (index <= 2500) return "moderately concentrated";
  return "highly concentrated";
}

export interface BalanceInputs {
  demandBase: number;
  demandGrowth: number;
  domesticBase: number;
  domesticGrowth: number;
  recyclingShare: number;
  startYear: number;
  endYear: number;
}

export interface BalanceRow {
  year: number;
  demand: number;
  domestic: number;
  recycled: number;
  imports: number;
  selfSufficiency: number;
}

/** One year of the balance; null past End_Year (the sheet's row then shows blanks). */
export function balanceRow(inputs: BalanceInputs, year: number): BalanceRow | null {
  if (year > inputs.endYear) return null;
  const elapsed = year - inputs.startYear;
  const demand = inputs.demandBase * (1 + inputs.demandGrowth) ** elapsed;
  const domestic = inputs.domesticBase * (1 + inputs.domesticGrowth) ** elapsed;
  const recycled = demand * inputs.recyclingShare;
  return {
    year,
    demand,
    domestic,
    recycled,
    imports: Math.max(0, demand - domestic - recycled),
    selfSufficiency: (domestic + recycled) / demand,
  };
}
