import { DATA_VERSION } from "../data";

/**
 * The reference data set's version and date, e.g. "1.0.0 (2026-11-22)".
 * @customfunction DATA_VERSION
 * @helpurl https://localhost:3000/help/DATA_VERSION.html
 * @returns The data set version and its date.
 */
export function dataVersion(): string {
  return `${DATA_VERSION.version} (${DATA_VERSION.date})`;
}
