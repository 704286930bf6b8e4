/**
 * Names Excel accepts, made unique against what the workbook already holds. Sheet names compare
 * case-insensitively; table names and defined names share one case-insensitive namespace.
 */
import { MAX_COLUMNS, MAX_ROWS, columnIndex } from "./address";

export const SHEET_NAME_MAX = 31;
const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;
/** Excel reserves this sheet name (it belongs to the change-history feature). */
const RESERVED_SHEETS = new Set(["history"]);

const NAME_MAX = 255;
const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const RESERVED_NAMES = new Set(["true", "false"]);

const fold = (text: string): string => text.toLowerCase();

/** A sheet name Excel accepts: no []:*?/\, no leading or trailing apostrophe, 1-31 characters. */
function cleanSheetName(base: string): string {
  const cleaned = base
    .replace(SHEET_FORBIDDEN, " ")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .slice(0, SHEET_NAME_MAX)
    .trim();
  return cleaned === "" || RESERVED_SHEETS.has(fold(cleaned)) ? "Sheet" : cleaned;
}

export function isValidSheetName(name: string): boolean {
  return name === cleanSheetName(name) && name.length > 0;
}

/** "Sources", then "Sources (2)", "Sources (3)" ...; the base is shortened so the suffix fits. */
export function uniqueSheetName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map(fold));
  const clean = cleanSheetName(base);
  if (!used.has(fold(clean))) return clean;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${clean.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(fold(candidate))) return candidate;
  }
}

/** True for text Excel would read as a cell reference: "A1", "xfd1048576", "R1C1", "R", "C3", "RC". */
export function looksLikeCellReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1) {
    const row = Number(a1[2]);
    return columnIndex(a1[1]) < MAX_COLUMNS && row >= 1 && row <= MAX_ROWS;
  }
  return /^[Rr](\d*)([Cc](\d*))?$/.test(name) || /^[Cc]\d*$/.test(name);
}

/** A table or defined name: starts with a letter or underscore, then letters, digits, _ or . */
export function isValidName(name: string): boolean {
  return (
    name.length <= NAME_MAX &&
    NAME_PATTERN.test(name) &&
    !looksLikeCellReference(name) &&
    !RESERVED_NAMES.has(fold(name))
  );
}

/** Replaces what Excel refuses in a name; a name that would read as a cell reference gets a "_". */
export function cleanName(base: string): string {
  let name = base.replace(/[^A-Za-z0-9_.]/g, "_").slice(0, NAME_MAX - 4);
  if (!/^[A-Za-z_]/.test(name)) name = `_${name}`;
  if (!isValidName(name)) name = `${name}_`;
  return name;
}

/** "REE_Facts", then "REE_Facts_2", "REE_Facts_3" ... unique across tables and defined names. */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map(fold));
  const clean = cleanName(base);
  if (!used.has(fold(clean))) return clean;
  for (let n = 2; ; n++) {
    const candidate = `${clean}_${n}`;
    if (!used.has(fold(candidate))) return candidate;
  }
}
