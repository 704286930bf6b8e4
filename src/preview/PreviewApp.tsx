/**
 * The browser preview: a workbook computed by HyperFormula with the REE functions (sheet tabs, a
 * formula bar, a grid of computed values, simple charts) beside the real task pane, which writes to
 * it through the same WorkbookPort contract as in Excel.
 */
import {
  FluentProvider,
  Input,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { App } from "../taskpane/App";
import { useColorScheme } from "../taskpane/officeTheme";
import { useTheme } from "../taskpane/theme";
import type { ReadableWorkbookPort, SheetRef } from "../workbook/port";
import {
  cellAddress,
  columnLetters,
  inRange,
  parseCell,
  parseRange,
  type CellPosition,
} from "./address";
import { formatCellValue } from "./cellFormat";
import { CARD_PANEL_WIDTH, CardCellContent, CardPanel } from "./CardView";
import { BarChart, LineChart } from "./Chart";
import type { PreviewCell, PreviewSheet, PreviewWorkbook } from "./workbook";

/** Rows and columns shown beyond the used range, so there is room to click. */
const MARGIN = { rows: 6, cols: 3 };
const MIN = { rows: 20, cols: 8 };

/** The column letters and the row numbers: grey, and in view when the grid scrolls. */
const headerCell = {
  position: "sticky",
  backgroundColor: tokens.colorNeutralBackground3,
  color: tokens.colorNeutralForeground2,
  fontWeight: tokens.fontWeightRegular,
  borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  padding: "2px 6px",
} as const;

const useStyles = makeStyles({
  layout: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 380px",
    height: "100vh",
    fontFamily: tokens.fontFamilyBase,
  },
  workbook: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    minHeight: 0,
    borderRight: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  // Relative: a selected card cell's card opens over the right of the grid (CardView).
  section: {
    display: "flex",
    flexDirection: "column",
    flexGrow: 1,
    minHeight: 0,
    position: "relative",
  },
  banner: {
    flexShrink: 0,
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  title: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  formulaBar: {
    flexShrink: 0,
    display: "grid",
    gridTemplateColumns: "140px 1fr",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
  },
  nameBox: { fontFamily: tokens.fontFamilyMonospace },
  formula: { fontFamily: tokens.fontFamilyMonospace },
  scroller: { flexGrow: 1, overflow: "auto", backgroundColor: tokens.colorNeutralBackground1 },
  // Room for the open card (CardView's width), so it covers no cell.
  besideCard: { marginRight: CARD_PANEL_WIDTH },
  // Separate borders: collapsed ones stay behind when the header row sticks, and rows show through.
  grid: {
    borderCollapse: "separate",
    borderSpacing: 0,
    fontSize: tokens.fontSizeBase200,
    outlineStyle: "none",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  header: { ...headerCell, top: 0, zIndex: 1, minWidth: "88px" },
  rowHeader: { ...headerCell, left: 0, minWidth: "32px", textAlign: "right" },
  corner: { left: 0, zIndex: 2, minWidth: "32px" },
  cell: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    height: "20px",
    maxWidth: "260px",
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
    cursor: "cell",
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  editor: {
    width: "100%",
    minWidth: "80px",
    boxSizing: "border-box",
    border: "none",
    padding: 0,
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    outlineStyle: "none",
  },
  cellMessage: {
    flexShrink: 0,
    margin: 0,
    padding: `0 ${tokens.spacingHorizontalM}`,
    minHeight: tokens.lineHeightBase200,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  // Excel's mark for a cell with a note: a small triangle in the top-right corner.
  noted: {
    backgroundImage: `linear-gradient(225deg, ${tokens.colorPaletteRedBorder2} 5px, transparent 5px)`,
  },
  bold: { fontWeight: tokens.fontWeightSemibold },
  inRange: { backgroundColor: tokens.colorBrandBackground2 },
  active: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  charts: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingVerticalM,
  },
  tabs: {
    display: "flex",
    gap: "2px",
    flexShrink: 0,
    overflowX: "auto",
    overflowY: "hidden",
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  tab: {
    border: "none",
    borderBottom: "3px solid transparent",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    cursor: "pointer",
    whiteSpace: "nowrap",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  tabActive: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `3px solid ${tokens.colorBrandStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  pane: { overflowY: "auto", minWidth: 0 },
});

interface Selection {
  sheet: string;
  /** The selected range; its top-left cell is the active cell. */
  address: string;
}

export function PreviewApp({ workbook }: { workbook: PreviewWorkbook }) {
  const theme = useTheme(useColorScheme("preview"));
  const styles = useStyles();
  const [sheets, setSheets] = useState(() => workbook.sheets());
  const [selection, setSelection] = useState<Selection>({
    sheet: sheets[0]?.name ?? "Sheet1",
    address: "A1",
  });

  useEffect(() => workbook.subscribe(() => setSheets(workbook.sheets())), [workbook]);

  const select = useCallback(
    (target: SheetRef) => {
      setSelection(target);
      void workbook.port.select(target);
    },
    [workbook],
  );

  // Every selection change passes here, so the grid shows whole ranges (the snapshot only reports
  // the top-left cell): after an insert, what the plan selects; after "Select inserted range", that.
  const port = useMemo<ReadableWorkbookPort>(
    () => ({
      readCells: (scope) => workbook.port.readCells(scope),
      readSpills: (anchors) => workbook.port.readSpills(anchors),
      readCards: (cells) => workbook.port.readCards(cells),
      cardSupport: () => workbook.port.cardSupport(),
      watchSelection: workbook.port.watchSelection,
      snapshot: (request) => workbook.port.snapshot(request),
      apply: async (plan) => {
        await workbook.port.apply(plan);
        if (plan.select) setSelection(plan.select);
      },
      select: async (target) => {
        await workbook.port.select(target);
        setSelection(target);
      },
    }),
    [workbook],
  );

  const sheet = sheets.find((s) => s.name === selection.sheet) ?? sheets[0];
  return (
    <div className={styles.layout}>
      <FluentProvider theme={theme} className={styles.workbook}>
        <section aria-labelledby="workbook-title" className={styles.section}>
          <div className={styles.banner}>
            <h2 id="workbook-title" className={styles.title}>
              Workbook (browser preview)
            </h2>
            Computed in the browser by HyperFormula with the same REE functions as in Excel. No
            Excel needed.
          </div>
          {sheet && (
            <SheetView
              workbook={workbook}
              sheet={sheet}
              sheetIndex={sheets.indexOf(sheet)}
              selection={selection}
              onSelect={select}
            />
          )}
          <SheetTabs
            sheets={sheets}
            active={sheet?.name ?? ""}
            onSelect={(name) => select({ sheet: name, address: "A1" })}
          />
        </section>
      </FluentProvider>
      <div className={styles.pane} data-testid="task-pane">
        <App
          port={port}
          host="preview"
          helpBase="../help/"
          colleague={{
            active: !workbook.reeFunctionsEnabled(),
            onChange: (active) => workbook.setReeFunctionsEnabled(!active),
          }}
        />
      </div>
    </div>
  );
}

function SheetTabs(props: {
  sheets: PreviewSheet[];
  active: string;
  onSelect(name: string): void;
}) {
  const { sheets, active, onSelect } = props;
  const styles = useStyles();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const steps: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
    const next = sheets.findIndex((s) => s.name === active) + (steps[event.key] ?? NaN);
    if (!(next >= 0 && next < sheets.length)) return;
    event.preventDefault();
    onSelect(sheets[next].name);
    (event.currentTarget.children[next] as HTMLElement | undefined)?.focus();
  };
  return (
    <div role="tablist" aria-label="Sheets" className={styles.tabs} onKeyDown={onKeyDown}>
      {sheets.map((s, index) => (
        <button
          key={s.name}
          id={`sheet-tab-${index}`}
          type="button"
          role="tab"
          aria-selected={s.name === active}
          aria-controls="sheet-panel"
          tabIndex={s.name === active ? 0 : -1}
          data-sheet={s.name}
          className={mergeClasses(styles.tab, s.name === active && styles.tabActive)}
          onClick={() => onSelect(s.name)}
        >
          {s.name}
        </button>
      ))}
    </div>
  );
}

/** Text being typed into the active cell; `inCell` when it is typed in the cell, not the bar. */
interface Edit {
  text: string;
  inCell: boolean;
}

/** What the grid says about a cell beyond its value: an error's reason, or the cell's note. */
function cellRemark(cell: PreviewCell | undefined): string | undefined {
  if (cell?.message) return `${String(cell.value)}: ${cell.message}`;
  return cell?.note ? `Note: ${cell.note}` : undefined;
}

/** On hover: the formula, then the remark. */
function cellTitle(cell: PreviewCell | undefined): string | undefined {
  return [cell?.formula, cellRemark(cell)].filter(Boolean).join("\n") || undefined;
}

interface SheetViewProps {
  workbook: PreviewWorkbook;
  sheet: PreviewSheet;
  sheetIndex: number;
  selection: Selection;
  onSelect(target: SheetRef): void;
}

function SheetView({ workbook, sheet, sheetIndex, selection, onSelect }: SheetViewProps) {
  const styles = useStyles();
  const range = selection.sheet === sheet.name ? parseRange(selection.address) : undefined;
  const active = range?.start ?? { row: 0, column: 0 };
  const activeAddress = cellAddress(active);
  const activeCell = sheet.cells[active.row]?.[active.column];
  const rows = Math.max(MIN.rows, sheet.cells.length + MARGIN.rows);
  const cols = Math.max(MIN.cols, (sheet.cells[0]?.length ?? 0) + MARGIN.cols);
  // Like Excel's name box: a cell with a defined name shows the name.
  const name = workbook.names().find((n) => {
    const cell = n.sheet === sheet.name ? parseCell(n.address) : undefined;
    return cell && cellAddress(cell) === activeAddress;
  })?.name;
  const charts = workbook.charts().filter((chart) => chart.sheet === sheet.name);

  const shown =
    activeCell?.formula ??
    activeCell?.card?.text ??
    (activeCell ? formatCellValue(activeCell.value) : "");
  // What the user is typing: in the cell itself (typed over it, F2, double-click) or in the bar.
  const [edit, setEdit] = useState<Edit | null>(null);
  const editing = useRef<Edit | null>(null);
  editing.current = edit;
  const gridRef = useRef<HTMLTableElement>(null);
  const formulaRef = useRef<HTMLInputElement>(null);
  const cellId = (position: CellPosition) => `cell-${sheetIndex}-${cellAddress(position)}`;

  const move = (row: number, col: number) =>
    onSelect({
      sheet: sheet.name,
      address: cellAddress({
        row: Math.min(rows - 1, Math.max(0, row)),
        column: Math.min(cols - 1, Math.max(0, col)),
      }),
    });

  /** Writes what was typed, once, unless it is what the cell already holds. */
  const commit = () => {
    const current = editing.current;
    editing.current = null;
    setEdit(null);
    if (current && current.text !== shown)
      workbook.setCell(sheet.name, activeAddress, current.text);
  };
  const cancel = () => {
    editing.current = null;
    setEdit(null);
    gridRef.current?.focus();
  };
  /** Enter, Tab and their Shift forms: commit, then move as a spreadsheet does. */
  const commitAndMove = (event: KeyboardEvent<HTMLElement>) => {
    const step = event.shiftKey ? -1 : 1;
    const [down, right] = event.key === "Tab" ? [0, step] : [step, 0];
    event.preventDefault();
    commit();
    move(active.row + down, active.column + right);
    gridRef.current?.focus();
  };
  const onEditorKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === "Tab") commitAndMove(event);
    else if (event.key === "Escape") {
      event.preventDefault();
      cancel();
    }
  };

  const onGridKey = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.target !== event.currentTarget) return; // keys typed into the in-cell editor
    const moves: Record<string, [number, number]> = {
      ArrowDown: [1, 0],
      ArrowUp: [-1, 0],
      ArrowRight: [0, 1],
      ArrowLeft: [0, -1],
      Enter: event.shiftKey ? [-1, 0] : [1, 0],
    };
    const delta = moves[event.key];
    const typed = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (delta) move(active.row + delta[0], active.column + delta[1]);
    else if (event.key === "F2") setEdit({ text: shown, inCell: true });
    // Typing replaces the cell's content, as in Excel; Backspace starts from empty.
    else if (typed) setEdit({ text: event.key, inCell: true });
    else if (event.key === "Backspace") setEdit({ text: "", inCell: true });
    else if (event.key === "Delete") {
      if (activeCell) workbook.setCell(sheet.name, activeAddress, "");
    } else return;
    event.preventDefault();
  };

  const activeId = cellId(active);
  const messageId = `cell-message-${sheetIndex}`;
  const activeRemark = cellRemark(activeCell);
  // Widths the insert set, in points (Excel's unit): 1 pt = 4/3 px.
  const widthStyle = (col: number) => {
    const points = sheet.columnWidths?.[col];
    if (!points) return undefined;
    const px = `${Math.round((points * 4) / 3)}px`;
    return { width: px, minWidth: px, maxWidth: px };
  };
  useEffect(() => {
    document.getElementById(activeId)?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [activeId]);

  return (
    <>
      <div className={styles.formulaBar}>
        <Input
          className={styles.nameBox}
          readOnly
          aria-label="Selected cell"
          value={name ?? activeAddress}
          size="small"
        />
        <Input
          ref={formulaRef}
          className={styles.formula}
          aria-label={`Formula or value of ${activeAddress}; Enter saves`}
          size="small"
          value={edit?.text ?? shown}
          data-testid="formula-bar"
          onChange={(_, data) => setEdit({ text: data.value, inCell: false })}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === "Enter") commitAndMove(event);
            else if (event.key === "Escape") cancel();
          }}
        />
      </div>
      {/* The active cell's error reason or note: read out when the keyboard reaches it. */}
      <p
        id={messageId}
        className={styles.cellMessage}
        aria-live="polite"
        data-testid="cell-message"
      >
        {activeRemark && `${activeAddress}: ${activeRemark}`}
      </p>
      <div
        className={mergeClasses(styles.scroller, activeCell?.card && styles.besideCard)}
        role="tabpanel"
        id="sheet-panel"
        aria-labelledby={`sheet-tab-${sheetIndex}`}
      >
        <table
          ref={gridRef}
          role="grid"
          aria-label={`Cells of ${sheet.name}`}
          aria-activedescendant={activeId}
          tabIndex={0}
          className={styles.grid}
          onKeyDown={onGridKey}
          data-sheet={sheet.name}
        >
          <thead>
            <tr>
              <th
                className={mergeClasses(styles.header, styles.corner)}
                aria-label="Rows and columns"
              />
              {Array.from({ length: cols }, (_, col) => (
                <th key={col} scope="col" className={styles.header} style={widthStyle(col)}>
                  {columnLetters(col)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, row) => (
              <tr key={row}>
                <th scope="row" className={styles.rowHeader}>
                  {row + 1}
                </th>
                {Array.from({ length: cols }, (_, col) => {
                  const cell = sheet.cells[row]?.[col];
                  const position = { row, column: col };
                  const isActive = row === active.row && col === active.column && !!range;
                  const select = () =>
                    onSelect({ sheet: sheet.name, address: cellAddress(position) });
                  return (
                    <td
                      key={col}
                      id={cellId(position)}
                      role="gridcell"
                      aria-selected={inRange(position, range)}
                      data-address={cellAddress(position)}
                      title={cellTitle(cell)}
                      aria-describedby={isActive && activeRemark ? messageId : undefined}
                      data-note={cell?.note ? "" : undefined}
                      style={
                        sheet.columnWidths?.[col]
                          ? { maxWidth: widthStyle(col)?.maxWidth }
                          : undefined
                      }
                      className={mergeClasses(
                        styles.cell,
                        typeof cell?.value === "number" && styles.number,
                        cell?.bold && styles.bold,
                        cell?.note && styles.noted,
                        inRange(position, range) && styles.inRange,
                        isActive && styles.active,
                      )}
                      onClick={select}
                      onDoubleClick={() => {
                        select();
                        setEdit({
                          text: cell?.formula ?? (cell ? formatCellValue(cell.value) : ""),
                          inCell: true,
                        });
                      }}
                    >
                      {isActive && edit?.inCell ? (
                        <input
                          autoFocus
                          className={styles.editor}
                          aria-label={`Edit ${activeAddress}; Enter saves, Escape cancels`}
                          data-testid="cell-editor"
                          value={edit.text}
                          onChange={(event) => setEdit({ text: event.target.value, inCell: true })}
                          onKeyDown={onEditorKey}
                          // The caret after what is there, as when typing over a cell or F2.
                          onFocus={(event) => {
                            const end = event.currentTarget.value.length;
                            event.currentTarget.setSelectionRange(end, end);
                          }}
                          onBlur={commit}
                        />
                      ) : cell?.card ? (
                        <CardCellContent card={cell.card} />
                      ) : cell ? (
                        formatCellValue(cell.value, cell.numberFormat)
                      ) : (
                        ""
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        {charts.length > 0 && (
          <div className={styles.charts}>
            {charts.map((chart) =>
              chart.type === "bar" ? (
                <BarChart key={chart.title + chart.anchor} chart={chart} sheet={sheet} />
              ) : (
                <LineChart key={chart.title + chart.anchor} chart={chart} sheet={sheet} />
              ),
            )}
          </div>
        )}
      </div>
      {activeCell?.card && <CardPanel card={activeCell.card} address={activeAddress} />}
    </>
  );
}
