/**
 * The Cell view's data: the selected cell's trace and, when it shows an REE error, why. The
 * workbook is read once per selection (one snapshot, one read of every sheet: a few round trips
 * however many precedents), and everything else is computed from that read in memory.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReadableWorkbookPort, SheetRef } from "../../workbook/port";
import { CellIndex } from "../../workbook/trace/cells";
import { explainError, type ErrorExplanation } from "./evaluate";
import { readWorkbook, traceFrom, type CellTrace } from "../../workbook/trace/trace";
import { describeProblem, type Problem } from "../insert/insert";

export type CellState =
  | { phase: "reading" }
  | {
      phase: "ready";
      /** A newer read is under way: what is shown is the previous selection's. */
      stale: boolean;
      cell: SheetRef;
      trace: CellTrace;
      explanation: ErrorExplanation | null;
      /** The read everything was computed from: the builder's live result reads it too. */
      index: CellIndex;
    }
  | { phase: "failed"; problem: Problem };

/** A burst of selection changes (arrow keys held down) costs one read, after it settles. */
const SETTLE_MS = 150;

export function useCellTrace(port: ReadableWorkbookPort): {
  state: CellState;
  refresh(): void;
} {
  const [state, setState] = useState<CellState>({ phase: "reading" });
  // Only the newest read may set the state: an older one can finish after it.
  const latest = useRef(0);

  const refresh = useCallback(() => {
    const run = ++latest.current;
    // The last result stays while the next is read: the builder keeps what the user typed.
    setState((current) =>
      current.phase === "ready" ? { ...current, stale: true } : { phase: "reading" },
    );
    readWorkbook(port).then(
      (read) => {
        if (run !== latest.current) return;
        const index = new CellIndex(read);
        const trace = traceFrom(read, read.snapshot.selection, index);
        const cell = trace.root.cell as SheetRef;
        const explanation = explainError(index, cell);
        setState({ phase: "ready", stale: false, cell, trace, explanation, index });
      },
      (error: unknown) => {
        if (run === latest.current) setState({ phase: "failed", problem: describeProblem(error) });
      },
    );
  }, [port]);

  useEffect(() => {
    refresh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = port.watchSelection?.(() => {
      clearTimeout(timer);
      timer = setTimeout(refresh, SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      stop?.();
      latest.current++;
    };
  }, [port, refresh]);

  return { state, refresh };
}
