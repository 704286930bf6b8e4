/**
 * What a host reports for a new workbook: one empty sheet, Sheet1, with A1 selected. Tests and the
 * bench plan inserts against it; `extra` sets another selection, a probe or names in use.
 */
import type { WorkbookSnapshot } from "../../src/workbook/port";

export function blankSnapshot(extra: Partial<WorkbookSnapshot> = {}): WorkbookSnapshot {
  return {
    sheetNames: ["Sheet1"],
    tables: [],
    definedNames: [],
    metadata: {},
    activeSheet: "Sheet1",
    selection: { sheet: "Sheet1", address: "A1" },
    ...extra,
  };
}

/** The new workbook with `selected` selected and `probed` (from it) checked empty. */
export function selectionSnapshot(
  selected: string,
  probed: string,
  extra: Partial<WorkbookSnapshot> = {},
): WorkbookSnapshot {
  return blankSnapshot({
    selection: { sheet: "Sheet1", address: selected },
    probe: { target: { sheet: "Sheet1", address: probed }, isEmpty: true },
    ...extra,
  });
}
