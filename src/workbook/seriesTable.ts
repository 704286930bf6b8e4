/**
 * A time series (REE.SERIES's data) as a cited Excel table on a sheet of its own, with a line chart
 * of the values over the periods. Values are written as figures with their citation beside them,
 * and pinned like every insert's, so a later data release can list what changed. Gaps in the series
 * stay gaps: the table lists only the periods the sources give.
 */
import { factById, type Fact } from "../data";
import { seriesPoints, type SeriesPoint } from "../model/series";
import { value } from "./cells";
import { unitFormat } from "../model/formats";
import { GridBuilder, PlanBuilder, count, type Planned } from "./plan";
import { rangeAddress } from "./address";
import type { WorkbookSnapshot } from "./port";
import { listSources } from "./sources";

const SERIES_COLUMNS = ["Period", "Value", "Unit", "Fact", "Source"] as const;

/** "india.magnet_imports_t" -> "Series magnet imports t" (sheet names are made unique by the builder). */
function sheetTitle(key: string): string {
  const words = key.replace(/^india\./, "").replace(/[._]/g, " ");
  return `Series ${words}`.slice(0, 28);
}

export function planSeriesTable(snapshot: WorkbookSnapshot, key: string): Planned {
  const points: SeriesPoint[] = seriesPoints(key);
  const builder = new PlanBuilder(snapshot);
  const sheet = builder.newSheet(sheetTitle(key));
  const grid = new GridBuilder(SERIES_COLUMNS.length);
  grid.heading(SERIES_COLUMNS);
  for (const point of points) {
    grid.row(
      [
        value(point.period.label),
        value(point.value),
        value(point.unit),
        value(point.fact),
        value(point.source),
      ],
      [null, unitFormat(point.unit), null, null, null],
    );
  }
  const target = builder.block(sheet, { row: 0, column: 0 }, grid.build());
  const table = builder.table(target, "REE_Series");
  builder.chart({
    sheet,
    type: "line",
    title: `${key} (${points[0]?.unit ?? ""})`,
    dataAddress: rangeAddress({ row: 0, column: 0, rows: points.length + 1, columns: 2 }),
    seriesNames: [key],
    sourceCalculated: true,
    anchor: rangeAddress({ row: 0, column: SERIES_COLUMNS.length + 1, rows: 16, columns: 7 }),
  });
  builder.columnWidths(sheet, [80, 90, 90, 330, 420]);
  const facts = points.map((point) => factById(point.fact)).filter((f): f is Fact => !!f);
  const sources = listSources(
    builder,
    facts.map((fact) => fact.source),
  );
  return builder.finish(
    target,
    `${key}: ${count(points.length, "period")} inserted as table ${table} with a line chart on ${sheet}; ${sources}`,
    {
      figures: facts.map((fact, index) => ({
        fact,
        cell: { sheet, address: rangeAddress({ row: index + 1, column: 1, rows: 1, columns: 1 }) },
      })),
    },
  );
}
