/** Definitions of units (not data): they never change with a source. */
export const KG_PER_TONNE = 1000;
/** 1 crore = 10 million. */
export const INR_PER_CRORE = 10_000_000;
export const USD_PER_MILLION = 1_000_000;
export const DAYS_PER_YEAR = 365;
