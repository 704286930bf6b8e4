/** Opening a generated .xlsx in Excel itself: desktop task panes cannot download files. */

/** Excel.createWorkbook needs ExcelApi 1.8. */
export function canOpenNewWorkbook(): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", "1.8");
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  // In slices: String.fromCharCode with one argument per byte overflows the stack on large files.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Opens the bytes as a new, unsaved workbook window; the user saves it where they like. */
export async function openAsNewWorkbook(bytes: Uint8Array): Promise<string> {
  await Excel.createWorkbook(toBase64(bytes));
  return "Opened as a new workbook: save it (File > Save As) to keep it.";
}
