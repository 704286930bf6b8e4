import { createRoot } from "react-dom/client";
import { currentScheme } from "../taskpane/officeTheme";
import { loadTheme } from "../taskpane/theme";
import { PreviewApp } from "./PreviewApp";
import { createPreviewWorkbook } from "./workbook";

export async function start(root: HTMLElement): Promise<void> {
  const workbook = createPreviewWorkbook({ withReeFunctions: true });
  await loadTheme(currentScheme("preview"));
  createRoot(root).render(<PreviewApp workbook={workbook} />);
}
