'use client';
import { useState, type ComponentPropsWithoutRef } from 'react';

export interface ChartTableProps extends ComponentPropsWithoutRef<'details'> {
  /** The text that opens the table, e.g. "Show as a table". */
  summary: string;
  /** The table's name: the chart's. */
  caption: string;
  /** Column headings; each row's first cell heads its row, the others are figures. */
  columns: readonly string[];
  /** The rows, or a function that makes them: called only once the table is opened. */
  rows: readonly (readonly string[])[] | (() => readonly (readonly string[])[]);
}

/**
 * A chart's numbers as a table, folded away under a summary: what a screen reader, a keyboard
 * or a copy-paste gets instead of shapes. Its rows are drawn, and with `rows` as a function
 * made, only once it is opened (a series may hold thousands, each a formatted date).
 */
export function ChartTable({ summary, caption, columns, rows, ...props }: ChartTableProps) {
  const [open, setOpen] = useState(false);
  return (
    <details {...props} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{summary}</summary>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {open &&
            (typeof rows === 'function' ? rows() : rows).map(([head, ...cells], r) => (
              <tr key={r}>
                <th scope="row">{head}</th>
                {cells.map((cell, i) => (
                  <td key={i} data-numeric="">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
        </tbody>
      </table>
    </details>
  );
}
