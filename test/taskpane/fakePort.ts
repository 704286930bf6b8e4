/**
 * Test-only, in-memory WorkbookPort: records every plan and selection, and can be told that the
 * target holds data or that the host fails. Not the preview workbook (that one computes formulas).
 */
import type {
  CardSupport,
  CellBlock,
  ReadableWorkbookPort,
  SheetRef,
  SpillRead,
  SnapshotRequest,
  WorkbookSnapshot,
  WritePlan,
} from "../../src/workbook/port";
import { columnLetters, parseRange } from "../../src/workbook/address";

const SELECTION: SheetRef = { sheet: "Sheet1", address: "B2" };

export class FakeWorkbookPort implements ReadableWorkbookPort {
  readonly applied: WritePlan[] = [];
  readonly selected: SheetRef[] = [];
  sheetNames = ["Sheet1"];
  /** What snapshot() reports about a probed range. */
  probeIsEmpty = true;
  /** Thrown by snapshot() and apply() when set. */
  failure: Error | null = null;
  /** What cardSupport() reports: a host with ExcelApi 1.16 by default. */
  cards: CardSupport = { ok: true };

  async snapshot(request: SnapshotRequest = {}): Promise<WorkbookSnapshot> {
    if (this.failure) throw this.failure;
    const { probe } = request;
    const end = probe && `${columnLetters(probe.columns)}${probe.rows + 1}`;
    return {
      sheetNames: [...this.sheetNames],
      tables: this.applied.flatMap((plan) =>
        plan.tables.map((table) => ({
          name: table.name,
          sheet: table.sheet,
          // The pane's tests append no rows: a table keeps the rows it was made with.
          dataRows: parseRange(table.address).rows - 1,
        })),
      ),
      definedNames: this.applied.flatMap((plan) => plan.names.map((name) => name.name)),
      metadata: {},
      activeSheet: SELECTION.sheet,
      selection: SELECTION,
      probe: probe && {
        target: { sheet: SELECTION.sheet, address: `B2:${end}` },
        isEmpty: this.probeIsEmpty,
      },
    };
  }

  async apply(plan: WritePlan): Promise<void> {
    if (this.failure) throw this.failure;
    this.applied.push(plan);
    this.sheetNames.push(...plan.newSheets);
  }

  async select(target: SheetRef): Promise<void> {
    this.selected.push(target);
  }

  /** The pane's component tests insert and browse; reading cells back is the preview's business. */
  async readCells(): Promise<CellBlock[]> {
    return [];
  }

  async readSpills(anchors: readonly SheetRef[]): Promise<SpillRead[]> {
    return anchors.map((anchor) => ({ anchor, spill: null }));
  }

  async readCards(cells: readonly SheetRef[]): Promise<unknown[]> {
    return cells.map(() => null);
  }

  cardSupport(): CardSupport {
    return this.cards;
  }
}
