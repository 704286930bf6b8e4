/**
 * The pane's sections (Browse, Insert, Share, Cell) as ARIA tabs: one tab stop, arrow keys move
 * and select. Plain buttons rather than Fluent's TabList, whose focus-trap helpers are aria-hidden
 * yet focusable (an axe "aria-hidden-focus" violation) and which the first screen does not need to
 * pay for.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { KeyboardEvent } from "react";

export interface PaneTab<T extends string> {
  value: T;
  label: string;
}

export const PANEL_ID = "pane-panel";
export const tabId = (value: string) => `pane-tab-${value}`;

const useStyles = makeStyles({
  list: { display: "flex", gap: tokens.spacingHorizontalXS },
  tab: {
    border: "none",
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalMNudge}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    cursor: "pointer",
    borderRadius: `${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0 0`,
    ":hover": {
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorSubtleBackgroundHover,
    },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
});

export function PaneTabs<T extends string>(props: {
  label: string;
  tabs: PaneTab<T>[];
  selected: T;
  onSelect(value: T): void;
}) {
  const { label, tabs, selected, onSelect } = props;
  const styles = useStyles();
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.value === selected);
    const moves: Record<string, number> = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = tabs[moves[event.key]];
    onSelect(next.value);
    document.getElementById(tabId(next.value))?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={styles.list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.value}
          id={tabId(tab.value)}
          type="button"
          role="tab"
          aria-selected={tab.value === selected}
          aria-controls={PANEL_ID}
          tabIndex={tab.value === selected ? 0 : -1}
          className={mergeClasses(styles.tab, tab.value === selected && styles.selected)}
          onClick={() => onSelect(tab.value)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
