/**
 * "Make portable": replaces the REE formulas of the workbook (or the selection) with what Excel
 * computes without the add-in, after showing the user every cell that will change; and "Restore
 * live formulas". Reaches the workbook only through the port. In the browser preview, `colleague`
 * lets the user see the workbook as a colleague without the add-in would (REE functions off).
 */
import { Notice } from "../Notice";
import {
  Button,
  Radio,
  RadioGroup,
  Spinner,
  ToggleButton,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useState } from "react";
import type { ReadableWorkbookPort } from "../../workbook/port";
import type {
  PortableCheck,
  PortableOutcome,
  PortableScope,
  RestoreOutcome,
} from "../../workbook/portable/actions";
import { describeProblem, type Problem } from "../insert/insert";
import { useOutcome } from "../outcome";
import { sheetReference } from "../../workbook/address";
import { useSectionStyles } from "../sectionStyles";
import { SmallTable, type Column } from "./SmallTable";

/** The preview's switch that turns the REE functions off, as for a colleague without the add-in. */
export interface Colleague {
  active: boolean;
  onChange(active: boolean): void;
}

export interface PortablePanelProps {
  port: ReadableWorkbookPort;
  /** Preview only: whether the REE functions are switched off, and the switch. */
  colleague?: Colleague;
}

/** Rows the list shows; the rest are counted (the Portability sheet lists them all). */
const SHOWN = 200;

type Conversion = PortableCheck["conversions"][number];

const HOW: Record<Conversion["how"], string> = {
  native: "Native",
  value: "Value",
  values: "Values",
  live: "Stays live",
};

type State =
  | { phase: "idle" }
  | { phase: "busy"; doing: string }
  | { phase: "checked"; check: PortableCheck; changed?: boolean }
  | { phase: "done"; title: string; summary: string; intent: "success" | "info" | "warning" }
  | { phase: "failed"; problem: Problem };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  table: { tableLayout: "auto" },
  where: { width: "34%", verticalAlign: "top", overflowWrap: "anywhere" },
  change: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
  },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

const actions = () => import(/* webpackChunkName: "portable" */ "../../workbook/portable/actions");

function outcomeState(outcome: PortableOutcome): State {
  switch (outcome.status) {
    case "converted":
      return { phase: "done", intent: "success", title: "Made portable", summary: outcome.summary };
    case "nothing":
      return {
        phase: "done",
        intent: "info",
        title: "Nothing to convert",
        summary: outcome.summary,
      };
    case "changed":
      return { phase: "checked", check: outcome.check, changed: true };
  }
}

function restoreState(outcome: RestoreOutcome): State {
  return {
    phase: "done",
    intent: outcome.refused.length > 0 ? "warning" : "success",
    title: "Live formulas restored",
    summary: outcome.summary,
  };
}

export default function PortablePanel({ port, colleague }: PortablePanelProps) {
  const styles = useSectionStyles();
  const layout = useStyles();
  const scopeId = useId("scope");
  const [scope, setScope] = useState<PortableScope>("workbook");
  const [state, setState] = useState<State>({ phase: "idle" });
  const busy = state.phase === "busy";
  const outcome = useOutcome("portable");

  const run = async (doing: string, work: () => Promise<State>) => {
    outcome.claim();
    setState({ phase: "busy", doing });
    try {
      setState(await work());
    } catch (error) {
      setState({ phase: "failed", problem: describeProblem(error) });
    }
  };
  const check = () =>
    run("Checking…", async () => ({
      phase: "checked",
      check: await (await actions()).checkPortable(port, scope),
    }));
  const convert = (checked: PortableCheck) =>
    run("Converting…", async () =>
      outcomeState(await (await actions()).makePortable(port, checked.scope, checked)),
    );
  const restore = () =>
    run("Restoring…", async () => restoreState(await (await actions()).restoreLiveFormulas(port)));

  const checked = state.phase === "checked" ? state.check : null;
  const convertible = checked?.conversions.filter((c) => c.how !== "live").length ?? 0;

  return (
    <section className={layout.root} aria-labelledby="portable-heading">
      <h2 id="portable-heading" className={styles.heading}>
        Make portable
      </h2>
      <p className={styles.text}>
        For colleagues without the add-in: REE formulas become native Excel formulas, and figures
        from the data set their values. The original formulas are kept on a Portability sheet, so
        they can be restored. No other cell changes.
      </p>
      <span id={scopeId} className={styles.label}>
        Convert
      </span>
      <RadioGroup
        aria-labelledby={scopeId}
        value={scope}
        onChange={(_, data) => {
          setScope(data.value as PortableScope);
          setState({ phase: "idle" });
        }}
      >
        <Radio value="workbook" label="The whole workbook" />
        <Radio value="selection" label="The selected cells" />
      </RadioGroup>
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => void check()}>
          Check what will change
        </Button>
        {checked && (
          <Button
            appearance="primary"
            disabled={busy || convertible === 0}
            onClick={() => void convert(checked)}
          >
            Make portable
          </Button>
        )}
      </div>

      {state.phase === "busy" && <Spinner size="tiny" label={state.doing} labelPosition="after" />}
      {state.phase === "checked" && (
        <CheckList check={state.check} changed={state.changed === true} />
      )}
      {outcome.shown && state.phase === "done" && (
        <Notice reveal intent={state.intent} title={state.title}>
          {state.summary}
        </Notice>
      )}
      {outcome.shown && state.phase === "failed" && (
        <Notice reveal intent="error" title={state.problem.title}>
          {state.problem.action}
        </Notice>
      )}

      <h2 className={styles.heading}>Restore</h2>
      <p className={styles.text}>
        Puts the live REE formulas back wherever a converted cell is unchanged; cells edited since
        are listed and left alone.
      </p>
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => void restore()}>
          Restore live formulas
        </Button>
      </div>
      {colleague && <ColleagueSimulation colleague={colleague} />}
    </section>
  );
}

/** Preview only: the REE functions off, as on a colleague's machine, with the state always in view. */
function ColleagueSimulation({ colleague }: { colleague: Colleague }) {
  const styles = useSectionStyles();
  const layout = useStyles();
  const { active, onChange } = colleague;
  return (
    <section className={layout.root} aria-labelledby="colleague-heading">
      <h3 id="colleague-heading" className={styles.subheading}>
        Simulate a colleague without the add-in
      </h3>
      {active ? (
        <Notice intent="warning" title="Simulation on: the REE functions are off">
          Every cell with an REE formula now shows #NAME?, as a colleague without the add-in sees
          it; cells made portable show their values. End the simulation to bring the REE functions
          back.
        </Notice>
      ) : (
        <p className={styles.text}>
          Switch the REE functions off in this preview to check what a colleague without the add-in
          would see, before or after making the workbook portable.
        </p>
      )}
      <div className={styles.row}>
        <ToggleButton checked={active} onClick={() => onChange(!active)}>
          {active ? "End the simulation" : "Start the simulation"}
        </ToggleButton>
      </div>
    </section>
  );
}

/** A converted cell's formula now, how it converts, what it becomes and why. */
function ConversionChange({ conversion: c }: { conversion: Conversion }) {
  const styles = useStyles();
  return (
    <div className={styles.change}>
      <span className={styles.code}>{c.original}</span>
      <span>
        {HOW[c.how]}
        {c.converted && (
          <>
            {": "}
            <span className={styles.code}>{c.converted}</span>
          </>
        )}
      </span>
      {c.note && <span className={styles.note}>{c.note}</span>}
    </div>
  );
}

function CheckList({ check, changed }: { check: PortableCheck; changed: boolean }) {
  const styles = useSectionStyles();
  const layout = useStyles();
  const { conversions } = check;
  const live = conversions.filter((c) => c.how === "live").length;
  const columns: Column<Conversion>[] = [
    { header: "Cell", cell: sheetReference, className: layout.where },
    {
      header: "Formula now, and what it becomes",
      cell: (conversion) => <ConversionChange conversion={conversion} />,
    },
  ];
  return (
    <>
      <Notice
        intent={changed ? "warning" : "info"}
        title={changed ? "The workbook changed since the check" : "What will change"}
      >
        {conversions.length === 0
          ? `No REE formula in the ${check.scope === "workbook" ? "workbook" : "selection"}.`
          : `${conversions.length - live} of ${conversions.length} cells with REE formulas will be converted${live > 0 ? `; ${live} stay live (see the notes)` : ""}.${changed ? " Nothing was written: check this list, then make portable again." : ""}`}
      </Notice>
      {conversions.length > 0 && (
        <SmallTable
          label="Cells that will change"
          className={layout.table}
          columns={columns}
          rows={conversions.slice(0, SHOWN)}
          rowKey={sheetReference}
        />
      )}
      {conversions.length > SHOWN && (
        <p className={styles.text}>
          …and {conversions.length - SHOWN} more; the Portability sheet will list every one.
        </p>
      )}
    </>
  );
}
