import { createRoot } from "react-dom/client";
import { currentScheme } from "../taskpane/officeTheme";
import { loadTheme } from "../taskpane/theme";
import { PreviewApp } from "./PreviewApp";
import { fetchSavedWorkbook, openSavedWorkbook } from "./savedWorkbook";
import { createPreviewWorkbook } from "./workbook";

export async function start(root: HTMLElement): Promise<void> {
  const workbook = createPreviewWorkbook({ withReeFunctions: true });
  // ?workbook=<path>: open a saved workbook (one an earlier data release wrote) instead of a blank one.
  const saved = await fetchSavedWorkbook(new URL(window.location.href));
  if (saved) await openSavedWorkbook(workbook.port, saved);
  await loadTheme(currentScheme("preview"));
  createRoot(root).render(<PreviewApp workbook={workbook} />);
}
