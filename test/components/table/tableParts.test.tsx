import { createColumnHelper } from '@tanstack/react-table';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { PaginationKind, UserFigure } from '../../../src/client/types.ts';
import { EmptyRow } from '../../../src/components/table/EmptyRow.tsx';
import { SkeletonRows } from '../../../src/components/table/SkeletonRows.tsx';
import { SortHeader } from '../../../src/components/table/SortHeader.tsx';
import { TablePager } from '../../../src/components/table/TablePager.tsx';
import { manualTableFeatures, useManualTable, type ManualTableState } from '../../../src/components/table/useManualTable.ts';
import { createMemoryClient } from '../../../src/index.ts';
import { createFixtures } from '../../../src/testing/index.ts';
import { renderWithProvider } from '../../utils.tsx';

const client = createMemoryClient(createFixtures().dataset());
const render = (ui: React.ReactElement) => renderWithProvider(ui, { client });
const inTable = (rows: React.ReactNode) => (
  <table>
    <tbody>{rows}</tbody>
  </table>
);

describe('SortHeader', () => {
  it('is a column header whose button sorts, with aria-sort on the active column only', async () => {
    const onSort = vi.fn();
    render(
      <table>
        <thead>
          <tr>
            <SortHeader partPrefix="user-list" sortable numeric direction="desc" onSort={onSort} data-column="totalCost">
              Cost
            </SortHeader>
            <SortHeader partPrefix="user-list" sortable onSort={onSort}>
              Name
            </SortHeader>
            <SortHeader partPrefix="user-list">Tags</SortHeader>
          </tr>
        </thead>
      </table>,
    );
    const [cost, name, tags] = screen.getAllByRole('columnheader');
    expect(cost).toHaveAttribute('aria-sort', 'descending');
    expect(cost).toHaveAttribute('data-column', 'totalCost');
    expect(name).not.toHaveAttribute('aria-sort');
    expect(within(tags!).queryByRole('button')).toBeNull();
    const button = within(cost!).getByRole('button', { name: 'Cost' });
    expect(button).toHaveAttribute('data-part', 'user-list-sort');
    expect(button.querySelector('[data-part="user-list-sort-icon"]')).toHaveTextContent('▼');
    await userEvent.click(within(name!).getByRole('button', { name: 'Name' }));
    expect(onSort).toHaveBeenCalledTimes(1);
  });
});

describe('TablePager', () => {
  it('says which rows are shown and of how many pages, and asks for the next or previous one', async () => {
    const onPageChange = vi.fn();
    render(<TablePager partPrefix="user-detail" page={{ page: 2, pageSize: 10, total: 25, hasMore: true, items: { length: 10 } }} onPageChange={onPageChange} />);
    const nav = screen.getByRole('navigation', { name: 'Pagination' });
    expect(nav).toHaveTextContent('11–20 of 25');
    expect(nav).toHaveTextContent('Page 2 of 3');
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await userEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(onPageChange.mock.calls).toEqual([[3], [1]]);
    expect(screen.queryByRole('button', { name: 'First page' })).toBeNull();
  });

  it('keeps a disabled button focusable at each end and does not page past it', async () => {
    const onPageChange = vi.fn();
    render(<TablePager partPrefix="user-list" edges page={{ page: 3, pageSize: 10, total: 25, hasMore: false, items: { length: 5 } }} onPageChange={onPageChange} />);
    for (const name of ['Next page', 'Last page']) {
      expect(screen.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true');
      await userEvent.click(screen.getByRole('button', { name }));
    }
    expect(onPageChange).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'First page' }));
    expect(onPageChange).toHaveBeenCalledWith(1);
  });

  it('gives the page number alone where the source cannot count, and ends where it has no more', () => {
    render(<TablePager partPrefix="user-detail" edges page={{ page: 4, pageSize: 5, total: null, hasMore: false, items: { length: 3 } }} onPageChange={() => {}} />);
    const nav = screen.getByRole('navigation', { name: 'Pagination' });
    expect(nav).toHaveTextContent(/^16–18/);
    expect(nav).not.toHaveTextContent(/ of /);
    expect(screen.getByRole('button', { name: 'Next page' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.queryByRole('button', { name: 'Last page' })).toBeNull();
  });
});

describe('EmptyRow and SkeletonRows', () => {
  it('says the table is empty across every column', () => {
    render(inTable(<EmptyRow partPrefix="user-detail" colSpan={4}>No traces in this range</EmptyRow>));
    expect(screen.getByRole('cell', { name: 'No traces in this range' })).toHaveAttribute('colspan', '4');
  });

  it('stands in for a loading page with rows hidden from assistive technology', () => {
    const { container } = render(inTable(<SkeletonRows partPrefix="user-detail" rows={3} cells={[{ id: 'name' }, { id: 'cost', numeric: true }]} />));
    expect(screen.queryAllByRole('row')).toHaveLength(0);
    const rows = container.querySelectorAll('tr[aria-hidden][data-part="user-detail-skeleton-row"]');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.querySelectorAll('[data-part="skeleton"]')).toHaveLength(2);
  });
});

interface Item {
  id: string;
  name: string;
  cost: number;
}
type Field = 'name' | 'cost';
const features = manualTableFeatures<{ currency: string }>();
const helper = createColumnHelper<typeof features, Item>();
const columns = helper.columns([
  helper.accessor('name', { meta: { label: 'traceName', sort: 'text' }, cell: ({ row }) => row.original.name }),
  helper.accessor('cost', {
    meta: { label: 'traceCost', sort: 'number', numeric: true, figures: ['totalCost'] },
    cell: ({ row, table }) => `${row.original.cost} ${table.options.meta!.currency}`,
  }),
  helper.display({ id: 'note', meta: { label: 'scoreComment' }, cell: () => 'note' }),
]);
const ITEMS: Item[] = [
  { id: 'a', name: 'alpha', cost: 2 },
  { id: 'b', name: 'beta', cost: 1 },
];

function Harness(props: {
  initial: ManualTableState<Field>;
  onStateChange: (state: ManualTableState<Field>) => void;
  pagination?: PaginationKind;
  canSort?: (field: Field) => boolean;
  figures?: readonly UserFigure[];
}) {
  const [state, setState] = useState(props.initial);
  const { table, getSortHeaderProps, goToPage } = useManualTable({
    features,
    columns,
    data: ITEMS,
    getRowId: (item) => item.id,
    state,
    onStateChange: (next) => {
      props.onStateChange(next);
      setState(next);
    },
    pageSize: 2,
    rowCount: 6,
    ...(props.pagination ? { pagination: props.pagination } : {}),
    ...(props.canSort ? { canSort: props.canSort } : {}),
    ...(props.figures ? { hasFigure: (figure: UserFigure) => props.figures!.includes(figure) } : {}),
    meta: { currency: 'USD' },
  });
  return (
    <>
      <table>
        <thead>
          <tr>
            {table.getAllLeafColumns().map((column) => (
              <SortHeader key={column.id} partPrefix="test" {...getSortHeaderProps(column)}>
                {column.columnDef.meta!.label}
              </SortHeader>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => goToPage(state.page + 1)}>
        forward
      </button>
      <button type="button" onClick={() => goToPage(99)}>
        far
      </button>
    </>
  );
}

describe('useManualTable', () => {
  const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });

  it('renders the rows as the source sorted them, and asks for the next sort at page 1', async () => {
    const onStateChange = vi.fn();
    render(<Harness initial={{ sort: { field: 'cost', direction: 'desc' }, page: 3 }} onStateChange={onStateChange} />);
    expect(screen.getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual(['alpha2 USDnote', 'beta1 USDnote']);
    expect(header('traceCost')).toHaveAttribute('aria-sort', 'descending');
    await userEvent.click(within(header('traceName')).getByRole('button'));
    expect(onStateChange).toHaveBeenLastCalledWith({ sort: { field: 'name', direction: 'asc' }, page: 1 });
    expect(header('traceName')).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(within(header('traceName')).getByRole('button'));
    expect(onStateChange).toHaveBeenLastCalledWith({ sort: { field: 'name', direction: 'desc' }, page: 1 });
    expect(within(header('scoreComment')).queryByRole('button')).toBeNull();
  });

  it('pages within the pages the source counts, keeping the sort', async () => {
    const onStateChange = vi.fn();
    render(<Harness initial={{ sort: { field: 'cost', direction: 'desc' }, page: 1 }} onStateChange={onStateChange} />);
    await userEvent.click(screen.getByRole('button', { name: 'forward' }));
    expect(onStateChange).toHaveBeenLastCalledWith({ sort: { field: 'cost', direction: 'desc' }, page: 2 });
    // Six rows two to a page: three pages.
    await userEvent.click(screen.getByRole('button', { name: 'far' }));
    expect(onStateChange).toHaveBeenLastCalledWith({ sort: { field: 'cost', direction: 'desc' }, page: 3 });
  });

  it('keeps a top-N source descending, sorts only where the source can, and hides columns of figures it lacks', async () => {
    const onStateChange = vi.fn();
    const { unmount } = render(
      <Harness initial={{ sort: { field: 'cost', direction: 'desc' }, page: 1 }} onStateChange={onStateChange} pagination={{ kind: 'top-n', limit: 100 }} />,
    );
    await userEvent.click(within(header('traceCost')).getByRole('button'));
    await userEvent.click(within(header('traceName')).getByRole('button'));
    expect(onStateChange.mock.calls.map(([state]) => state.sort)).toEqual([
      { field: 'cost', direction: 'desc' },
      { field: 'name', direction: 'desc' },
    ]);
    unmount();
    render(<Harness initial={{ sort: { field: 'name', direction: 'asc' }, page: 1 }} onStateChange={onStateChange} canSort={(field) => field !== 'name'} figures={[]} />);
    expect(within(header('traceName')).queryByRole('button')).toBeNull();
    expect(header('traceName')).not.toHaveAttribute('aria-sort');
    expect(screen.queryByRole('columnheader', { name: /traceCost/ })).toBeNull();
    expect(screen.getAllByRole('row')[1]).toHaveTextContent('alphanote');
  });
});
