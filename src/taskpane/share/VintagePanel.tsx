/**
 * The data vintage of the workbook: the data-set version its figures are pinned to against the
 * add-in's, the figures that changed since (old, new, source), and the choice to update the
 * workbook to the current figures or keep the pinned ones. Reaches the workbook only through the
 * port; reads it when shown and after each action.
 */
import { Notice } from "../Notice";
import { Button, Checkbox, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import type { ReadableWorkbookPort } from "../../workbook/port";
import type {
  Bounds,
  DataVintage,
  UpdatePlan,
  ValueUpdate,
  VintageChange,
  VintageState,
} from "../../workbook/vintage";
import { formatAmount, formatBounds } from "../format";
import { describeProblem, type Problem } from "../insert/insert";
import { useOutcome } from "../outcome";
import { sheetReference } from "../../workbook/address";
import { useSectionStyles } from "../sectionStyles";
import { SmallTable, type Column } from "./SmallTable";

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
  | { phase: "confirm"; vintage: VintageState; plan: UpdatePlan; figures: ReadonlySet<string> }
  | { phase: "failed"; problem: Problem };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

const vintage = () => import(/* webpackChunkName: "vintage" */ "../../workbook/vintage");

const figure = (change: VintageChange, value: number | null) =>
  value === null ? "no longer in the data" : formatAmount(value, change.unit);

/** A change of range: "range ₹86.46–87.09 per US$ (was none)", "no range (was at least 53,000 t)". */
function rangeChange(was: Bounds, now: Bounds, unit: string): string {
  const shown = formatBounds(now.low, now.high, unit);
  const range =
    now.low === null && now.high === null
      ? "no range"
      : now.low !== null && now.high !== null
        ? `range ${shown}`
        : shown;
  return `${range} (was ${formatBounds(was.low, was.high, unit)})`;
}

/** The current figure, and its range where the range changed (the workbook's Low and High cells). */
function currentFigure(change: VintageChange): string {
  const now = figure(change, change.current);
  return change.bounds
    ? `${now}; ${rangeChange(change.bounds.pinned, change.bounds.current, change.unit)}`
    : now;
}

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
  const styles = useSectionStyles();
  const layout = useStyles();
  const [state, setState] = useState<State>({ phase: "reading" });
  /** The changed figures the user unticked: they stay pinned when the others are updated. */
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const tick = (id: string, update: boolean) =>
    setUnticked((before) => {
      const next = new Set(before);
      if (update) next.delete(id);
      else next.add(id);
      return next;
    });

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
    const figures = new Set(
      current.changes.map((change) => change.id).filter((id) => !unticked.has(id)),
    );
    setState({ phase: "busy", vintage: current, doing: "Listing the cells to update…" });
    try {
      const module = await vintage();
      const plan = await module.checkUpdate(port, data, figures);
      setState({ phase: "confirm", vintage: current, plan, figures });
    } catch (error) {
      setState({ phase: "failed", problem: describeProblem(error) });
    }
  };

  const act = async (
    current: VintageState,
    doing: string,
    which: "keep" | { plan: UpdatePlan; figures: ReadonlySet<string> },
  ) => {
    outcome.claim();
    setState({ phase: "busy", vintage: current, doing });
    try {
      const module = await vintage();
      const done =
        which === "keep"
          ? await module.keepPinned(port, data)
          : await module.updateToCurrent(port, data, which.plan.values, which.figures);
      const edited = done.edited.map(sheetReference).join(", ");
      setUnticked(new Set());
      await read(edited ? `${done.summary} Left as you edited them: ${edited}.` : done.summary);
    } catch (error) {
      setState({ phase: "failed", problem: describeProblem(error) });
    }
  };

  const changes = "vintage" in state ? state.vintage.changes : [];
  const unitOf = (id: string) => changes.find((change) => change.id === id)?.unit ?? "";
  /** What a cell shows before or after: empty, a figure, or a card's figure with its range. */
  const cellFigure = (update: ValueUpdate, side: "old" | "new") => {
    const unit = unitOf(update.fact);
    const shown = update[side];
    if (shown === null) return "empty";
    const range = update.bounds?.[side];
    return range
      ? `${formatAmount(shown, unit)}, range ${formatBounds(range.low, range.high, unit)}`
      : formatAmount(shown, unit);
  };
  const cellColumns: Column<ValueUpdate>[] = [
    { header: "Cell", cell: sheetReference },
    {
      header: "Figure",
      cell: (update) =>
        update.bound ? `${update.label}: ${update.bound === "low" ? "Low" : "High"}` : update.label,
    },
    { header: "Now", cell: (update) => cellFigure(update, "old"), numeric: true },
    { header: "Becomes", cell: (update) => cellFigure(update, "new"), numeric: true },
  ];
  const figureColumns: Column<VintageChange>[] = [
    {
      header: "Update",
      cell: (change) => (
        <Checkbox
          aria-label={`Update ${change.label}`}
          checked={!unticked.has(change.id)}
          disabled={state.phase === "busy"}
          onChange={(_, checked) => tick(change.id, checked.checked === true)}
        />
      ),
    },
    { header: "Figure", cell: (change) => change.label },
    { header: "Pinned", cell: (change) => figure(change, change.pinned), numeric: true },
    { header: "Now", cell: currentFigure, numeric: true },
    { header: "Source", cell: (change) => change.source },
  ];

  return (
    <section className={layout.root} aria-labelledby="vintage-heading">
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
            <SmallTable
              label="Cells that will change"
              columns={cellColumns}
              rows={state.plan.values}
              rowKey={(update) => `${update.sheet}!${update.address}`}
            />
          )}
          {state.figures.size < state.vintage.changes.length && (
            <p className={styles.text}>
              {`Kept pinned to data ${state.vintage.workbookVersion ?? state.vintage.addinVersion}: ${state.vintage.changes
                .filter((change) => !state.figures.has(change.id))
                .map((change) => change.label)
                .join("; ")}.`}
            </p>
          )}
          <div className={styles.row}>
            <Button
              appearance="primary"
              onClick={() =>
                void act(state.vintage, "Updating…", { plan: state.plan, figures: state.figures })
              }
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
              <p className={styles.text}>
                Untick a figure to keep its pinned value while the others are updated.
              </p>
              <SmallTable
                label="Figures that changed"
                columns={figureColumns}
                rows={state.vintage.changes}
                rowKey={(change) => change.id}
              />
              <div className={styles.row}>
                <Button
                  appearance="primary"
                  disabled={
                    state.phase === "busy" ||
                    state.vintage.changes.every((change) => unticked.has(change.id))
                  }
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
