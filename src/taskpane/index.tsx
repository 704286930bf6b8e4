/** Task pane entry in Excel: waits for Office, then runs the pane against the Office.js port. */
import { createRoot } from "react-dom/client";
import { checkRequirements, createExcelPort } from "../excel";
import { App } from "./App";

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(
    <App port={createExcelPort()} host="excel" warnings={checkRequirements()} />,
  );
});
