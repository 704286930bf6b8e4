/**
 * The Office.js port, loaded on its first call. The pane's first screen (the search) never reads or
 * writes the workbook, so the port's code stays out of the scripts the pane parses before it can
 * be used; an insert loads it (a local chunk) before its first request.
 */
import type { ReadableWorkbookPort } from "../workbook/port";
import { cardSupport } from "./cardSupport";
import { watchSelection } from "./selection";

export function createDeferredExcelPort(): ReadableWorkbookPort {
  let loaded: Promise<ReadableWorkbookPort> | undefined;
  const port = () =>
    (loaded ??= import(/* webpackChunkName: "excel-port" */ "./excelPort").then((module) =>
      module.createExcelPort(),
    ));
  return {
    snapshot: async (request) => (await port()).snapshot(request),
    apply: async (plan) => (await port()).apply(plan),
    select: async (target) => (await port()).select(target),
    readCells: async (scope) => (await port()).readCells(scope),
    readSpills: async (anchors) => (await port()).readSpills(anchors),
    readCards: async (cells) => (await port()).readCards(cells),
    // Both answer at once, without the port: a requirement check, and an event handler.
    cardSupport,
    watchSelection,
  };
}
