/**
 * Insert choices for what-if work that Excel's Data Tables and Goal Seek cannot do over custom
 * functions: the scenario block, a two-way sensitivity grid, a tornado and a break-even, and the
 * Indian presentation option that applies to every insert. Each button is one insert request.
 */
import { Field, Input, Switch, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import { SCENARIO_INPUTS } from "../../../model/scenario";
import { SCENARIO_RESULTS, scenarioResult } from "../../../model/sensitivity";
import { DEFAULT_BREAK_EVEN } from "../../../workbook/breakEven";
import { DEFAULT_GRID, type GridRequest, type Steps } from "../../../workbook/sensitivityGrid";
import type { InsertRequest, Placement } from "../insert";
import { setIndianPresentation, usePresentation } from "./presentation";
import { InsertButton, InsertSection } from "../InsertSection";
import { useSectionStyles } from "../../sectionStyles";
import { OptionSelect, type Option } from "../../OptionSelect";

export interface ScenarioSectionProps {
  placement: Placement;
  busy: boolean;
  onInsert(request: InsertRequest): void;
}

const useStyles = makeStyles({
  // Three to a row at any pane width: they shrink rather than push the pane sideways.
  step: { flex: "1 1 4em", minWidth: 0 },
  stepInput: { width: "100%", minWidth: 0 },
  // A long option must not widen the pane past 320 px: the choice shrinks and clips instead.
  select: { width: "100%", minWidth: 0, maxWidth: "100%" },
  field: { minWidth: 0 },
});

const inputLabel = (name: string) =>
  SCENARIO_INPUTS.find((input) => input.name === name)?.label ?? name;

/** A number typed in a box; NaN when it is not one (the insert then says what is wrong). */
const numberOf = (text: string) => (text.trim() === "" ? NaN : Number(text.replace(/,/g, "")));

/** One axis of the grid as typed: the input it varies and its steps as text. */
interface AxisText {
  input: string;
  steps: Record<keyof Steps, string>;
}

/** The grid's two axes, in the order the pane shows them. */
const AXES = [
  { axis: "across", label: "Across" },
  { axis: "down", label: "Down" },
] as const;

type Axes = Record<(typeof AXES)[number]["axis"], AxisText>;

/** A labelled drop-down of the section's results or inputs. */
function Choice(props: {
  label: string;
  value: string;
  options: readonly Option[];
  onChange(value: string): void;
}) {
  const { label, ...select } = props;
  const styles = useStyles();
  return (
    <Field className={styles.field} label={label}>
      <OptionSelect className={styles.select} {...select} />
    </Field>
  );
}

const inputOptions = (names: readonly string[]): Option[] =>
  names.map((name) => ({ value: name, text: inputLabel(name) }));

/** The results, named without their unit: the choice must stay narrow. */
const RESULT_OPTIONS: readonly Option[] = SCENARIO_RESULTS.map((result) => ({
  value: result.name,
  text: result.label.replace(/ \(.*\)$/, ""),
}));

function AxisFields(props: {
  label: string;
  value: AxisText;
  inputs: readonly string[];
  onChange(value: AxisText): void;
}) {
  const { label, value, inputs, onChange } = props;
  const styles = useStyles();
  const { row } = useSectionStyles();
  return (
    <>
      <Choice
        label={label}
        value={value.input}
        options={inputOptions(inputs)}
        onChange={(input) => onChange({ ...value, input })}
      />
      <div className={row}>
        {(["from", "to", "step"] as const).map((part) => (
          <Field key={part} label={`${label}: ${part}`} className={styles.step}>
            <Input
              className={styles.stepInput}
              inputMode="decimal"
              value={value.steps[part]}
              onChange={(_, data) =>
                onChange({ ...value, steps: { ...value.steps, [part]: data.value } })
              }
            />
          </Field>
        ))}
      </div>
    </>
  );
}

/** The same change on from, to and step: numbers to text for the boxes, and back. */
const mapSteps = <From, To>(steps: Record<keyof Steps, From>, change: (part: From) => To) => ({
  from: change(steps.from),
  to: change(steps.to),
  step: change(steps.step),
});

const axisText = ({ input, steps }: GridRequest["across"]): AxisText => ({
  input,
  steps: mapSteps(steps, String),
});

export function ScenarioSection({ placement, busy, onInsert }: ScenarioSectionProps) {
  const styles = useSectionStyles();
  const fields = useStyles();
  const presentation = usePresentation();
  const [gridResult, setGridResult] = useState(DEFAULT_GRID.result);
  const [axes, setAxes] = useState<Axes>({
    across: axisText(DEFAULT_GRID.across),
    down: axisText(DEFAULT_GRID.down),
  });
  const [tornadoResult, setTornadoResult] = useState("oxide_gap");
  const [evenResult, setEvenResult] = useState(DEFAULT_BREAK_EVEN.result);
  const [evenInput, setEvenInput] = useState(DEFAULT_BREAK_EVEN.input);
  const [evenTarget, setEvenTarget] = useState(String(DEFAULT_BREAK_EVEN.target));
  const gridInputs = scenarioResult(gridResult).inputs;
  const evenInputs = scenarioResult(evenResult).inputs;

  const gridAxis = ({ input, steps }: AxisText) => ({ input, steps: mapSteps(steps, numberOf) });

  return (
    <InsertSection id="insert-scenarios" title="Scenarios and sensitivity">
      <p className={styles.text}>
        {
          "What-if over the sources' own figures, in ordinary formulas (Excel's Data Table and Goal Seek do not work over custom functions)."
        }
      </p>
      <Switch
        checked={presentation.indian}
        onChange={(_, data) => setIndianPresentation(data.checked)}
        label="Indian presentation for every insert: lakh and crore grouping (12,34,567), ₹ crore"
      />

      <h3 className={styles.subheading}>Scenario block</h3>
      <p className={styles.text}>
        Each model input under Preferred, Low, High and each source that differs, every value cited;
        results as live formulas per column.
      </p>
      <InsertButton busy={busy} onClick={() => onInsert({ kind: "scenarios", placement })}>
        Insert scenario block
      </InsertButton>

      <h3 className={styles.subheading}>Sensitivity grid</h3>
      <Choice
        label="Grid result"
        value={gridResult}
        options={RESULT_OPTIONS}
        onChange={(result) => {
          const inputs = scenarioResult(result).inputs;
          setGridResult(result);
          setAxes({
            across: { ...axes.across, input: inputs[0] },
            down: { ...axes.down, input: inputs[1] ?? inputs[0] },
          });
        }}
      />
      {AXES.map(({ axis, label }) => (
        <AxisFields
          key={axis}
          label={label}
          value={axes[axis]}
          inputs={gridInputs}
          onChange={(value) => setAxes({ ...axes, [axis]: value })}
        />
      ))}
      <InsertButton
        busy={busy}
        onClick={() =>
          onInsert({
            kind: "grid",
            placement,
            grid: { result: gridResult, across: gridAxis(axes.across), down: gridAxis(axes.down) },
          })
        }
      >
        Insert sensitivity grid
      </InsertButton>

      <h3 className={styles.subheading}>Tornado</h3>
      <Choice
        label="Tornado result"
        value={tornadoResult}
        options={RESULT_OPTIONS}
        onChange={setTornadoResult}
      />
      <InsertButton
        busy={busy}
        onClick={() => onInsert({ kind: "tornado", result: tornadoResult, placement })}
      >
        Insert tornado
      </InsertButton>

      <h3 className={styles.subheading}>Break-even</h3>
      <Choice
        label="Break-even result"
        value={evenResult}
        options={RESULT_OPTIONS}
        onChange={(result) => {
          setEvenResult(result);
          setEvenInput(scenarioResult(result).linearIn[0]);
        }}
      />
      <Choice
        label="Input to solve for"
        value={evenInput}
        options={inputOptions(evenInputs)}
        onChange={setEvenInput}
      />
      <Field className={fields.field} label="Target value of the result">
        <Input
          inputMode="decimal"
          value={evenTarget}
          onChange={(_, data) => setEvenTarget(data.value)}
        />
      </Field>
      <InsertButton
        busy={busy}
        onClick={() =>
          onInsert({
            kind: "break-even",
            placement,
            breakEven: { result: evenResult, input: evenInput, target: numberOf(evenTarget) },
          })
        }
      >
        Insert break-even
      </InsertButton>
    </InsertSection>
  );
}
