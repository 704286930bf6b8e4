/**
 * A simple SVG line chart of a ChartWrite's range: the first row names the series, the first column
 * holds the categories (years). Enough to see the shape of the balance the model computes.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { ChartWrite } from "../workbook/port";
import type { PreviewSheet } from "./workbook";
import { parseRange } from "./address";
import { formatCellValue } from "./cellFormat";

const WIDTH = 560;
const HEIGHT = 260;
const PAD = { left: 64, right: 16, top: 16, bottom: 28 };

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  caption: { fontWeight: tokens.fontWeightSemibold },
  svg: { maxWidth: "100%", height: "auto", color: tokens.colorNeutralForeground2 },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    margin: 0,
    padding: 0,
  },
  key: { display: "inline-flex", alignItems: "center", gap: "4px", listStyleType: "none" },
  swatch: { width: "12px", height: "3px" },
});

const COLORS = [
  tokens.colorPaletteBlueForeground2,
  tokens.colorPaletteDarkOrangeForeground2,
  tokens.colorPaletteGreenForeground2,
  tokens.colorPaletteBerryForeground2,
  tokens.colorPaletteTealForeground2,
];

/** The n-th series' colour, the same in the drawing and the legend. */
const seriesColor = (index: number) => COLORS[index % COLORS.length];

export interface ChartData {
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

/** The chart's range read from the computed sheet. */
export function chartData(chart: ChartWrite, sheet: PreviewSheet): ChartData | undefined {
  const range = parseRange(chart.dataAddress);
  if (!range) return undefined;
  const cell = (row: number, col: number) => sheet.cells[row]?.[col]?.value ?? null;
  const categories: string[] = [];
  for (let row = range.start.row + 1; row <= range.end.row; row++) {
    categories.push(formatCellValue(cell(row, range.start.column)));
  }
  const series = [];
  for (let col = range.start.column + 1; col <= range.end.column; col++) {
    const values: (number | null)[] = [];
    for (let row = range.start.row + 1; row <= range.end.row; row++) {
      const value = cell(row, col);
      values.push(typeof value === "number" && Number.isFinite(value) ? value : null);
    }
    series.push({
      name: String(cell(range.start.row, col) ?? `Series ${series.length + 1}`),
      values,
    });
  }
  return { categories, series };
}

/** The axis top: 1, 2, 2.5 or 5 times a power of ten, at or above the largest value. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

/** An axis label, in the chart's text colour. */
function Label(props: {
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
  children: ReactNode;
}) {
  return (
    <text x={props.x} y={props.y} textAnchor={props.anchor} fontSize={11} fill="currentColor">
      {props.children}
    </text>
  );
}

/**
 * What every chart has around its drawing: the figure with its caption, the SVG named for screen
 * readers by `description` ("Line chart: …"), and a legend of the series' colours.
 */
function ChartFrame(props: {
  chart: ChartWrite;
  data: ChartData;
  description: string;
  children: ReactNode;
}) {
  const { chart, data } = props;
  const styles = useStyles();
  return (
    <figure className={styles.figure} data-chart={chart.title}>
      <figcaption className={styles.caption}>{chart.title}</figcaption>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={props.description}
      >
        {props.children}
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        {data.series.map((s, index) => (
          <li key={s.name} className={styles.key}>
            <span className={styles.swatch} style={{ backgroundColor: seriesColor(index) }} />
            {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}

export function LineChart({ chart, sheet }: { chart: ChartWrite; sheet: PreviewSheet }) {
  const data = chartData(chart, sheet);
  if (!data || data.categories.length === 0) return null;
  const all = data.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const min = Math.min(0, ...all);
  const max = niceMax(Math.max(...all, 0));
  const x = (i: number) =>
    PAD.left + (i * (WIDTH - PAD.left - PAD.right)) / Math.max(1, data.categories.length - 1);
  const y = (v: number) => PAD.top + ((max - v) * (HEIGHT - PAD.top - PAD.bottom)) / (max - min);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => min + f * (max - min));
  const every = Math.ceil(data.categories.length / 8);
  return (
    <ChartFrame
      chart={chart}
      data={data}
      description={`Line chart: ${chart.title}, ${data.series.map((s) => s.name).join(", ")} by ${data.categories[0]} to ${data.categories[data.categories.length - 1]}`}
    >
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={PAD.left}
            x2={WIDTH - PAD.right}
            y1={y(tick)}
            y2={y(tick)}
            stroke="currentColor"
            strokeOpacity={0.2}
          />
          <Label x={PAD.left - 6} y={y(tick) + 4} anchor="end">
            {formatCellValue(tick, "#,##0")}
          </Label>
        </g>
      ))}
      {data.categories.map((category, i) =>
        i % every === 0 || i === data.categories.length - 1 ? (
          <Label key={category + i} x={x(i)} y={HEIGHT - PAD.bottom + 16} anchor="middle">
            {category}
          </Label>
        ) : null,
      )}
      {data.series.map((s, index) => (
        <polyline
          key={s.name}
          fill="none"
          stroke={seriesColor(index)}
          strokeWidth={2}
          points={s.values
            .map((v, i) => (v === null ? null : `${x(i)},${y(v)}`))
            .filter(Boolean)
            .join(" ")}
        />
      ))}
    </ChartFrame>
  );
}

/**
 * Horizontal bars per category, one per series, left or right of zero: Excel's clustered bar
 * chart, enough to read a tornado (the first category, the widest swing, on top).
 */
export function BarChart({ chart, sheet }: { chart: ChartWrite; sheet: PreviewSheet }) {
  const data = chartData(chart, sheet);
  if (!data || data.categories.length === 0) return null;
  const all = data.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const reach = niceMax(Math.max(...all.map(Math.abs), 0));
  const [min, max] = [Math.min(...all, 0) < 0 ? -reach : 0, Math.max(...all, 0) > 0 ? reach : 0];
  const left = 160;
  const span = max - min || 1;
  const x = (v: number) => left + ((v - min) * (WIDTH - left - PAD.right)) / span;
  const band = (HEIGHT - PAD.top - PAD.bottom) / data.categories.length;
  const bar = band / (data.series.length + 1);
  return (
    <ChartFrame
      chart={chart}
      data={data}
      description={`Bar chart: ${chart.title}, ${data.series.map((s) => s.name).join(", ")} for ${data.categories.join(", ")}`}
    >
      <line x1={x(0)} x2={x(0)} y1={PAD.top} y2={HEIGHT - PAD.bottom} stroke="currentColor" />
      {[min, 0, max].map((tick) => (
        <Label key={tick} x={x(tick)} y={HEIGHT - 8} anchor="middle">
          {formatCellValue(tick, "#,##0")}
        </Label>
      ))}
      {data.categories.map((category, i) => (
        <g key={category + i}>
          <Label x={left - 6} y={PAD.top + band * (i + 0.5) + 4} anchor="end">
            {category.length > 26 ? `${category.slice(0, 25)}…` : category}
          </Label>
          {data.series.map((s, index) => {
            const v = s.values[i];
            if (v === null) return null;
            return (
              <rect
                key={s.name}
                x={Math.min(x(0), x(v))}
                y={PAD.top + band * i + bar * (index + 0.5)}
                width={Math.abs(x(v) - x(0))}
                height={bar}
                fill={seriesColor(index)}
              />
            );
          })}
        </g>
      ))}
    </ChartFrame>
  );
}
