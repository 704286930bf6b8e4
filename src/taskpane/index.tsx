/** Task pane entry in Excel: waits for Office, then runs the pane against the Office.js port. */
import { createRoot } from "react-dom/client";
import {
  canOpenNewWorkbook,
  checkRequirements,
  createExcelPort,
  openAsNewWorkbook,
} from "../excel";
import { App } from "./App";
import { downloadFile } from "./download";
import { currentScheme } from "./officeTheme";
import type { DeliverWorkbook } from "./StandalonePanel";
import { loadTheme } from "./theme";

// Excel desktop task panes cannot download files: open the workbook in Excel where the API allows.
const deliverWorkbook: DeliverWorkbook = async (bytes, fileName, mime) =>
  canOpenNewWorkbook() ? openAsNewWorkbook(bytes) : downloadFile(bytes, fileName, mime);

Office.onReady(async () => {
  const root = document.getElementById("root");
  if (!root) return;
  // A pane that opens dark paints dark from its first frame.
  await loadTheme(currentScheme("excel"));
  createRoot(root).render(
    <App
      port={createExcelPort()}
      host="excel"
      warnings={checkRequirements()}
      deliverWorkbook={deliverWorkbook}
    />,
  );
});
