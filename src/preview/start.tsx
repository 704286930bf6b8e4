import { createRoot } from "react-dom/client";
import { PreviewApp } from "./PreviewApp";
import { createPreviewWorkbook } from "./workbook";

export function start(root: HTMLElement): void {
  const workbook = createPreviewWorkbook({ withReeFunctions: true });
  createRoot(root).render(<PreviewApp workbook={workbook} />);
}
