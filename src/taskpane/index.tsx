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
import type { DeliverWorkbook } from "./StandalonePanel";

// Excel desktop task panes cannot download files: open the workbook in Excel where the API allows.
const deliverWorkbook: DeliverWorkbook = async (bytes, fileName, mime) =>
  canOpenNewWorkbook() ? openAsNewWorkbook(bytes) : downloadFile(bytes, fileName, mime);

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(
    <App
      port={createExcelPort()}
      host="excel"
      warnings={checkRequirements()}
      deliverWorkbook={deliverWorkbook}
    />,
  );
});
