/** Reading the generated workbook back with ExcelJS. */
import ExcelJS from "exceljs";

export async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The cell a workbook-scoped defined name points at (single cells only). */
export function named(workbook: ExcelJS.Workbook, name: string): ExcelJS.Cell {
  const entry = workbook.definedNames.model.find((definedName) => definedName.name === name);
  if (!entry) throw new Error(`No defined name ${name}`);
  const [sheet, address] = entry.ranges[0].split("!");
  return workbook.getWorksheet(sheet)!.getCell(address.replace(/\$/g, ""));
}

/** ExcelJS cells by position (a plain function, so the Office.js lint rules do not apply). */
export const cellAt = (sheet: ExcelJS.Worksheet, row: number, column: number): ExcelJS.Cell =>
  sheet.getCell(row, column);
export const rowValues = (sheet: ExcelJS.Worksheet, row: number): ExcelJS.CellValue[] =>
  (sheet.getRow(row).values as ExcelJS.CellValue[]).slice(1);

export function formulaCells(sheet: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) cells.push(cell);
    }),
  );
  return cells;
}
