/**
 * One LibreOffice recalculation run for a test file: a temporary folder with a profile that
 * recalculates every formula on load, made in beforeAll and removed in afterAll.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  convertToCsv,
  findSoffice,
  recalculatingProfile,
  type SheetCsv,
} from "../standalone/libreoffice";

export interface Recalculation {
  /** The folder the test writes its .xlsx files into. */
  dir: string;
  /** Every sheet of each named file in `dir`, recalculated, as CSV (raw or as shown) under `outName`. */
  convert(files: string[], outName: string, asShown: boolean): Map<string, Map<string, SheetCsv>>;
  remove(): void;
}

export function startRecalculation(prefix: string): Recalculation {
  const soffice = findSoffice();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const profile = recalculatingProfile(join(dir, "profile"));
  return {
    dir,
    convert: (files, outName, asShown) =>
      convertToCsv(
        soffice,
        profile,
        files.map((file) => join(dir, file)),
        join(dir, outName),
        asShown,
      ),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
