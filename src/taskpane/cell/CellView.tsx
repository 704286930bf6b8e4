/**
 * The pane's Cell view: follows the selection and shows what the selected cell rests on (down to
 * the sources), why it shows an error when an REE call gives one, and a formula builder.
 * Lazy-loaded: nothing here is paid for until the tab is opened.
 */
import { Button, Spinner } from "@fluentui/react-components";
import { useCallback } from "react";
import { sheetReference } from "../../workbook/address";
import type { ReadableWorkbookPort, SheetRef } from "../../workbook/port";
import type { InsertRequest } from "../insert/insert";
import { FormulaBuilder } from "./FormulaBuilder";
import { TraceView, shownValue } from "./TraceView";
import { useCellStyles } from "./styles";
import { useCellTrace } from "./useCellTrace";

export interface CellViewProps {
  port: ReadableWorkbookPort;
  /** Opens a fact's detail in Browse. */
  onOpenFact(id: string): void;
  onInsert(request: InsertRequest): void;
  busy: boolean;
  /** Where the function help pages are, relative to the pane. */
  helpBase: string;
}

export default function CellView({ port, onOpenFact, onInsert, busy, helpBase }: CellViewProps) {
  const styles = useCellStyles();
  const { state, refresh } = useCellTrace(port);

  const select = useCallback(
    (cell: SheetRef) => {
      void port.select(cell).catch(() => undefined);
    },
    [port],
  );

  const insert = useCallback(
    async (formula: string, target: SheetRef) => {
      // The formula goes where it was built for: select it again if the user moved on.
      await port.select(target);
      onInsert({ kind: "formula", formula, placement: "selection" });
    },
    [port, onInsert],
  );

  if (state.phase === "failed") {
    return (
      <div className={styles.root} role="alert">
        <p>{state.problem.title}</p>
        <p className={styles.muted}>{state.problem.action}</p>
        <Button onClick={refresh}>Read the selected cell again</Button>
      </div>
    );
  }
  if (state.phase === "reading") {
    return <Spinner size="tiny" label="Reading the selected cell…" />;
  }
  const { cell, trace, explanation, index, stale } = state;
  const { root } = trace;
  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="cell-heading">
        <div className={styles.headerLine}>
          <h2 id="cell-heading" className={styles.heading} data-testid="cell-heading">
            {sheetReference(cell)}
            {root.label ? ` ${root.label}` : ""}
          </h2>
          <Button size="small" onClick={refresh}>
            Refresh
          </Button>
        </div>
        {stale && <Spinner size="extra-tiny" label="Reading the new selection…" />}
        {root.formula !== null && <span className={styles.code}>{root.formula}</span>}
        <span>Shows {shownValue(root.value)}</span>
      </section>
      {explanation && (
        <section className={styles.error} aria-labelledby="error-heading" data-testid="cell-error">
          <h3 id="error-heading" className={styles.heading}>
            Why it shows {explanation.code}
            {explanation.call ? ` (${explanation.call})` : ""}
          </h3>
          <span>{explanation.message}</span>
          <span className={styles.factTitle}>{explanation.advice}</span>
        </section>
      )}
      {root.formula === null && root.value === null ? (
        <p className={styles.muted}>The cell is empty: build a formula for it below.</p>
      ) : (
        <TraceView trace={trace} onSelect={select} onOpenFact={onOpenFact} />
      )}
      <FormulaBuilder
        selected={cell}
        index={index}
        helpBase={helpBase}
        busy={busy}
        onInsert={(formula, target) => void insert(formula, target)}
      />
    </div>
  );
}
