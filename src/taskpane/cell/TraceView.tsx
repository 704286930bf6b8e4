/**
 * A trace as the Cell view shows it: the path as a short indented tree (cell, label, formula or
 * value, the facts each step reads), then every fact reached with its citation and evidence, then
 * the inputs that are the user's own. Cells select in the workbook; facts open their detail.
 */
import { Button } from "@fluentui/react-components";
import type { CellValue } from "../../data";
import { factCitation } from "../../data";
import { sheetReference } from "../../workbook/address";
import type { SheetRef } from "../../workbook/port";
import type { CellTrace, TraceNode, TracedFact } from "../../workbook/trace/trace";
import { sourceDisplayName } from "../../model/sourceName";
import { formatAmount, formatFactValue, plural } from "../format";
import { useCellStyles } from "./styles";

/** Rows of the tree shown; a wider trace says how many more cells it reads. */
const TREE_ROWS = 200;
/** Indentation stops growing here: a 1,000-cell chain stays readable. */
const MAX_INDENT = 12;

interface Row {
  node: TraceNode;
  depth: number;
}

/** The tree depth first, as rows, without recursion (a chain may be 1,000 cells deep). */
function rows(root: TraceNode): { shown: Row[]; total: number } {
  const shown: Row[] = [];
  let total = 0;
  const stack: Row[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const row = stack.pop() as Row;
    total++;
    if (shown.length < TREE_ROWS) shown.push(row);
    for (let i = row.node.children.length - 1; i >= 0; i--) {
      stack.push({ node: row.node.children[i], depth: row.depth + 1 });
    }
  }
  return { shown, total };
}

export function shownValue(value: CellValue, unit?: string): string {
  if (value === null) return "(empty)";
  if (typeof value === "number") return formatAmount(value, unit);
  return String(value);
}

function TreeRow({ row, onSelect, onOpenFact }: { row: Row } & Actions) {
  const styles = useCellStyles();
  const { node } = row;
  const unit = node.facts.length === 1 && node.formula === null ? node.facts[0].fact.unit : "";
  return (
    <li
      className={styles.treeRow}
      style={{ marginLeft: `${Math.min(row.depth, MAX_INDENT) * 12}px` }}
      data-testid="trace-row"
    >
      {node.cell ? (
        <button
          type="button"
          className={styles.linkButton}
          onClick={() => onSelect(node.cell as SheetRef)}
          aria-label={`Select ${sheetReference(node.cell)}`}
        >
          {node.ref}
        </button>
      ) : (
        <span className={styles.code}>{node.ref}</span>
      )}
      {node.label && <span>{node.label}</span>}
      {node.formula !== null && !node.repeat && <span className={styles.code}>{node.formula}</span>}
      {node.cell && (
        <span>
          {node.formula !== null && "→ "}
          {shownValue(node.value, unit)}
        </span>
      )}
      {node.repeat === "again" && <span className={styles.chip}>(traced above)</span>}
      {node.repeat === "cycle" && (
        <span className={styles.chip}>(circular: already on this path)</span>
      )}
      {node.assumption && <span className={styles.chip}>your input</span>}
      {node.tables.map((table) => (
        <span key={table} className={styles.chip}>
          table {table}
        </span>
      ))}
      {node.facts.map((traced) => (
        <button
          key={traced.fact.id}
          type="button"
          className={styles.linkButton}
          onClick={() => onOpenFact(traced.fact.id)}
          aria-label={`Open fact ${traced.fact.id}`}
        >
          fact {traced.fact.id}
        </button>
      ))}
    </li>
  );
}

function FactItem({ traced, onOpenFact }: { traced: TracedFact; onOpenFact(id: string): void }) {
  const styles = useCellStyles();
  const { fact } = traced;
  return (
    <li className={styles.fact} data-testid="trace-fact" data-fact={fact.id}>
      <span className={styles.factTitle}>
        {fact.label}: {formatFactValue(fact)}
      </span>
      {traced.disputed && <span className={styles.badge}>Sources disagree</span>}
      <span className={styles.code}>{fact.id}</span>
      <span>Source: {factCitation(fact)}</span>
      <blockquote className={styles.evidence}>“{fact.evidence}”</blockquote>
      {fact.derived && fact.note && <span>Derived: {fact.note}</span>}
      <span className={styles.muted}>Reached through: {traced.via.join("; ")}</span>
      {traced.otherClaims.length > 0 && (
        <span className={styles.muted}>
          {traced.disputed ? "Other claims" : "Also stated by"}:{" "}
          {traced.otherClaims
            .map((claim) => `${formatFactValue(claim)} (${sourceDisplayName(claim.source)})`)
            .join("; ")}
        </span>
      )}
      <Button size="small" appearance="secondary" onClick={() => onOpenFact(fact.id)}>
        Open {fact.label}
      </Button>
    </li>
  );
}

interface Actions {
  onSelect(cell: SheetRef): void;
  onOpenFact(id: string): void;
}

export function TraceView({ trace, onSelect, onOpenFact }: { trace: CellTrace } & Actions) {
  const styles = useCellStyles();
  const { shown, total } = rows(trace.root);
  return (
    <>
      <section className={styles.section} aria-labelledby="trace-heading">
        <h3 id="trace-heading" className={styles.heading}>
          What it rests on
        </h3>
        <p className={styles.muted}>
          {trace.precedents === 0
            ? "It reads no other cell."
            : `It reads ${plural(trace.precedents, "cell", "cells")}, directly or through others.`}
        </p>
        <ul className={styles.list} aria-label="Trace">
          {shown.map((row, i) => (
            <TreeRow key={i} row={row} onSelect={onSelect} onOpenFact={onOpenFact} />
          ))}
        </ul>
        {total > shown.length && (
          <p className={styles.muted}>
            …and {plural(total - shown.length, "more step", "more steps")}.
          </p>
        )}
        {trace.problems.map((problem) => (
          <p key={problem} className={styles.muted}>
            {problem}
          </p>
        ))}
      </section>
      <section className={styles.section} aria-labelledby="facts-heading">
        <h3 id="facts-heading" className={styles.heading}>
          Sources ({plural(trace.facts.length, "fact", "facts")})
        </h3>
        {trace.facts.length === 0 ? (
          <p className={styles.muted}>No figure from the data set is reached.</p>
        ) : (
          <ul className={styles.list}>
            {trace.facts.map((traced) => (
              <FactItem key={traced.fact.id} traced={traced} onOpenFact={onOpenFact} />
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby="assumptions-heading">
        <h3 id="assumptions-heading" className={styles.heading}>
          Your assumptions ({trace.assumptions.length})
        </h3>
        {trace.assumptions.length === 0 ? (
          <p className={styles.muted}>Every input comes from the data set.</p>
        ) : (
          <ul className={styles.list}>
            {trace.assumptions.map((assumption, i) => (
              <li key={i} data-testid="trace-assumption">
                <button
                  type="button"
                  className={styles.linkButton}
                  onClick={() => onSelect(assumption.cell)}
                >
                  {assumption.where}
                </button>{" "}
                {assumption.label && `${assumption.label}: `}
                {shownValue(assumption.value)} ({assumption.why})
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
