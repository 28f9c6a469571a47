'use client';
import { forwardRef, useRef, type ComponentPropsWithoutRef } from 'react';
import { formatLabel } from '../../i18n/en-US.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { Popover } from '../shared/Popover.js';
import { DEFAULT_VISIBLE_COLUMNS, columnText, listColumns, withColumnShown, type ColumnId } from './columns.js';
import { useUserListContext } from './UserListRoot.js';

/* -------------------------------------------------------------------------------------------
 * UserListColumns
 * -----------------------------------------------------------------------------------------*/

const COLUMNS_NAME = 'UserListColumns';

export type UserListColumnsProps = ComponentPropsWithoutRef<'span'>;

/**
 * Show, hide and reorder columns in a popover. Kept per `storageKey` when the root has one.
 *
 * @selector [data-part="user-list-columns"] [data-part="user-list-column-list"]
 */
export const UserListColumns = forwardRef<HTMLSpanElement, UserListColumnsProps>((props, ref) => {
  const { labels, profileFields } = useUserTrackingContext(COLUMNS_NAME);
  const { columns, setColumns } = useUserListContext(COLUMNS_NAME);
  const specs = listColumns(profileFields);
  const order = specs.map((column) => column.id);
  const hidden = order.filter((id) => !columns.includes(id));
  // Shown ones first (a profile column the provider no longer declares drops out), then the rest.
  const ordered: ColumnId[] = [...columns.filter((id) => order.includes(id)), ...hidden];
  const list = useRef<HTMLUListElement>(null);
  const move = (id: ColumnId, by: -1 | 1) => {
    const index = columns.indexOf(id);
    const target = index + by;
    if (index < 0 || target < 1 || target >= columns.length) return;
    const next = [...columns];
    [next[index], next[target]] = [next[target]!, next[index]!];
    setColumns(next);
    // The row moves in the DOM, which drops focus: put it back on the same button.
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-column="${id}"] [data-move="${by}"]`)?.focus());
  };
  return (
    <span data-part="user-list-columns" {...props} ref={ref}>
      <Popover consumerName={COLUMNS_NAME} label={labels.columnsLabel} align="end" trigger={labels.columnsLabel}>
      <ul data-part="user-list-column-list" ref={list}>
        {ordered.map((id) => {
          const name = columnText(specs.find((column) => column.id === id)!, labels);
          const visible = columns.includes(id);
          const index = columns.indexOf(id);
          return (
            <li key={id} data-column={id}>
              <label>
                <input
                  type="checkbox"
                  checked={visible}
                  // The user id is the row's name: it always stays.
                  disabled={id === 'userId'}
                  onChange={() => setColumns(visible ? columns.filter((c) => c !== id) : withColumnShown(columns, id, order))}
                />
                {name}
              </label>
              {visible && id !== 'userId' && (
                <>
                  <button
                    type="button"
                    data-part="button"
                    data-move="-1"
                    aria-label={formatLabel(labels.moveColumnUp, { column: name })}
                    aria-disabled={index <= 1 || undefined}
                    onClick={() => move(id, -1)}
                  >
                    <span aria-hidden>↑</span>
                  </button>
                  <button
                    type="button"
                    data-part="button"
                    data-move="1"
                    aria-label={formatLabel(labels.moveColumnDown, { column: name })}
                    aria-disabled={index >= columns.length - 1 || undefined}
                    onClick={() => move(id, 1)}
                  >
                    <span aria-hidden>↓</span>
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" data-part="button" onClick={() => setColumns(DEFAULT_VISIBLE_COLUMNS)}>
        {labels.resetColumns}
      </button>
      </Popover>
    </span>
  );
});
UserListColumns.displayName = COLUMNS_NAME;

