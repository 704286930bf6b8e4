/**
 * Whether this Excel can store citation cards. Its own small module: the pane asks before it loads
 * the Office.js port (see deferredPort.ts).
 */
import type { CardSupport } from "../workbook/port";
import { isSupported } from "./requirements";

/** Cards are entity values: ExcelApi 1.16 writes them (Range.valuesAsJson). */
const CARDS = { set: "ExcelApi", version: "1.16" } as const;

export function cardSupport(): CardSupport {
  return isSupported(CARDS)
    ? { ok: true }
    : {
        ok: false,
        reason:
          "This version of Excel cannot store cards in cells: that needs ExcelApi 1.16 (Microsoft 365 from Version 2208, Excel 2024, Excel on the web, Excel for Mac 16.64); Excel 2021 and older lack it.",
      };
}
