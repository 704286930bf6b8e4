/**
 * What happened and what to do next: missing Excel features, an insert in progress, success with a
 * way to select what was written, errors with the next step, and the question asked when the target
 * cells already hold data (nothing is written until the user answers). Lazy-loaded.
 */
import { Notice } from "./Notice";
import { Button, MessageBarActions, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { sheetReference } from "../workbook/address";
import type { Listed } from "./insert/insert";
import { ConfirmDialog } from "./ConfirmDialog";
import type { Inserter } from "./insert/useInsert";

export interface FeedbackProps {
  warnings: readonly string[];
  inserter: Inserter;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  toggle: { cursor: "pointer", marginTop: tokens.spacingVerticalXS },
});

/** What a summary only counts, one click (or Enter) away. */
function ListedItems({ listed }: { listed: Listed }) {
  const styles = useStyles();
  return (
    <details>
      <summary className={styles.toggle}>
        Show the {listed.items.length} {listed.label.toLowerCase()}
      </summary>
      <ul className={styles.list} aria-label={listed.label}>
        {listed.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </details>
  );
}

function Dismiss({ onClick }: { onClick(): void }) {
  return (
    <Button
      aria-label="Dismiss"
      appearance="transparent"
      icon={<DismissRegular />}
      onClick={onClick}
    />
  );
}

export default function Feedback({ warnings, inserter }: FeedbackProps) {
  const styles = useStyles();
  const { state } = inserter;
  return (
    <div className={styles.root}>
      {warnings.map((warning) => (
        <Notice key={warning} intent="warning" title="This Excel lacks a feature the add-in uses">
          {warning}
        </Notice>
      ))}
      {state.phase === "busy" && <Spinner size="tiny" label="Inserting…" labelPosition="after" />}
      {state.phase === "inserted" && (
        <Notice
          reveal
          intent="success"
          title="Inserted"
          actions={
            <MessageBarActions containerAction={<Dismiss onClick={inserter.dismiss} />}>
              <Button onClick={() => void inserter.selectInserted()}>Select inserted range</Button>
            </MessageBarActions>
          }
        >
          {state.summary}
          {state.listed && <ListedItems listed={state.listed} />}
        </Notice>
      )}
      {state.phase === "failed" && (
        <Notice
          reveal
          intent="error"
          title={state.problem.title}
          actions={<MessageBarActions containerAction={<Dismiss onClick={inserter.dismiss} />} />}
        >
          {state.problem.action}
        </Notice>
      )}
      {state.phase === "cancelled" && (
        <Notice
          reveal
          intent="info"
          title="Nothing was inserted"
          actions={<MessageBarActions containerAction={<Dismiss onClick={inserter.dismiss} />} />}
        >
          {sheetReference(state.target)} holds data. Select an empty cell in the workbook, then
          insert again.
        </Notice>
      )}
      {state.phase === "confirm" && (
        <ConfirmDialog
          title="Those cells are not empty"
          onCancel={inserter.cancel}
          actions={
            <>
              <Button
                appearance="primary"
                autoFocus
                onClick={() => void inserter.insertOnNewSheet()}
              >
                Insert on a new sheet
              </Button>
              <Button onClick={inserter.cancel}>Cancel and pick another cell</Button>
            </>
          }
        >
          {sheetReference(state.target)} already holds data, so nothing was written. Insert on a new
          sheet instead, or cancel and select an empty cell.
        </ConfirmDialog>
      )}
    </div>
  );
}
