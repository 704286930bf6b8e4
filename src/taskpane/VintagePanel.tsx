/**
 * The data vintage of the workbook: the data-set version its figures are pinned to against the
 * add-in's, the figures that changed since (old, new, source), and the choice to update the
 * workbook to the current figures or keep the pinned ones. Reaches the workbook only through the
 * port; reads it when shown and after each action.
 */
import { Notice } from "./Notice";
import {
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { ReadableWorkbookPort } from "../workbook/port";
import type { DataVintage, UpdatePlan, VintageChange, VintageState } from "../workbook/vintage";
import { formatAmount } from "./format";
import { describeProblem, type Problem } from "./insert";
import { useOutcome } from "./outcome";
import { sheetReference } from "../workbook/address";

export interface VintagePanelProps {
  port: ReadableWorkbookPort;
  /** The data to compare with; the add-in's own by default. */
  data?: DataVintage;
}

type State =
  | { phase: "reading" }
  | { phase: "busy"; vintage: VintageState; doing: string }
  | { phase: "ready"; vintage: VintageState; done?: string }
  /** "Update to current" lists every cell it would change; nothing is written until confirmed. */
  | { phase: "confirm"; vintage: VintageState; plan: UpdatePlan }
  | { phase: "failed"; problem: Problem };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
});

const vintage = () => import(/* webpackChunkName: "vintage" */ "../workbook/vintage");

const figure = (change: VintageChange, value: number | null) =>
  value === null ? "no longer in the data" : formatAmount(value, change.unit);

function summary(state: VintageState): string {
  if (state.workbookVersion === null) {
    return `No figure from the data set has been inserted into this workbook yet. The add-in's data is version ${state.addinVersion}.`;
  }
  const pinned = `This workbook's figures are pinned to data ${state.workbookVersion}; the add-in has ${state.addinVersion}.`;
  if (state.changes.length === 0) return `${pinned} None of the figures it uses has changed.`;
  const kept = state.kept ? " You chose to keep the pinned figures." : "";
  return `${pinned} ${state.changes.length} of the figures it uses changed.${kept}`;
}

export default function VintagePanel({ port, data }: VintagePanelProps) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ phase: "reading" });

  const read = useCallback(
    async (done?: string) => {
      try {
        const module = await vintage();
        setState({ phase: "ready", vintage: await module.checkVintage(port, data), done });
      } catch (error) {
        setState({ phase: "failed", problem: describeProblem(error) });
      }
    },
    [port, data],
  );
  useEffect(() => {
    void read();
  }, [read]);

  const outcome = useOutcome("vintage");
  const review = async (current: VintageState) => {
    outcome.claim();
    setState({ phase: "busy", vintage: current, doing: "Listing the cells to update…" });
    try {
      const module = await vintage();
      setState({ phase: "confirm", vintage: current, plan: await module.checkUpdate(port, data) });
    } catch (error) {
      setState({ phase: "failed", problem: describeProblem(error) });
    }
  };

  const act = async (current: VintageState, doing: string, which: "keep" | UpdatePlan) => {
    outcome.claim();
    setState({ phase: "busy", vintage: current, doing });
    try {
      const module = await vintage();
      const done =
        which === "keep"
          ? await module.keepPinned(port, data)
          : await module.updateToCurrent(port, data, which.values);
      const edited = done.edited.map(sheetReference).join(", ");
      await read(edited ? `${done.summary} Left as you edited them: ${edited}.` : done.summary);
    } catch (error) {
      setState({ phase: "failed", problem: describeProblem(error) });
    }
  };

  return (
    <section className={styles.root} aria-labelledby="vintage-heading">
      <h2 id="vintage-heading" className={styles.heading}>
        Data vintage
      </h2>
      {state.phase === "reading" && <Spinner size="tiny" label="Reading…" labelPosition="after" />}
      {state.phase === "failed" && (
        <Notice intent="error" title={state.problem.title}>
          {state.problem.action}
        </Notice>
      )}
      {state.phase === "confirm" && (
        <>
          <p className={styles.text}>
            {state.plan.values.length === 0
              ? "No value cell will change."
              : `These ${state.plan.values.length} cells will change:`}
            {state.plan.formulas > 0
              ? ` ${state.plan.formulas} formulas will read the current data.`
              : ""}
            {state.plan.edited.length > 0
              ? ` Left as they are (changed since inserted): ${state.plan.edited
                  .map(sheetReference)
                  .join(", ")}.`
              : ""}
          </p>
          {state.plan.values.length > 0 && (
            <Table size="extra-small" aria-label="Cells that will change">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Cell</TableHeaderCell>
                  <TableHeaderCell>Figure</TableHeaderCell>
                  <TableHeaderCell>Now</TableHeaderCell>
                  <TableHeaderCell>Becomes</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {state.plan.values.map((update) => {
                  const unit = state.vintage.changes.find((c) => c.id === update.fact)?.unit ?? "";
                  return (
                    <TableRow key={`${update.sheet}!${update.address}`}>
                      <TableCell>{sheetReference(update)}</TableCell>
                      <TableCell>{update.label}</TableCell>
                      <TableCell className={styles.number}>
                        {formatAmount(update.old, unit)}
                      </TableCell>
                      <TableCell className={styles.number}>
                        {formatAmount(update.new, unit)}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
          <div className={styles.row}>
            <Button
              appearance="primary"
              onClick={() => void act(state.vintage, "Updating…", state.plan)}
            >
              Confirm update
            </Button>
            <Button onClick={() => setState({ phase: "ready", vintage: state.vintage })}>
              Cancel
            </Button>
          </div>
        </>
      )}
      {(state.phase === "ready" || state.phase === "busy") && (
        <>
          <p className={styles.text}>{summary(state.vintage)}</p>
          {state.vintage.changes.length > 0 && (
            <>
              <Table size="extra-small" aria-label="Figures that changed">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Figure</TableHeaderCell>
                    <TableHeaderCell>Pinned</TableHeaderCell>
                    <TableHeaderCell>Now</TableHeaderCell>
                    <TableHeaderCell>Source</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {state.vintage.changes.map((change) => (
                    <TableRow key={change.id}>
                      <TableCell>{change.label}</TableCell>
                      <TableCell className={styles.number}>
                        {figure(change, change.pinned)}
                      </TableCell>
                      <TableCell className={styles.number}>
                        {figure(change, change.current)}
                      </TableCell>
                      <TableCell>{change.source}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <div className={styles.row}>
                <Button
                  appearance="primary"
                  disabled={state.phase === "busy"}
                  onClick={() => void review(state.vintage)}
                >
                  Update to current
                </Button>
                <Button
                  disabled={state.phase === "busy"}
                  onClick={() => void act(state.vintage, "Pinning…", "keep")}
                >
                  Keep pinned
                </Button>
              </div>
            </>
          )}
          {state.phase === "busy" && (
            <Spinner size="tiny" label={state.doing} labelPosition="after" />
          )}
          {outcome.shown && state.phase === "ready" && state.done && (
            <Notice reveal intent="success">
              {state.done}
            </Notice>
          )}
        </>
      )}
    </section>
  );
}
