/**
 * The formula builder: find an REE function by name or by what it does, fill each parameter by
 * typing, from the selected cell or from a fact, see the result the same adapters give, and
 * insert the formula into the cell chosen when the function was (asked first if it holds data).
 */
import { Button, Field, Input, Link } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { FACTS, resolveFact, type CellValue, type Fact } from "../../data";
import { functionSpec, syntaxOf, type FunctionSpec } from "../../model/functionCatalog";
import { sheetReference } from "../../workbook/address";
import { composeFormula, factArgument } from "../../workbook/formulaCell";
import type { SheetRef } from "../../workbook/port";
import type { CellIndex } from "../../workbook/trace/cells";
import { evaluateFormula } from "./evaluate";
import { searchFunctions } from "../browse/functionSearch";
import { formatFactValue } from "../format";
import { shownValue } from "./TraceView";
import { useCellStyles } from "./styles";

/** Fact units a parameter's unit accepts (the catalog's words for units). */
const FACT_UNITS: Readonly<Record<string, readonly string[]>> = {
  t: ["t", "t/yr"],
  "t/yr": ["t", "t/yr"],
  "t or shares": ["t", "t/yr", "%"],
  "fraction 0-1": ["%"],
  "fraction a year": ["%/yr"],
  "t/t": ["t/t"],
  "INR/USD": ["INR/USD"],
  "kg/vehicle": ["kg/vehicle"],
  "USD million": ["USD million"],
  "INR crore": ["INR crore"],
};

/** Facts offered for a parameter: those in a unit it takes; none for text. */
function factsFor(unit: string): readonly Fact[] {
  if (unit.startsWith("text")) return [];
  const units = FACT_UNITS[unit];
  return units ? FACTS.filter((fact) => units.includes(fact.unit)) : FACTS;
}

/** "B5" on the target's sheet, "'Other sheet'!B5" elsewhere. */
const relativeTo = (cell: SheetRef, target: SheetRef) =>
  cell.sheet.toLowerCase() === target.sheet.toLowerCase() ? cell.address : sheetReference(cell);

function ParameterField(props: {
  spec: FunctionSpec;
  index: number;
  typed: string;
  onChange(text: string): void;
  selected: SheetRef;
  target: SheetRef;
}) {
  const { spec, index, typed, onChange, selected, target } = props;
  const styles = useCellStyles();
  const parameter = spec.parameters[index];
  const defaultFact = parameter.defaultFrom ? resolveFact(parameter.defaultFrom) : undefined;
  const offered = factsFor(parameter.unit);
  const hint = [
    parameter.description,
    defaultFact &&
      `Default: ${formatFactValue(defaultFact)}, ${defaultFact.label} (fact ${defaultFact.id}).`,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={styles.parameter}>
      <Field
        label={`${parameter.name} (${parameter.unit})${parameter.optional ? ", optional" : ""}`}
        hint={hint}
      >
        <Input
          value={typed}
          onChange={(_, data) => onChange(data.value)}
          placeholder={parameter.optional ? "omitted" : undefined}
          data-parameter={parameter.name}
        />
      </Field>
      <div className={styles.parameterInputs}>
        <Button
          size="small"
          appearance="secondary"
          onClick={() => onChange(relativeTo(selected, target))}
          aria-label={`Fill ${parameter.name} with the selected cell, ${sheetReference(selected)}`}
        >
          Selected cell ({relativeTo(selected, target)})
        </Button>
        {offered.length > 0 && (
          <select
            className={styles.select}
            aria-label={`Fill ${parameter.name} with a fact`}
            value=""
            onChange={(event) => {
              if (event.target.value) onChange(factArgument(event.target.value));
            }}
          >
            <option value="">A fact…</option>
            {offered.map((fact) => (
              <option key={fact.id} value={fact.id}>
                {fact.label}: {formatFactValue(fact)}
              </option>
            ))}
          </select>
        )}
      </div>
    </div>
  );
}

/** A call's value as the cell will show it; a table spills. */
function resultText(value: unknown): string {
  if (Array.isArray(value)) return `a table of ${value.length} rows (spills)`;
  return shownValue(typeof value === "object" || value === undefined ? null : (value as CellValue));
}

export interface FormulaBuilderProps {
  /** The selected cell now: what "Selected cell" fills in. */
  selected: SheetRef;
  /** The cells the live result reads. */
  index: CellIndex;
  /** Where help pages are, relative to the pane ("help/"). */
  helpBase: string;
  busy: boolean;
  onInsert(formula: string, target: SheetRef): void;
}

export function FormulaBuilder({ selected, index, helpBase, busy, onInsert }: FormulaBuilderProps) {
  const styles = useCellStyles();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<{ spec: FunctionSpec; target: SheetRef } | null>(null);
  const [typed, setTyped] = useState<string[]>([]);
  const matches = useMemo(() => searchFunctions(query, 0, 8), [query]);

  const formula = chosen ? composeFormula(chosen.spec, typed) : "";
  const result = chosen ? evaluateFormula(index, formula, chosen.target.sheet) : null;

  const choose = (name: string) => {
    const spec = functionSpec(name.replace(/^REE\./, ""));
    if (!spec) return;
    setChosen({ spec, target: selected });
    setTyped(spec.parameters.map(() => ""));
  };

  return (
    <section className={styles.section} aria-labelledby="builder-heading">
      <h3 id="builder-heading" className={styles.heading}>
        Build a formula
      </h3>
      <Field
        label="Find a function by name or by what it does"
        hint='e.g. "HHI", "self sufficiency", "crore"'
      >
        <Input value={query} onChange={(_, data) => setQuery(data.value)} type="search" />
      </Field>
      {query.trim() !== "" && (
        <ul className={styles.list} aria-label="Functions found">
          {matches.length === 0 && <li className={styles.muted}>No function matches.</li>}
          {matches.map((match) => (
            <li key={match.name}>
              <Button size="small" appearance="subtle" onClick={() => choose(match.name)}>
                {match.syntax}
              </Button>
              <span className={styles.muted}> {match.summary}</span>
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <div className={styles.parameters}>
          <span className={styles.code}>{syntaxOf(chosen.spec)}</span>
          <span>
            {chosen.spec.summary}{" "}
            <Link href={`${helpBase}${chosen.spec.name}.html`} target="_blank">
              Help for REE.{chosen.spec.name}
            </Link>
          </span>
          {chosen.spec.parameters.map((parameter, i) => (
            <ParameterField
              key={parameter.name}
              spec={chosen.spec}
              index={i}
              typed={typed[i] ?? ""}
              onChange={(text) =>
                setTyped((current) => current.map((t, j) => (j === i ? text : t)))
              }
              selected={selected}
              target={chosen.target}
            />
          ))}
          <span className={styles.code} data-testid="built-formula">
            {formula}
          </span>
          <span role="status" data-testid="built-result">
            {result === null
              ? "The workbook computes this once it is inserted."
              : result.ok
                ? `Result: ${resultText(result.value)}`
                : `${result.code} ${result.message}`}
          </span>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => onInsert(formula, chosen.target)}
          >
            Insert into {sheetReference(chosen.target)}
          </Button>
        </div>
      )}
    </section>
  );
}
