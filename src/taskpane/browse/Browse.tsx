/** Search, topic and source filters, and the results: facts (selectable for insert) and table rows. */
import { SearchBox, makeStyles, tokens, useId } from "@fluentui/react-components";
import { Suspense, lazy, memo, useCallback, useEffect, useState } from "react";
import { TOPICS } from "../../data/types";
import type { Catalog, Entry, FactEntry, Filters, RowEntry } from "./entries";
import { NO_FILTERS, isFiltered, rowSummary, rowTitle } from "./entries";
import { sourceDisplayName } from "../../model/sourceName";
import { factContext, formatFactValue, plural } from "../format";
import type { FunctionMatch } from "./functionSearch";
import { ResultList } from "./ResultList";
import { OptionSelect, type Option } from "../OptionSelect";

const NoResults = lazy(() => import(/* webpackChunkName: "no-results" */ "./NoResults"));

export interface BrowseProps {
  catalog: Catalog;
  filters: Filters;
  onFiltersChange(filters: Filters): void;
  /** What the filters find; it may lag the filters while the user is typing. */
  results: { facts: FactEntry[]; rows: RowEntry[] };
  selected: ReadonlySet<string>;
  onToggle(entry: FactEntry): void;
  onOpen(entry: Entry): void;
  /** The row to focus when the list shows again after a detail view. */
  focusKey: string | null;
}

/** The REE functions the query names, loaded with the function catalog on the first search. */
function useFunctionMatches(query: string, otherResults: number): FunctionMatch[] {
  const [matches, setMatches] = useState<FunctionMatch[]>([]);
  useEffect(() => {
    let current = true;
    if (query.trim() === "") setMatches([]);
    else {
      void import(/* webpackChunkName: "function-search" */ "./functionSearch").then((search) => {
        if (current) setMatches(search.searchFunctions(query, otherResults));
      });
    }
    return () => {
      current = false;
    };
  }, [query, otherResults]);
  return matches;
}

/** Table rows built at first under a list of facts: below the fold, they follow on scrolling. */
const ROWS_BELOW_FACTS = 3;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  filters: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  field: { display: "flex", flexDirection: "column", gap: "2px", minWidth: 0 },
  label: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  status: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  heading: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  // Fluent's tint "severe" badge, drawn without the Badge component the first screen would load.
  badge: {
    flexShrink: 0,
    whiteSpace: "nowrap",
    display: "inline-flex",
    alignItems: "center",
    height: "20px",
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder1}`,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
  },
  titleLine: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "baseline" },
  functions: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  syntax: { display: "block", fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  summary: { display: "block", color: tokens.colorNeutralForeground2 },
  title: { flexGrow: 1, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  value: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  // Years, counts and ranks are facts about a figure, not tonnages: plain text.
  plainValue: { fontSize: tokens.fontSizeBase300 },
  meta: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  caption: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase100 },
  hint: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
});

/** Units that are not amounts: shown as what they are, not as a headline figure. */
const NOT_QUANTITIES: ReadonlySet<string> = new Set(["year", "years", "count", "rank"]);

const isQuantity = (fact: FactEntry["fact"]) => !NOT_QUANTITIES.has(fact.unit ?? "");

export function DisputeBadge() {
  const styles = useStyles();
  return <span className={styles.badge}>Sources disagree</span>;
}

function FactItem({ entry }: { entry: FactEntry }) {
  const styles = useStyles();
  const { fact } = entry;
  const context = factContext(fact);
  return (
    <>
      <div className={styles.titleLine}>
        <span className={styles.title}>{fact.label}</span>
        {entry.disputed && <DisputeBadge />}
      </div>
      <div>
        <span className={isQuantity(fact) ? styles.value : styles.plainValue}>
          {formatFactValue(fact)}
        </span>
        {context && <span className={styles.meta}> · {context}</span>}
      </div>
      <div className={styles.meta}>Source: {sourceDisplayName(fact.source)}</div>
    </>
  );
}

function RowItem({ entry }: { entry: RowEntry }) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.caption}>{entry.table.title}</div>
      <div className={styles.title}>{rowTitle(entry.table, entry.row)}</div>
      <div className={styles.meta}>{rowSummary(entry.table, entry.row)}</div>
      <div className={styles.meta}>Source: {sourceDisplayName(entry.row.source)}</div>
    </>
  );
}

const factKey = (entry: FactEntry) => entry.key;
const rowKey = (entry: RowEntry) => entry.key;

/** Everything Browse takes but the catalog and the filters, which change on every keystroke. */
type ResultSectionsProps = Omit<BrowseProps, "catalog" | "filters" | "onFiltersChange">;

/**
 * The two lists. Memoised: typing re-renders the search box at once, and the lists only when the
 * deferred results (or the selection) change, so keys never wait on a hundred rows.
 */
const ResultSections = memo(function ResultSections(props: ResultSectionsProps) {
  const { results, selected, onToggle, onOpen, focusKey } = props;
  const styles = useStyles();
  const renderFact = useCallback((entry: FactEntry) => <FactItem entry={entry} />, []);
  const renderRow = useCallback((entry: RowEntry) => <RowItem entry={entry} />, []);
  return (
    <>
      {results.facts.length > 0 && (
        <section aria-labelledby="facts-heading">
          <h2 id="facts-heading" className={styles.heading}>
            Facts
          </h2>
          <ResultList<FactEntry>
            label="Facts"
            items={results.facts}
            itemKey={factKey}
            renderItem={renderFact}
            onOpen={onOpen}
            selection={{ isSelected: (entry) => selected.has(entry.fact.id), toggle: onToggle }}
            focusKey={focusKey}
          />
        </section>
      )}
      {results.rows.length > 0 && (
        <section aria-labelledby="rows-heading">
          <h2 id="rows-heading" className={styles.heading}>
            Reference table rows
          </h2>
          <ResultList<RowEntry>
            label="Reference table rows"
            items={results.rows}
            itemKey={rowKey}
            firstRows={results.facts.length > 0 ? ROWS_BELOW_FACTS : undefined}
            renderItem={renderRow}
            onOpen={onOpen}
            focusKey={focusKey}
          />
        </section>
      )}
    </>
  );
});

const TOPIC_OPTIONS: readonly Option[] = [
  { value: "", text: "All topics" },
  ...TOPICS.map((topic) => ({ value: topic, text: topic[0].toUpperCase() + topic.slice(1) })),
];

/** One filter: a labelled drop-down whose first option ("All …", value "") filters nothing. */
function FilterField(props: {
  label: string;
  value: string;
  options: readonly Option[];
  onChange(value: string): void;
}) {
  const styles = useStyles();
  const id = useId(props.label.toLowerCase());
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.label}>
        {props.label}
      </label>
      <OptionSelect id={id} value={props.value} options={props.options} onChange={props.onChange} />
    </div>
  );
}

export function Browse(props: BrowseProps) {
  const { catalog, filters, onFiltersChange, ...lists } = props;
  const { results, selected } = lists;
  const styles = useStyles();
  const sourceOptions = [
    { value: "", text: "All sources" },
    ...catalog.sources.map((source) => ({ value: source.id, text: sourceDisplayName(source.id) })),
  ];
  const functions = useFunctionMatches(filters.query, results.facts.length + results.rows.length);
  const total = results.facts.length + results.rows.length + functions.length;
  const set = (change: Partial<Filters>) => onFiltersChange({ ...filters, ...change });

  return (
    <div className={styles.root}>
      <SearchBox
        aria-label="Search facts and reference tables"
        placeholder="Search, e.g. NdPr, 84%, IREL"
        value={filters.query}
        onChange={(_, data) => set({ query: data.value })}
      />
      <div className={styles.filters}>
        <FilterField
          label="Topic"
          value={filters.topic}
          options={TOPIC_OPTIONS}
          onChange={(topic) => set({ topic: topic as Filters["topic"] })}
        />
        <FilterField
          label="Source"
          value={filters.source}
          options={sourceOptions}
          onChange={(source) => set({ source })}
        />
      </div>
      <div role="status" className={styles.status}>
        {total === 0
          ? "No results"
          : `${plural(results.facts.length, "fact", "facts")} · ${plural(results.rows.length, "table row", "table rows")}` +
            (functions.length > 0
              ? ` · ${plural(functions.length, "function", "functions")}`
              : "") +
            (selected.size > 0 ? ` · ${plural(selected.size, "fact", "facts")} selected` : "")}
      </div>
      {!isFiltered(filters) && (
        <p className={styles.hint}>
          Every figure from the articles and the USGS tables. Enter opens a row; Space selects a
          fact for inserting.
        </p>
      )}
      {total === 0 && (
        <Suspense fallback={null}>
          <NoResults query={filters.query} onClear={() => onFiltersChange(NO_FILTERS)} />
        </Suspense>
      )}
      {functions.length > 0 && (
        <section aria-labelledby="functions-heading">
          <h2 id="functions-heading" className={styles.heading}>
            Functions
          </h2>
          <ul className={styles.functions}>
            {functions.map((match) => (
              <li key={match.name}>
                <code className={styles.syntax}>={match.syntax}</code>
                <span className={styles.summary}>{match.summary}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ResultSections {...lists} />
    </div>
  );
}
