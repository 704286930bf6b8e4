/**
 * The Cell view follows the selection through Excel's Workbook.onSelectionChanged (ExcelApi 1.2).
 * The event says only that the selection changed; the view reads it with its next snapshot.
 */
import { isSupported } from "./requirements";

const SELECTION_EVENTS = { set: "ExcelApi", version: "1.2" } as const;

/** Calls `listener` after each change of selection; returns what removes the handler again. */
export function watchSelection(listener: () => void): () => void {
  if (!isSupported(SELECTION_EVENTS)) return () => undefined;
  let stopped = false;
  const added = Excel.run(async (context) => {
    const handler = context.workbook.onSelectionChanged.add(async () => {
      if (!stopped) listener();
    });
    await context.sync();
    return handler;
  }).catch(() => null);
  return () => {
    stopped = true;
    // The handler is removed in the context that added it, as Office.js requires.
    void added.then((handler) =>
      handler
        ? Excel.run(handler.context, async (context) => {
            handler.remove();
            await context.sync();
          }).catch(() => undefined)
        : undefined,
    );
  };
}
