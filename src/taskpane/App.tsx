/**
 * The task pane. It reaches the workbook only through the WorkbookPort it is given, so the same pane
 * runs in Excel (Office.js port) and in the browser preview (HyperFormula port). The first screen is
 * the search; the detail view, the insert panel and the feedback bar load on first use.
 */
import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import { DATA_VERSION } from "../data";
import { prepareSearch } from "../data/search";
import type { ReadableWorkbookPort } from "../workbook/port";
import type { Colleague } from "./share/PortablePanel";
import type { DeliverWorkbook } from "./share/StandalonePanel";
import { downloadFile } from "./share/download";
import { Browse } from "./browse/Browse";
import {
  NO_FILTERS,
  filterCatalog,
  getCatalog,
  type Entry,
  type FactEntry,
  type Filters,
} from "./browse/entries";
import type { InsertRequest } from "./insert/insert";
import { runWhenIdle } from "./idle";
import { useColorScheme, type Host } from "./officeTheme";
import { PANEL_ID, PaneTabs, tabId } from "./PaneTabs";
import { useTheme } from "./theme";
import { useInsert } from "./insert/useInsert";
import { OutcomeProvider, useOutcome } from "./outcome";

const Detail = lazy(() => import(/* webpackChunkName: "detail" */ "./detail/Detail"));
const InsertPanel = lazy(() => import(/* webpackChunkName: "insert" */ "./insert/InsertPanel"));
const PortablePanel = lazy(() => import(/* webpackChunkName: "share" */ "./share/PortablePanel"));
const VintagePanel = lazy(() => import(/* webpackChunkName: "share" */ "./share/VintagePanel"));
const StandalonePanel = lazy(
  () => import(/* webpackChunkName: "share" */ "./share/StandalonePanel"),
);
const CellView = lazy(() => import(/* webpackChunkName: "cell" */ "./cell/CellView"));
const Feedback = lazy(() => import(/* webpackChunkName: "feedback" */ "./Feedback"));

export interface AppProps {
  port: ReadableWorkbookPort;
  host: Host;
  /** Requirement sets this Excel lacks, as sentences (from checkRequirements). */
  warnings?: readonly string[];
  /** The preview's "colleague without the add-in" switch (the REE functions off); absent in Excel. */
  colleague?: Colleague;
  /** How a generated .xlsx reaches the user; a browser download unless the host knows better. */
  deliverWorkbook?: DeliverWorkbook;
  /** Where the function help pages are, relative to the pane's page. */
  helpBase?: string;
}

const browserDownload: DeliverWorkbook = async (bytes, fileName, mime) =>
  downloadFile(bytes, fileName, mime);

const useStyles = makeStyles({
  provider: {
    minHeight: "100%",
    display: "flex",
    flexDirection: "column",
    // Fluent draws an unselected radio's label grey, which reads as disabled: every choice is live.
    "& .fui-Radio__input:enabled:not(:checked) ~ .fui-Radio__label": {
      color: tokens.colorNeutralForeground1,
    },
  },
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
  header: { display: "flex", flexDirection: "column" },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  version: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  // Each Share section stands apart: space, then a rule above the next heading.
  share: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXL,
    "& > section + section": {
      borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      paddingTop: tokens.spacingVerticalXL,
    },
  },
});

type View = "browse" | "insert" | "share" | "cell";

export function App(props: AppProps) {
  const scheme = useColorScheme(props.host);
  const theme = useTheme(scheme);
  const styles = useStyles();
  return (
    // colorScheme: the native parts (the filters' open lists, scrollbars) follow the theme too.
    <FluentProvider
      theme={theme}
      className={styles.provider}
      style={{ colorScheme: scheme }}
      data-theme={scheme}
    >
      <OutcomeProvider>
        <Pane {...props} />
      </OutcomeProvider>
    </FluentProvider>
  );
}

function Pane({
  port,
  warnings = [],
  colleague,
  deliverWorkbook = browserDownload,
  helpBase = "help/",
}: AppProps) {
  const styles = useStyles();
  const data = getCatalog();
  const [view, setView] = useState<View>("browse");
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [detail, setDetail] = useState<Entry | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const inserter = useInsert(port);
  // The insert's notice goes as soon as another action starts (one outcome at a time).
  const insertOutcome = useOutcome("insert");
  const { dismiss } = inserter;
  useEffect(() => {
    if (!insertOutcome.shown) dismiss();
  }, [insertOutcome.shown, dismiss]);

  // Results follow typing at lower priority, so keys never wait on the list. The first list is part
  // of the first paint: it is one page of rows (ResultList), cheaper than a second render pass.
  const deferredFilters = useDeferredValue(filters);
  // The search index is built while the pane is idle after that paint, not on the first keystroke.
  useEffect(() => runWhenIdle(prepareSearch), []);
  const results = useMemo(() => filterCatalog(data, deferredFilters), [data, deferredFilters]);

  const toggle = useCallback((entry: FactEntry) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(entry.fact.id)) next.delete(entry.fact.id);
      else next.add(entry.fact.id);
      return next;
    });
  }, []);

  const open = useCallback((entry: Entry) => {
    setFocusKey(null);
    setDetail(entry);
  }, []);

  const openFact = useCallback(
    (id: string) => {
      const entry = data.facts.find((candidate) => candidate.fact.id === id);
      if (!entry) return;
      setView("browse");
      open(entry);
    },
    [data, open],
  );

  const closeDetail = useCallback(() => {
    setFocusKey(detail?.key ?? null);
    setDetail(null);
  }, [detail]);

  const { claim } = insertOutcome;
  const insert = useCallback(
    (request: InsertRequest) => {
      claim();
      void inserter.run(request);
    },
    [inserter, claim],
  );

  const selectedFacts = useMemo(
    () => data.facts.filter((entry) => selected.has(entry.fact.id)).map((entry) => entry.fact),
    [data, selected],
  );

  return (
    <main className={styles.pane}>
      <header className={styles.header}>
        <h1 className={styles.title}>Rare Earth Supply Modeler</h1>
        <span className={styles.version}>
          Data {DATA_VERSION.version} ({DATA_VERSION.date})
        </span>
      </header>
      {(warnings.length > 0 || inserter.state.phase !== "idle") && (
        <Suspense fallback={null}>
          <Feedback warnings={warnings} inserter={inserter} />
        </Suspense>
      )}
      <PaneTabs<View>
        label="Pane sections"
        tabs={[
          { value: "browse", label: "Browse" },
          { value: "insert", label: selected.size > 0 ? `Insert (${selected.size})` : "Insert" },
          { value: "share", label: "Share" },
          { value: "cell", label: "Cell" },
        ]}
        selected={view}
        onSelect={setView}
      />
      <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(view)}>
        <div hidden={view !== "browse" || detail !== null}>
          <Browse
            catalog={data}
            filters={filters}
            onFiltersChange={setFilters}
            results={results}
            selected={selected}
            onToggle={toggle}
            onOpen={open}
            focusKey={view === "browse" && detail === null ? focusKey : null}
          />
        </div>
        <Suspense fallback={<span role="status">Loading…</span>}>
          {view === "browse" && detail && (
            <Detail
              catalog={data}
              entry={detail}
              selected={detail.kind === "fact" && selected.has(detail.fact.id)}
              onToggle={toggle}
              onOpen={open}
              onBack={closeDetail}
              onInsert={insert}
              busy={inserter.state.phase === "busy"}
              cards={port.cardSupport()}
            />
          )}
          {view === "share" && (
            <div className={styles.share}>
              <PortablePanel port={port} colleague={colleague} />
              <VintagePanel port={port} />
              <StandalonePanel deliver={deliverWorkbook} />
            </div>
          )}
          {view === "cell" && (
            <CellView
              port={port}
              onOpenFact={openFact}
              onInsert={insert}
              busy={inserter.state.phase === "busy"}
              helpBase={helpBase}
            />
          )}
          {view === "insert" && (
            <InsertPanel
              catalog={data}
              selectedFacts={selectedFacts}
              shownFacts={results.facts}
              onClearSelection={() => setSelected(new Set())}
              onInsert={insert}
              busy={inserter.state.phase === "busy"}
              cards={port.cardSupport()}
            />
          )}
        </Suspense>
      </div>
    </main>
  );
}
