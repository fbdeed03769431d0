import type { ReactNode } from "react";

export type Column<Row> = { header: string; cell: (row: Row) => ReactNode; className?: string };

type Props<Row> = { caption: string; columns: Column<Row>[]; rows: Row[]; rowKey: (row: Row) => string; captionVisible?: boolean };

/**
 * A data table on wide screens that becomes a list of labelled cards below 640 px:
 * each cell then shows its column's header beside it, so nothing scrolls sideways.
 */
export function Table<Row>({ caption, columns, rows, rowKey, captionVisible = false }: Props<Row>) {
  return (
    <table className="w-full text-left text-sm">
      <caption className={captionVisible ? "pb-2 text-left font-semibold" : "sr-only"}>{caption}</caption>
      <thead className="hidden border-b border-line text-xs uppercase tracking-wide text-ink-subtle sm:table-header-group">
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col" className={`px-3 py-2 font-medium ${c.className ?? ""}`}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="flex flex-col gap-3 sm:table-row-group">
        {rows.map((row) => (
          <tr key={rowKey(row)} className="flex flex-col rounded-lg border border-line p-3 sm:table-row sm:rounded-none sm:border-0 sm:border-b sm:border-line-subtle sm:p-0">
            {columns.map((c) => (
              <td key={c.header} className={`flex gap-2 py-0.5 sm:table-cell sm:px-3 sm:py-2 ${c.className ?? ""}`}>
                <span aria-hidden className="w-28 shrink-0 text-ink-subtle sm:hidden">
                  {c.header}
                </span>
                <span className="min-w-0">{c.cell(row)}</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
