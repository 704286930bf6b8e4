/**
 * A listbox with one tab stop: arrow keys, Home/End and Page Up/Down move between rows, Enter opens
 * a row, Space toggles it for insertion (or opens it when the list has no selection). Rows hold no
 * focusable children, so the list stays a single, predictable stop for keyboard and screen readers.
 *
 * Long lists render a page of rows and add a page whenever their end scrolls near the viewport (or
 * the keyboard moves past it): the pane opens without building rows nobody has scrolled to. Each
 * row states its position and the list's size, so screen readers still hear the whole count.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { CheckmarkFilled } from "@fluentui/react-icons";
import {
  startTransition,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from "react";

export interface ListSelection<T> {
  isSelected(item: T): boolean;
  toggle(item: T): void;
}

export interface ResultListProps<T> {
  label: string;
  items: readonly T[];
  itemKey(item: T): string;
  renderItem(item: T): ReactNode;
  onOpen(item: T): void;
  selection?: ListSelection<T>;
  /** Focus this row once it is rendered (returning from a detail view). */
  focusKey?: string | null;
  /** Rows built before the list is scrolled near: fewer for a list that starts below the fold. */
  firstRows?: number;
}

/** Rows rendered at first, and added each time the end of the list comes near the viewport. */
export const ROWS_PER_PAGE = 10;

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: "2px", padding: "2px" },
  option: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    outlineStyle: "none",
    // Rows below the fold skip layout and paint until scrolled to: the first list costs less.
    contentVisibility: "auto",
    containIntrinsicSize: "auto 64px",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "-2px",
    },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  check: {
    flexShrink: 0,
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    width: "16px",
    height: "16px",
    marginTop: "2px",
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStrokeAccessible}`,
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: "12px",
  },
  checked: {
    backgroundColor: tokens.colorCompoundBrandBackground,
    border: `1px solid ${tokens.colorCompoundBrandBackground}`,
  },
  body: { flexGrow: 1, minWidth: 0 },
  more: { height: "1px" },
});

/** How many rows to render: a page, then more as the list's end nears the viewport. */
function useRenderedCount(total: number, firstRows: number) {
  const [count, setCount] = useState(firstRows);
  const sentinelRef = useRef<HTMLDivElement>(null);
  const rendered = Math.min(count, total);
  useEffect(() => {
    const sentinel = sentinelRef.current;
    if (!sentinel || rendered >= total) return;
    // Without IntersectionObserver (older hosts, jsdom) there is no way to know: render them all.
    if (typeof IntersectionObserver !== "function") {
      setCount(total);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          startTransition(() => setCount((current) => current + ROWS_PER_PAGE));
        }
      },
      { rootMargin: "200px 0px" },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [rendered, total]);
  const renderThrough = useCallback(
    (index: number) => setCount((current) => Math.max(current, index + 1 + ROWS_PER_PAGE)),
    [],
  );
  return { rendered, sentinelRef, renderThrough };
}

export function ResultList<T>(props: ResultListProps<T>) {
  const { label, items, itemKey, renderItem, onOpen, selection, focusKey } = props;
  const firstRows = props.firstRows ?? ROWS_PER_PAGE;
  const styles = useStyles();
  const listRef = useRef<HTMLDivElement>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  // A row to focus once it is rendered: keys and "back from detail" may target rows not built yet.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const { rendered, sentinelRef, renderThrough } = useRenderedCount(items.length, firstRows);
  const found = items.findIndex((item) => itemKey(item) === activeKey);
  const activeIndex = found < 0 ? 0 : found;

  useEffect(() => {
    if (!focusKey) return;
    const index = items.findIndex((item) => itemKey(item) === focusKey);
    if (index < 0) return;
    renderThrough(index);
    setFocusTarget(focusKey);
  }, [focusKey, items, itemKey, renderThrough]);

  useLayoutEffect(() => {
    if (!focusTarget) return;
    const rows = Array.from(listRef.current?.children ?? []) as HTMLElement[];
    const row = rows.find((element) => element.dataset.key === focusTarget);
    if (row) {
      row.focus();
      setFocusTarget(null);
    }
  }, [focusTarget, rendered]);

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(items.length - 1, index));
    const key = itemKey(items[target]);
    renderThrough(target);
    setActiveKey(key);
    setFocusTarget(key);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const item = items[activeIndex];
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + 10,
      PageUp: activeIndex - 10,
      Home: 0,
      End: items.length - 1,
    };
    if (event.key in moves) moveTo(moves[event.key]);
    else if (event.key === "Enter") onOpen(item);
    else if (event.key === " ") (selection ? selection.toggle : onOpen)(item);
    else return;
    event.preventDefault();
  };

  return (
    <>
      <div
        ref={listRef}
        role="listbox"
        aria-label={label}
        aria-multiselectable={selection ? true : undefined}
        className={styles.list}
        onKeyDown={onKeyDown}
      >
        {items.slice(0, rendered).map((item, index) => {
          const key = itemKey(item);
          const selected = selection ? selection.isSelected(item) : index === activeIndex;
          return (
            <div
              key={key}
              role="option"
              aria-selected={selected}
              aria-posinset={index + 1}
              aria-setsize={items.length}
              data-key={key}
              tabIndex={index === activeIndex ? 0 : -1}
              className={mergeClasses(styles.option, selection && selected && styles.selected)}
              onFocus={() => setActiveKey(key)}
              onClick={() => onOpen(item)}
            >
              {selection && (
                <span
                  aria-hidden="true"
                  data-testid="row-check"
                  className={mergeClasses(styles.check, selected && styles.checked)}
                  onClick={(event) => {
                    event.stopPropagation();
                    selection.toggle(item);
                  }}
                >
                  {selected && <CheckmarkFilled />}
                </span>
              )}
              <div className={styles.body}>{renderItem(item)}</div>
            </div>
          );
        })}
      </div>
      {rendered < items.length && <div ref={sentinelRef} className={styles.more} />}
    </>
  );
}
