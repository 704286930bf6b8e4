/** Task pane entry in Excel: waits for Office, then runs the pane against the Office.js port. */
import { createRoot } from "react-dom/client";
import { createDeferredExcelPort } from "../excel/deferredPort";
import { canOpenNewWorkbook, openAsNewWorkbook } from "../excel/newWorkbook";
import { checkRequirements } from "../excel/requirements";
import { App } from "./App";
import { downloadFile } from "./share/download";
import { currentScheme } from "./officeTheme";
import type { DeliverWorkbook } from "./share/StandalonePanel";
import { loadTheme } from "./theme";

// Excel desktop task panes cannot download files: open the workbook in Excel where the API allows.
const deliverWorkbook: DeliverWorkbook = async (bytes, fileName, mime) =>
  canOpenNewWorkbook() ? openAsNewWorkbook(bytes) : downloadFile(bytes, fileName, mime);

Office.onReady(async ({ host }) => {
  const root = document.getElementById("root");
  // Outside Excel (a browser, another Office app) startup.js explains how to open the add-in.
  // Compared as text (Office.HostType.Excel is "Excel"): the pane needs only onReady from Office.js.
  if (!root || String(host) !== "Excel") return;
  // From here startup.js shows no message, and one shown while Excel was slow to answer goes.
  root.dataset.pane = "starting";
  root.replaceChildren();
  // A pane that opens dark paints dark from its first frame.
  await loadTheme(currentScheme("excel"));
  createRoot(root).render(
    <App
      port={createDeferredExcelPort()}
      host="excel"
      warnings={checkRequirements()}
      deliverWorkbook={deliverWorkbook}
    />,
  );
});
