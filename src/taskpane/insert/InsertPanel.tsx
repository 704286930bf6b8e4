/**
 * Every way to put the data into the workbook. Each button is one action through the WorkbookPort;
 * outcomes (inserted, target not empty, errors) are shown by the feedback bar. While an insert runs
 * the buttons stay focusable (disabledFocusable), so keyboard focus is not dropped to the page.
 * Lazy-loaded.
 */
import { Button, Radio, RadioGroup, makeStyles, tokens, useId } from "@fluentui/react-components";
import { useState } from "react";
import type { Fact } from "../../data";
import { findSeries, seriesKeys } from "../../model/series";
import type { Catalog, FactEntry } from "../browse/entries";
import type { CardSupport } from "../../workbook/port";
import { CellsHoldChoice, dressFor, type CellsHold } from "./CellsHoldChoice";
import { plural } from "../format";
import type { InsertRequest, Placement } from "./insert";
import { ScenarioSection } from "./scenarios/ScenarioSection";
import { InsertButton, InsertSection } from "./InsertSection";
import { useSectionStyles } from "../sectionStyles";
import { OptionSelect, type Option } from "../OptionSelect";

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
});

/** Each series with what it covers: "india.magnet_imports_t: FY21 to H1 FY26 (4 periods, t)". */
const SERIES: readonly Option[] = seriesKeys().map((key) => {
  const { points } = findSeries(key);
  const [first, last] = [points[0], points[points.length - 1]];
  const span =
    first === last ? first?.period.label : `${first?.period.label} to ${last?.period.label}`;
  return { value: key, text: `${key}: ${span} (${points.length} periods, ${first?.unit ?? ""})` };
});

/** An insert of one item chosen from a list: a reference table, a time series. */
interface ListInsert {
  kind: "table" | "series";
  title: string;
  label: string;
  options: readonly Option[];
  request(value: string): InsertRequest;
}

/** The list's section: a labelled choice (the first option at first) and its insert button. */
function ChooseAndInsert(props: {
  insert: ListInsert;
  busy: boolean;
  onInsert(request: InsertRequest): void;
}) {
  const { insert, busy, onInsert } = props;
  const styles = useSectionStyles();
  const id = useId(insert.kind);
  const [value, setValue] = useState(insert.options[0]?.value ?? "");
  return (
    <InsertSection id={`insert-${insert.kind}`} title={insert.title}>
      <label htmlFor={id} className={styles.text}>
        {insert.label}
      </label>
      <OptionSelect id={id} value={value} options={insert.options} onChange={setValue} />
      <InsertButton disabled={!value} busy={busy} onClick={() => onInsert(insert.request(value))}>
        Insert {insert.kind}
      </InsertButton>
    </InsertSection>
  );
}

export default function InsertPanel(props: InsertPanelProps) {
  const { catalog, selectedFacts, shownFacts, onClearSelection, onInsert, busy, cards } = props;
  const styles = useSectionStyles();
  const layout = useStyles();
  const whereId = useId("where");
  const [placement, setPlacement] = useState<Placement>("selection");
  const [hold, setHold] = useState<CellsHold>("live");
  const live = hold === "live";
  const dress = dressFor(hold);
  const listInserts: ListInsert[] = [
    {
      kind: "table",
      title: "Reference table",
      label: "Table, with its citation columns",
      options: catalog.tables.map((t) => ({ value: t.name, text: t.title })),
      request: (table) => ({ kind: "table", table, placement }),
    },
    {
      kind: "series",
      title: "Time series",
      label:
        "A series by period, as a cited table with a line chart on a new sheet (gaps stay gaps)",
      options: SERIES,
      request: (series) => ({ kind: "series", series }),
    },
  ];
  const facts = selectedFacts.length > 0 ? selectedFacts : shownFacts.map((entry) => entry.fact);

  return (
    <div className={layout.root}>
      <section className={styles.section}>
        <span id={whereId} className={styles.label}>
          Where to insert facts, tables and named inputs
        </span>
        <RadioGroup
          aria-labelledby={whereId}
          value={placement}
          onChange={(_, data) => setPlacement(data.value as Placement)}
        >
          <Radio value="selection" label="At the selected cell (asks first if cells hold data)" />
          <Radio value="new-sheet" label="On a new sheet" />
        </RadioGroup>
      </section>

      <InsertSection id="insert-facts" title="Facts as a table">
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
      </InsertSection>

      {listInserts.map((insert) => (
        <ChooseAndInsert key={insert.kind} insert={insert} busy={busy} onInsert={onInsert} />
      ))}

      <InsertSection id="insert-names" title="Named inputs">
        <p className={styles.text}>
          Cited input cells with workbook names such as REPM_Target_t, so your formulas read like
          sentences. Their values are cards, or carry notes, when Cells hold says so.
        </p>
        <InsertButton busy={busy} onClick={() => onInsert({ kind: "names", placement, dress })}>
          Insert named inputs
        </InsertButton>
      </InsertSection>

      <InsertSection id="insert-model" title="Supply-gap model">
        <p className={styles.text}>
          A new sheet: inputs with cited defaults, the NdPr oxide gap, magnet capacity, imports from
          China, market concentration and a year-by-year balance to 2035, all in REE formulas, with
          a chart. Its inputs are cards, or carry notes, when Cells hold says so.
        </p>
        <InsertButton busy={busy} onClick={() => onInsert({ kind: "model", dress })}>
          Insert model sheet
        </InsertButton>
      </InsertSection>

      <ScenarioSection placement={placement} busy={busy} onInsert={onInsert} />

      <InsertSection id="insert-functions" title="Function reference">
        <p className={styles.text}>A new sheet listing every REE function with an example.</p>
        <InsertButton busy={busy} onClick={() => onInsert({ kind: "functions" })}>
          Insert function reference
        </InsertButton>
      </InsertSection>
    </div>
  );
}
