/**
 * LibreOffice headless as an independent reader of the generated .xlsx: converts every sheet to CSV
 * after recalculating every formula on load.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { findProgram, type Program } from "../support/program";

/** LibreOffice where its installers put it; SOFFICE_PATH overrides. */
const LIBREOFFICE: Program = {
  name: "LibreOffice",
  envVariable: "SOFFICE_PATH",
  envNames: "LibreOffice's soffice",
  debianPackage: "libreoffice-calc-nogui",
  candidates: [
    "/usr/bin/soffice",
    "/usr/bin/libreoffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
  ],
};

export function findSoffice(): string {
  const found = findProgram(LIBREOFFICE);
  // Token 12 = -1 (every sheet to its own CSV) needs LibreOffice 7.2 or later.
  const version = execFileSync(found, ["--version"], { encoding: "utf8" });
  const [major, minor] = (/LibreOffice (\d+)\.(\d+)/.exec(version) ?? []).slice(1).map(Number);
  if (!(major > 7 || (major === 7 && minor >= 2))) {
    throw new Error(`LibreOffice 7.2+ needed to export every sheet, found: ${version.trim()}`);
  }
  return found;
}

/**
 * A fresh profile that recalculates .xlsx formulas on load. LibreOffice 7.4 ignores the file's
 * calcPr fullCalcOnLoad and by default keeps cached results ("never recalculate" headless), so the
 * profile sets Calc's "Recalculation on file load, Excel 2007 and newer" to Always (0).
 */
export function recalculatingProfile(dir: string): string {
  mkdirSync(join(dir, "user"), { recursive: true });
  writeFileSync(
    join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return `file://${dir}`;
}

export type SheetCsv = string[][];

/**
 * Converts each file's every sheet to CSV in one LibreOffice run. Filter tokens: comma, double quote,
 * UTF-8, from line 1, ..., token 9 = save cell contents as shown (formatted) or raw, token 12 = -1 (all
 * sheets, written as <file>-<sheet>.csv). Returns file base name -> sheet name -> rows.
 */
export function convertToCsv(
  soffice: string,
  profileUrl: string,
  files: string[],
  outDir: string,
  asShown: boolean,
): Map<string, Map<string, SheetCsv>> {
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown},false,false,-1`;
  execFileSync(
    soffice,
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=${profileUrl}`,
      "--convert-to",
      filter,
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout: 45_000 },
  );
  const result = new Map<string, Map<string, SheetCsv>>();
  for (const file of files) {
    const base = basename(file, ".xlsx");
    const sheets = new Map<string, SheetCsv>();
    for (const name of readdirSync(outDir)) {
      if (name.startsWith(`${base}-`) && name.endsWith(".csv")) {
        const sheet = name.slice(base.length + 1, -".csv".length);
        sheets.set(sheet, parseCsv(readFileSync(join(outDir, name), "utf8")));
      }
    }
    result.set(base, sheets);
  }
  return result;
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): SheetCsv {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else {
      field += char;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A raw CSV number: LibreOffice keeps the % of percent-formatted cells even when not "as shown". */
export function csvNumber(text: string): number {
  const percent = text.endsWith("%");
  const value = Number(percent ? text.slice(0, -1) : text);
  if (text.trim() === "" || Number.isNaN(value))
    throw new Error(`Not a number in the CSV: "${text}"`);
  return percent ? value / 100 : value;
}

/** A cell showing Excel's error code or LibreOffice's Err:nnn (help text may mention the codes). */
const ERROR_VALUE = /^(#NAME\?|#VALUE!|#REF!|#DIV\/0!|#N\/A|#NUM!|#NULL!|Err:\d{3})$/;

export function hasErrorValue(cell: string): boolean {
  return ERROR_VALUE.test(cell);
}
