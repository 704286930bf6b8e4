/**
 * Insert choices for what-if work that Excel's Data Tables and Goal Seek cannot do over custom
 * functions: the scenario block, a two-way sensitivity grid, a tornado and a break-even, and the
 * Indian presentation option that applies to every insert. Each button is one insert request.
 */
import {
  Button,
  Field,
  Input,
  Select,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { SCENARIO_INPUTS } from "../../../model/scenario";
import { SCENARIO_RESULTS, scenarioResult } from "../../../model/sensitivity";
import { DEFAULT_BREAK_EVEN } from "../../../workbook/breakEven";
import { DEFAULT_GRID, type Steps } from "../../../workbook/sensitivityGrid";
import type { InsertRequest, Placement } from "../insert";
import { setIndianPresentation, usePresentation } from "./presentation";

export interface ScenarioSectionProps {
  placement: Placement;
  busy: boolean;
  onInsert(request: InsertRequest): void;
}

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
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

function AxisFields(props: {
  label: string;
  input: string;
  inputs: readonly string[];
  steps: Record<keyof Steps, string>;
  onInput(input: string): void;
  onSteps(steps: Record<keyof Steps, string>): void;
}) {
  const styles = useStyles();
  return (
    <>
      <Field className={styles.field} label={props.label}>
        <Select
          className={styles.select}
          value={props.input}
          onChange={(_, data) => props.onInput(data.value)}
        >
          {props.inputs.map((name) => (
            <option key={name} value={name}>
              {inputLabel(name)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        {(["from", "to", "step"] as const).map((part) => (
          <Field key={part} label={`${props.label}: ${part}`} className={styles.step}>
            <Input
              className={styles.stepInput}
              inputMode="decimal"
              value={props.steps[part]}
              onChange={(_, data) => props.onSteps({ ...props.steps, [part]: data.value })}
            />
          </Field>
        ))}
      </div>
    </>
  );
}

const asText = (steps: Steps) => ({
  from: String(steps.from),
  to: String(steps.to),
  step: String(steps.step),
});

export function ScenarioSection({ placement, busy, onInsert }: ScenarioSectionProps) {
  const styles = useStyles();
  const presentation = usePresentation();
  const [gridResult, setGridResult] = useState(DEFAULT_GRID.result);
  const [across, setAcross] = useState(DEFAULT_GRID.across.input);
  const [down, setDown] = useState(DEFAULT_GRID.down.input);
  const [acrossSteps, setAcrossSteps] = useState(asText(DEFAULT_GRID.across.steps));
  const [downSteps, setDownSteps] = useState(asText(DEFAULT_GRID.down.steps));
  const [tornadoResult, setTornadoResult] = useState("oxide_gap");
  const [evenResult, setEvenResult] = useState(DEFAULT_BREAK_EVEN.result);
  const [evenInput, setEvenInput] = useState(DEFAULT_BREAK_EVEN.input);
  const [evenTarget, setEvenTarget] = useState(String(DEFAULT_BREAK_EVEN.target));
  const gridInputs = scenarioResult(gridResult).inputs;
  const evenInputs = scenarioResult(evenResult).inputs;

  const steps = (text: Record<keyof Steps, string>): Steps => ({
    from: numberOf(text.from),
    to: numberOf(text.to),
    step: numberOf(text.step),
  });
  const resultOptions = SCENARIO_RESULTS.map((result) => (
    <option key={result.name} value={result.name}>
      {result.label.replace(/ \(.*\)$/, "")}
    </option>
  ));

  return (
    <section className={styles.section} aria-labelledby="insert-scenarios">
      <h2 id="insert-scenarios" className={styles.heading}>
        Scenarios and sensitivity
      </h2>
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
      <div className={styles.row}>
        <Button disabledFocusable={busy} onClick={() => onInsert({ kind: "scenarios", placement })}>
          Insert scenario block
        </Button>
      </div>

      <h3 className={styles.subheading}>Sensitivity grid</h3>
      <Field className={styles.field} label="Grid result">
        <Select
          className={styles.select}
          value={gridResult}
          onChange={(_, data) => {
            const inputs = scenarioResult(data.value).inputs;
            setGridResult(data.value);
            setAcross(inputs[0]);
            setDown(inputs[1] ?? inputs[0]);
          }}
        >
          {resultOptions}
        </Select>
      </Field>
      <AxisFields
        label="Across"
        input={across}
        inputs={gridInputs}
        steps={acrossSteps}
        onInput={setAcross}
        onSteps={setAcrossSteps}
      />
      <AxisFields
        label="Down"
        input={down}
        inputs={gridInputs}
        steps={downSteps}
        onInput={setDown}
        onSteps={setDownSteps}
      />
      <div className={styles.row}>
        <Button
          disabledFocusable={busy}
          onClick={() =>
            onInsert({
              kind: "grid",
              placement,
              grid: {
                result: gridResult,
                across: { input: across, steps: steps(acrossSteps) },
                down: { input: down, steps: steps(downSteps) },
              },
            })
          }
        >
          Insert sensitivity grid
        </Button>
      </div>

      <h3 className={styles.subheading}>Tornado</h3>
      <Field className={styles.field} label="Tornado result">
        <Select
          className={styles.select}
          value={tornadoResult}
          onChange={(_, data) => setTornadoResult(data.value)}
        >
          {resultOptions}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button
          disabledFocusable={busy}
          onClick={() => onInsert({ kind: "tornado", result: tornadoResult, placement })}
        >
          Insert tornado
        </Button>
      </div>

      <h3 className={styles.subheading}>Break-even</h3>
      <Field className={styles.field} label="Break-even result">
        <Select
          className={styles.select}
          value={evenResult}
          onChange={(_, data) => {
            setEvenResult(data.value);
            setEvenInput(scenarioResult(data.value).linearIn[0]);
          }}
        >
          {resultOptions}
        </Select>
      </Field>
      <Field className={styles.field} label="Input to solve for">
        <Select
          className={styles.select}
          value={evenInput}
          onChange={(_, data) => setEvenInput(data.value)}
        >
          {evenInputs.map((name) => (
            <option key={name} value={name}>
              {inputLabel(name)}
            </option>
          ))}
        </Select>
      </Field>
      <Field className={styles.field} label="Target value of the result">
        <Input
          inputMode="decimal"
          value={evenTarget}
          onChange={(_, data) => setEvenTarget(data.value)}
        />
      </Field>
      <div className={styles.row}>
        <Button
          disabledFocusable={busy}
          onClick={() =>
            onInsert({
              kind: "break-even",
              placement,
              breakEven: { result: evenResult, input: evenInput, target: numberOf(evenTarget) },
            })
          }
        >
          Insert break-even
        </Button>
      </div>
    </section>
  );
}
