import { useCallback, useRef, useState } from "react";
import type { SheetRef, WorkbookPort } from "../../workbook/port";
import {
  describeProblem,
  onNewSheet,
  runInsert,
  type InsertRequest,
  type Listed,
  type Problem,
} from "./insert";
import { currentPresentation } from "./scenarios/presentation";

export type InsertState =
  | { phase: "idle" }
  | { phase: "busy"; request: InsertRequest }
  /** Nothing was written: the target holds data and the user chooses what to do. */
  | { phase: "confirm"; request: InsertRequest; target: SheetRef }
  | { phase: "inserted"; summary: string; target: SheetRef; listed?: Listed }
  | { phase: "failed"; problem: Problem }
  | { phase: "cancelled"; target: SheetRef };

export interface Inserter {
  state: InsertState;
  run(request: InsertRequest): Promise<void>;
  /** After "confirm": write the same thing on a new sheet. */
  insertOnNewSheet(): Promise<void>;
  /** After "confirm": write nothing; the user picks another cell. */
  cancel(): void;
  /** After "inserted": select what was written. */
  selectInserted(): Promise<void>;
  dismiss(): void;
}

/** One insert at a time, through the port, with every outcome kept for the feedback bar. */
export function useInsert(port: WorkbookPort): Inserter {
  const [state, setState] = useState<InsertState>({ phase: "idle" });
  const busy = useRef(false);

  const run = useCallback(
    async (request: InsertRequest) => {
      if (busy.current) return;
      busy.current = true;
      setState({ phase: "busy", request });
      try {
        const outcome = await runInsert(port, request, currentPresentation());
        setState(
          outcome.status === "inserted"
            ? {
                phase: "inserted",
                summary: outcome.summary,
                target: outcome.target,
                listed: outcome.listed,
              }
            : { phase: "confirm", request, target: outcome.target },
        );
      } catch (error) {
        setState({ phase: "failed", problem: describeProblem(error) });
      } finally {
        busy.current = false;
      }
    },
    [port],
  );

  const insertOnNewSheet = useCallback(async () => {
    if (state.phase === "confirm") await run(onNewSheet(state.request));
  }, [run, state]);

  const cancel = useCallback(() => {
    if (state.phase === "confirm") setState({ phase: "cancelled", target: state.target });
  }, [state]);

  const selectInserted = useCallback(async () => {
    if (state.phase !== "inserted") return;
    try {
      await port.select(state.target);
    } catch (error) {
      setState({ phase: "failed", problem: describeProblem(error) });
    }
  }, [port, state]);

  const dismiss = useCallback(
    () => setState((current) => (current.phase === "idle" ? current : { phase: "idle" })),
    [],
  );

  return { state, run, insertOnNewSheet, cancel, selectInserted, dismiss };
}
