/**
 * One fact or table row in full: the figure, the verbatim evidence, where it is in the source, the
 * citation, our note, every other claim about the same metric, the related figures on another
 * basis, and the formula to use. Lazy-loaded.
 */
import { Badge, Button, Link, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowLeftRegular, CopyRegular } from "@fluentui/react-icons";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Fact, Source } from "../../data";
import { DisputeBadge } from "../browse/Browse";
import type { CardSupport } from "../../workbook/port";
import { CellsHoldChoice, dressFor, type CellsHold } from "../insert/CellsHoldChoice";
import { claimsFor, rowTitle, type Catalog, type Entry, type FactEntry } from "../browse/entries";
import { citeSource, relatedFacts } from "../../data";
import { sourceDisplayName } from "../../model/sourceName";
import { factFormula } from "../../workbook/factFormula";
import { formatCell, formatFactValue, tableFormula } from "../format";
import type { InsertRequest } from "../insert/insert";

export interface DetailProps {
  catalog: Catalog;
  entry: Entry;
  /** Whether the fact is selected for inserting. */
  selected: boolean;
  onToggle(entry: FactEntry): void;
  onOpen(entry: Entry): void;
  onBack(): void;
  onInsert(request: InsertRequest): void;
  busy: boolean;
  /** Whether the host stores citation cards in cells. */
  cards: CardSupport;
}

const QUALIFIER_TEXT = {
  exact: "stated exactly",
  approx: "approximate (“around”, “about”)",
  over: "a lower bound (“over”, “more than”)",
  under: "an upper bound (“under”, “less than”)",
  range: "a range; the value is its midpoint",
} as const;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  back: { alignSelf: "flex-start" },
  caption: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    outlineStyle: "none",
  },
  value: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
  fields: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  definition: { margin: 0, overflowWrap: "break-word", minWidth: 0 },
  factLink: { textAlign: "left" },
  quote: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    fontStyle: "italic",
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  claims: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  claim: { justifyContent: "flex-start", textAlign: "left", height: "auto" },
  formulaRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  formula: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

function Field({ term, children }: { term: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.definition}>{children}</dd>
    </>
  );
}

type CopyState = "idle" | "copied" | "failed";

/** The formula with a copy button; where the clipboard is blocked, the text is selected instead. */
function FormulaBox({ formula }: { formula: string }) {
  const styles = useStyles();
  const input = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<CopyState>("idle");
  const onCopy = async () => {
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(formula);
      setCopy("copied");
    } catch {
      input.current?.focus();
      input.current?.select();
      setCopy("failed");
    }
  };
  return (
    <>
      <Textarea
        ref={input}
        textarea={{ className: styles.formula }}
        readOnly
        resize="none"
        rows={2}
        value={formula}
        aria-label="Formula"
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className={styles.formulaRow}>
        <Button icon={<CopyRegular />} onClick={onCopy}>
          {copy === "copied" ? "Copied" : "Copy"}
        </Button>
        <p role="status" className={styles.note}>
          {copy === "copied" && "Formula copied. Paste it into any cell."}
          {copy === "failed" &&
            "This host does not allow copying from the pane: the formula is selected, press Ctrl+C (⌘C on a Mac)."}
        </p>
      </div>
    </>
  );
}

function SourceFields({ source, id, locator }: { source?: Source; id: string; locator: string }) {
  return (
    <>
      <Field term="Source">{citeSource(id)}</Field>
      {source && source.via.length > 0 && <Field term="Via">{source.via.join(", ")}</Field>}
      {source?.url && <Field term="Link">{source.url}</Field>}
      <Field term="Where">{locator}</Field>
      {source?.note && <Field term="About the source">{source.note}</Field>}
    </>
  );
}

/** Where a long id may wrap: after its dots and underscores, never inside a word. */
function BreakableId({ id }: { id: string }) {
  const parts = id.split(/(?<=[._])/);
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {part}
          {index < parts.length - 1 && <wbr />}
        </span>
      ))}
    </>
  );
}

/** Our note, with each fact id it mentions as a link to that fact's detail, named by its label. */
function NoteText(props: { note: string; catalog: Catalog; onOpen(entry: Entry): void }) {
  const { note, catalog, onOpen } = props;
  const styles = useStyles();
  // Ids are [a-z0-9_.] with at least one dot; only those in the data set become links.
  const pieces = note.split(/([a-z0-9_]+(?:\.[a-z0-9_]+)+)/);
  return (
    <>
      {pieces.map((piece, index) => {
        const entry = catalog.entryByKey.get(`fact:${piece}`);
        if (index % 2 === 0 || !entry || entry.kind !== "fact") return piece;
        return (
          <Link key={index} className={styles.factLink} onClick={() => onOpen(entry)}>
            {entry.fact.label}
          </Link>
        );
      })}
    </>
  );
}

/** Other facts under a heading, each a button that opens it; nothing when there is none. */
function FactLinks(props: {
  id: string;
  title: string;
  facts: readonly FactEntry[];
  describe(fact: Fact): string;
  onOpen(entry: Entry): void;
}) {
  const { id, title, facts, describe, onOpen } = props;
  const styles = useStyles();
  if (facts.length === 0) return null;
  return (
    <section className={styles.claims} aria-labelledby={id}>
      <h3 id={id} className={styles.heading}>
        {title}
      </h3>
      {facts.map((other) => (
        <Button
          key={other.key}
          appearance="subtle"
          className={styles.claim}
          onClick={() => onOpen(other)}
        >
          {describe(other.fact)}
        </Button>
      ))}
    </section>
  );
}

function FactDetail(props: DetailProps & { entry: FactEntry }) {
  const { catalog, entry, selected, onToggle, onOpen, onInsert, busy } = props;
  const styles = useStyles();
  const { fact } = entry;
  const source = catalog.sourceById.get(fact.source);
  const others = claimsFor(catalog, entry).filter((claim) => claim !== entry);
  // Figures on another basis the data links to this one (IREL's NdPr oxide and its Nd capacity).
  const related = relatedFacts(fact.id).flatMap((other) => {
    const found = catalog.entryByKey.get(`fact:${other.id}`);
    return found?.kind === "fact" ? [found] : [];
  });
  const [hold, setHold] = useState<CellsHold>("live");
  const live = hold === "live";
  const dress = dressFor(hold);
  return (
    <>
      <div className={styles.value}>
        <span>{formatFactValue(fact)}</span>
        {entry.disputed && <DisputeBadge />}
        {fact.derived && (
          <Badge appearance="outline" shape="rounded">
            Derived
          </Badge>
        )}
      </div>
      <dl className={styles.fields}>
        {fact.period && <Field term="Period">{fact.period}</Field>}
        {fact.basis && <Field term="Basis">{fact.basis}</Field>}
        {fact.derived ? (
          <Field term="Derived">
            Not stated in the source: computed from other figures
            {fact.note && (
              <>
                {": "}
                <NoteText note={fact.note} catalog={catalog} onOpen={onOpen} />
              </>
            )}
          </Field>
        ) : (
          <Field term="Stated as">{QUALIFIER_TEXT[fact.qualifier]}</Field>
        )}
        <Field term="Topic">{fact.topic}</Field>
        <SourceFields source={source} id={fact.source} locator={fact.locator} />
        {fact.note && !fact.derived && (
          <Field term="Note">
            <NoteText note={fact.note} catalog={catalog} onOpen={onOpen} />
          </Field>
        )}
        <Field term="Id">
          <BreakableId id={fact.id} />
        </Field>
      </dl>
      <h3 className={styles.heading}>Evidence</h3>
      <blockquote className={styles.quote}>“{fact.evidence}”</blockquote>
      <FactLinks
        id="claims-heading"
        title={entry.disputed ? "Other sources say otherwise" : "Other sources agree"}
        facts={others}
        onOpen={onOpen}
        describe={(other) =>
          `${formatFactValue(other)} · ${sourceDisplayName(other.source)}${other.period ? ` · ${other.period}` : ""}`
        }
      />
      <FactLinks
        id="related-heading"
        title="Related figures"
        facts={related}
        onOpen={onOpen}
        describe={(other) =>
          `${other.label}: ${formatFactValue(other)} · ${sourceDisplayName(other.source)}${other.basis ? ` · ${other.basis}` : ""}`
        }
      />
      <h3 className={styles.heading}>Formula</h3>
      <FormulaBox formula={factFormula(fact.id)} />
      <h3 className={styles.heading}>Insert at the selected cell</h3>
      <CellsHoldChoice hold={hold} onChange={setHold} cards={props.cards} />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabledFocusable={busy}
          onClick={() => onInsert({ kind: "fact-cell", fact, live, placement: "selection", dress })}
        >
          This figure as a cell
        </Button>
        <Button
          disabledFocusable={busy}
          onClick={() =>
            onInsert({ kind: "facts", facts: [fact], live, placement: "selection", dress })
          }
        >
          As a cited table
        </Button>
        <Button aria-pressed={selected} onClick={() => onToggle(entry)}>
          {selected ? "Selected for inserting" : "Select for inserting"}
        </Button>
      </div>
      <p className={styles.note}>
        {hold === "cards"
          ? "The cell holds a citation card: the figure, with its source, evidence and the other sources' claims in the card."
          : `The cell holds ${live ? "a live =REE.FACT() formula" : "the figure as a static value"}, with the citation as the cell's note.`}{" "}
        The table adds label, unit, period and source columns, and a Sources sheet.
      </p>
    </>
  );
}

function RowDetail(props: DetailProps & { entry: Exclude<Entry, FactEntry> }) {
  const { catalog, entry, onInsert, busy } = props;
  const styles = useStyles();
  const { table, row } = entry;
  return (
    <>
      <dl className={styles.fields}>
        {table.columns.map((column) => (
          <Field key={column.key} term={column.label}>
            {formatCell(column, row[column.key])}
          </Field>
        ))}
        <SourceFields
          source={catalog.sourceById.get(row.source)}
          id={row.source}
          locator={row.locator}
        />
      </dl>
      <h3 className={styles.heading}>Evidence</h3>
      <blockquote className={styles.quote}>“{row.evidence}”</blockquote>
      <h3 className={styles.heading}>Formula for the whole table</h3>
      <FormulaBox formula={tableFormula(table.name)} />
      <p className={styles.note}>{table.description}</p>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabledFocusable={busy}
          onClick={() => onInsert({ kind: "table", table: table.name, placement: "selection" })}
        >
          Insert this table at the selected cell
        </Button>
      </div>
    </>
  );
}

export default function Detail(props: DetailProps) {
  const { entry, onBack } = props;
  const styles = useStyles();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [entry]);
  const title = entry.kind === "fact" ? entry.fact.label : rowTitle(entry.table, entry.row);
  return (
    <article
      className={styles.root}
      aria-labelledby="detail-title"
      onKeyDown={(event) => event.key === "Escape" && onBack()}
    >
      <Button
        className={styles.back}
        appearance="subtle"
        icon={<ArrowLeftRegular />}
        onClick={onBack}
      >
        Back to results
      </Button>
      <div>
        <div className={styles.caption}>{entry.kind === "fact" ? "Fact" : entry.table.title}</div>
        <h2 id="detail-title" ref={heading} tabIndex={-1} className={styles.title}>
          {title}
        </h2>
      </div>
      {entry.kind === "fact" ? (
        <FactDetail {...props} entry={entry} />
      ) : (
        <RowDetail {...props} entry={entry} />
      )}
    </article>
  );
}
