/**
 * Every way to put the data into the workbook. Each button is one action through the WorkbookPort;
 * outcomes (inserted, target not empty, errors) are shown by the feedback bar. While an insert runs
 * the buttons stay focusable (disabledFocusable), so keyboard focus is not dropped to the page.
 * Lazy-loaded.
 */
import {
  Button,
  Radio,
  RadioGroup,
  Select,
  makeStyles,
  tokens,
  useId,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Fact } from "../../data";
import { findSeries, seriesKeys } from "../../model/series";
import type { Catalog, FactEntry } from "../browse/entries";
import type { CardSupport } from "../../workbook/port";
import { CellsHoldChoice, dressFor, type CellsHold } from "./CellsHoldChoice";
import { plural } from "../format";
import type { InsertRequest, Placement } from "./insert";
import { ScenarioSection } from "./scenarios/ScenarioSection";

export interface InsertPanelProps {
  catalog: Catalog;
  selectedFacts: readonly Fact[];
  /** The facts the current search shows: inserted when none is selected. */
  shownFacts: readonly FactEntry[];
  onClearSelection(): void;
  onInsert(request: InsertRequest): void;
  busy: boolean;
  /** Whether the host stores citation cards in cells. */
  cards: CardSupport;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
  label: { fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Each series with what it covers: "india.magnet_imports_t: FY21 to H1 FY26 (4 periods, t)". */
const SERIES = seriesKeys().map((key) => {
  const { points } = findSeries(key);
  const [first, last] = [points[0], points[points.length - 1]];
  const span =
    first === last ? first?.period.label : `${first?.period.label} to ${last?.period.label}`;
  return { key, title: `${key}: ${span} (${points.length} periods, ${first?.unit ?? ""})` };
});

export default function InsertPanel(props: InsertPanelProps) {
  const { catalog, selectedFacts, shownFacts, onClearSelection, onInsert, busy, cards } = props;
  const styles = useStyles();
  const ids = {
    where: useId("where"),
    table: useId("table"),
    series: useId("series"),
  };
  const [placement, setPlacement] = useState<Placement>("selection");
  const [hold, setHold] = useState<CellsHold>("live");
  const live = hold === "live";
  const dress = dressFor(hold);
  const { tables } = catalog;
  const [table, setTable] = useState(tables[0]?.name ?? "");
  const [series, setSeries] = useState(SERIES[0]?.key ?? "");
  const facts = selectedFacts.length > 0 ? selectedFacts : shownFacts.map((entry) => entry.fact);

  return (
    <div className={styles.root}>
      <section className={styles.section}>
        <span id={ids.where} className={styles.label}>
          Where to insert facts, tables and named inputs
        </span>
        <RadioGroup
          aria-labelledby={ids.where}
          value={placement}
          onChange={(_, data) => setPlacement(data.value as Placement)}
        >
          <Radio value="selection" label="At the selected cell (asks first if cells hold data)" />
          <Radio value="new-sheet" label="On a new sheet" />
        </RadioGroup>
      </section>

      <section className={styles.section} aria-labelledby="insert-facts">
        <h2 id="insert-facts" className={styles.heading}>
          Facts as a table
        </h2>
        <p className={styles.text}>
          {selectedFacts.length > 0
            ? `${plural(selectedFacts.length, "selected fact", "selected facts")}, with value, unit, period and citation columns, and a Sources sheet.`
            : `No fact selected: inserts the ${plural(facts.length, "fact", "facts")} your search shows. Select facts in Browse with Space or their check box.`}
        </p>
        <CellsHoldChoice hold={hold} onChange={setHold} cards={cards} />
        <div className={styles.row}>
          <Button
            appearance="primary"
            disabled={facts.length === 0}
            disabledFocusable={busy}
            onClick={() => onInsert({ kind: "facts", facts, live, placement, dress })}
          >
            Insert {plural(facts.length, "fact", "facts")}
          </Button>
          {selectedFacts.length > 0 && <Button onClick={onClearSelection}>Clear selection</Button>}
        </div>
      </section>

      <section className={styles.section} aria-labelledby="insert-table">
        <h2 id="insert-table" className={styles.heading}>
          Reference table
        </h2>
        <label htmlFor={ids.table} className={styles.text}>
          Table, with its citation columns
        </label>
        <Select id={ids.table} value={table} onChange={(_, data) => setTable(data.value)}>
          {tables.map((t) => (
            <option key={t.name} value={t.name}>
              {t.title}
            </option>
          ))}
        </Select>
        <div className={styles.row}>
          <Button
            disabled={!table}
            disabledFocusable={busy}
            onClick={() => onInsert({ kind: "table", table, placement })}
          >
            Insert table
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="insert-series">
        <h2 id="insert-series" className={styles.heading}>
          Time series
        </h2>
        <label htmlFor={ids.series} className={styles.text}>
          A series by period, as a cited table with a line chart on a new sheet (gaps stay gaps)
        </label>
        <Select id={ids.series} value={series} onChange={(_, data) => setSeries(data.value)}>
          {SERIES.map((s) => (
            <option key={s.key} value={s.key}>
              {s.title}
            </option>
          ))}
        </Select>
        <div className={styles.row}>
          <Button
            disabled={!series}
            disabledFocusable={busy}
            onClick={() => onInsert({ kind: "series", series })}
          >
            Insert series
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="insert-names">
        <h2 id="insert-names" className={styles.heading}>
          Named inputs
        </h2>
        <p className={styles.text}>
          Cited input cells with workbook names such as REPM_Target_t, so your formulas read like
          sentences. Their values are cards, or carry notes, when Cells hold says so.
        </p>
        <div className={styles.row}>
          <Button
            disabledFocusable={busy}
            onClick={() => onInsert({ kind: "names", placement, dress })}
          >
            Insert named inputs
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="insert-model">
        <h2 id="insert-model" className={styles.heading}>
          Supply-gap model
        </h2>
        <p className={styles.text}>
          A new sheet: inputs with cited defaults, the NdPr oxide gap, magnet capacity, imports from
          China, market concentration and a year-by-year balance to 2035, all in REE formulas, with
          a chart. Its inputs are cards, or carry notes, when Cells hold says so.
        </p>
        <div className={styles.row}>
          <Button disabledFocusable={busy} onClick={() => onInsert({ kind: "model", dress })}>
            Insert model sheet
          </Button>
        </div>
      </section>

      <ScenarioSection placement={placement} busy={busy} onInsert={onInsert} />

      <section className={styles.section} aria-labelledby="insert-functions">
        <h2 id="insert-functions" className={styles.heading}>
          Function reference
        </h2>
        <p className={styles.text}>A new sheet listing every REE function with an example.</p>
        <div className={styles.row}>
          <Button disabledFocusable={busy} onClick={() => onInsert({ kind: "functions" })}>
            Insert function reference
          </Button>
        </div>
      </section>
    </div>
  );
}
