import type { ReactNode } from 'react';

type Props = {
  caption: ReactNode;
  /** Column headings, in order. */
  columns: readonly ReactNode[];
  /** What the one full-width row says when there are no rows; null when the table has rows (or needs no such row). */
  empty?: ReactNode;
  /** Classes beside `data-table`. */
  className?: string;
  /** The rows. */
  children: ReactNode;
};

/** A captioned, horizontally scrollable table with column headings: the frame every list page repeats. */
export function DataTable({ caption, columns, empty = null, className, children }: Props) {
  return (
    <div className="table-wrap">
      <table className={className ? `data-table ${className}` : 'data-table'}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {empty !== null && empty !== false && (
            <tr>
              <td colSpan={columns.length} className="muted">
                {empty}
              </td>
            </tr>
          )}
          {children}
        </tbody>
      </table>
    </div>
  );
}
