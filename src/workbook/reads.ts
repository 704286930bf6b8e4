/** Helpers over the cell blocks a host reads (CellReader.readCells): formula cells, and what a range holds. */
import type { CellValue } from "../data";
import { cellAddress, parseRange } from "./address";
import { cardIdentity, type CardIdentity, type EntityCard } from "../model/card";
import type { CellBlock, CellReader, SheetRef } from "./port";

/** A cell that holds a formula, with the value it shows. */
export interface FormulaCellRead extends SheetRef {
  formula: string;
  value: CellValue;
}

/** What a cell holds as read back: its formula if it has one, and the value it shows. */
export interface CellContent {
  formula: string | null;
  value: CellValue;
}

/** Every formula cell of the blocks, sheet by sheet, row by row. */
export function formulaCells(blocks: readonly CellBlock[]): FormulaCellRead[] {
  return blocks.flatMap((block) => {
    const start = parseRange(block.address);
    return block.formulas.flatMap((row, r) =>
      row.flatMap((formula, c) =>
        formula === null
          ? []
          : [
              {
                sheet: block.sheet,
                address: cellAddress({ row: start.row + r, column: start.column + c }),
                formula,
                value: block.values[r]?.[c] ?? null,
              },
            ],
      ),
    );
  });
}

/** What the cells of `range` hold, row by row (empty outside what was read); null if the sheet was not read. */
export function contentOf(blocks: readonly CellBlock[], range: SheetRef): CellContent[][] | null {
  const sheet = range.sheet.toLowerCase();
  const found = blocks.filter((block) => block.sheet.toLowerCase() === sheet);
  if (found.length === 0) return null;
  const box = parseRange(range.address);
  return Array.from({ length: box.rows }, (_, r) =>
    Array.from({ length: box.columns }, (_, c): CellContent => {
      const row = box.row + r;
      const column = box.column + c;
      for (const block of found) {
        const at = parseRange(block.address);
        const [i, j] = [row - at.row, column - at.column];
        if (i >= 0 && j >= 0 && i < at.rows && j < at.columns) {
          return { formula: block.formulas[i]?.[j] ?? null, value: block.values[i]?.[j] ?? null };
        }
      }
      return { formula: null, value: null };
    }),
  );
}

/** A cell holding one of our cards, with what the card says it holds. */
export interface CardCellRead extends SheetRef {
  card: EntityCard;
  identity: CardIdentity;
}

/**
 * The cards of ours among the blocks' cells: Excel reads an entity as "#VALUE!", so only those
 * value cells are asked for their JSON (one more read, none when there are none).
 */
export async function cardCells(
  reader: Pick<CellReader, "readCards">,
  blocks: readonly CellBlock[],
): Promise<CardCellRead[]> {
  const candidates = blocks.flatMap((block) => {
    const start = parseRange(block.address);
    return block.values.flatMap((row, r) =>
      row.flatMap((shown, c) =>
        shown === "#VALUE!" && block.formulas[r]?.[c] === null
          ? [
              {
                sheet: block.sheet,
                address: cellAddress({ row: start.row + r, column: start.column + c }),
              },
            ]
          : [],
      ),
    );
  });
  if (candidates.length === 0) return [];
  const json = await reader.readCards(candidates);
  return candidates.flatMap((cell, i) => {
    const identity = cardIdentity(json[i]);
    return identity ? [{ ...cell, card: json[i] as EntityCard, identity }] : [];
  });
}
