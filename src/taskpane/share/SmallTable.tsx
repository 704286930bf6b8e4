/** A small read-only table, one row an item: the cells a Share action would change, the figures. */
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
} from "@fluentui/react-components";
import type { ReactNode } from "react";

export interface Column<Row> {
  header: string;
  cell(row: Row): ReactNode;
  /** Right-aligned tabular figures in the body (the header keeps the table's alignment). */
  numeric?: boolean;
  /** The column's own style, on its header and its cells. */
  className?: string;
}

const useStyles = makeStyles({
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
});

export function SmallTable<Row>(props: {
  label: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey(row: Row): string;
  className?: string;
}) {
  const styles = useStyles();
  return (
    <Table size="extra-small" className={props.className} aria-label={props.label}>
      <TableHeader>
        <TableRow>
          {props.columns.map((column) => (
            <TableHeaderCell key={column.header} className={column.className}>
              {column.header}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rows.map((row) => (
          <TableRow key={props.rowKey(row)}>
            {props.columns.map((column) => (
              <TableCell
                key={column.header}
                className={mergeClasses(column.className, column.numeric && styles.number)}
              >
                {column.cell(row)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
