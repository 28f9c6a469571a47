'use client';
import { useEffect, useState } from 'react';

/**
 * Returns a ref that makes a `<table role="grid">` one tab stop with arrow keys inside it (the ARIA grid pattern):
 * Tab enters at the last place the reader was and leaves to what follows the table; arrows move
 * between the header's sort buttons, the cells and the controls in them; Home/End go to the
 * row's ends (with Ctrl, the table's); Page Up/Down move ten rows; Enter on a cell opens its row.
 *
 * Written against the DOM rather than per cell in React: neither TanStack Table nor Virtual
 * handles keys, cells render their own controls (links, copy buttons, disclosures) without
 * knowing about the grid, and virtualised rows come and go. One listener on the table and a
 * mutation observer that keeps every control but one out of the tab order cover all of it.
 */
export function useGridKeyboard(onActivateRow?: (row: HTMLTableRowElement) => void): (table: HTMLTableElement | null) => void {
  // State, not a ref: the table may mount after the first render (once data has loaded).
  const [table, setTable] = useState<HTMLTableElement | null>(null);
  useEffect(() => {
    if (!table) return;
    let active: HTMLElement | null = null;
    // Where the stop was, to find its place again when its row is drawn anew.
    let place = { row: '', column: 0 };
    let focused = false;

    // Every control in the grid is reachable by arrows only; the active stop alone takes Tab.
    // `layout`: whether what is shown may have changed (a resize, a cell's stacking), which only
    // the layout can tell: asking it after every change of rows would lay the table out at once,
    // ahead of the browser's next frame, each time.
    const sync = (layout: boolean) => {
      const lost = !active?.isConnected || !table.contains(active);
      // A stop the layout hid (a narrow container's cards drop columns) would take Tab nowhere.
      const hidden = layout && !lost && active!.getClientRects().length === 0 && rowsOf(table).length > 0;
      if (lost || hidden) {
        const row = table.querySelector<HTMLTableRowElement>(`tr[aria-rowindex="${place.row}"]`);
        // Not filtered by layout when nothing is laid out: a table mounted hidden (in a closed tab) still gets its stop.
        active =
          (row && stopsOf(row, place.column)[0]) ??
          (hidden ? stopsOf(rowsOf(table)[0])[0] : undefined) ??
          table.rows[0]?.querySelector<HTMLElement>(CONTROLS) ??
          table.rows[0]?.cells[0] ??
          null;
        // The focused row went away (a refresh, a virtualised scroll): focus follows to the new stop.
        if (active && focused && (document.activeElement === document.body || document.activeElement === null)) {
          if (!active.hasAttribute('tabindex')) active.tabIndex = -1;
          active.focus({ preventScroll: true });
        }
      }
      for (const control of table.querySelectorAll<HTMLElement>(CONTROLS)) setTabIndex(control, control === active ? 0 : -1);
      if (active) setTabIndex(active, 0);
    };
    // Rows may be kept by place (the user list): a cell's stacking (data-stack) can change, and hide the stop, without a new element.
    const observer = new MutationObserver((records) => sync(records.some((record) => record.type === 'attributes')));
    observer.observe(table, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-stack'] });
    // Absent in jsdom; a resize can hide the stop (the stacked layout) without a DOM change.
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => sync(true));
    resize?.observe(table);
    sync(true);

    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next && table.contains(next)) return;
      if (next) focused = false;
      // Focus went nowhere: the reader left (the element stays) or its row was removed (it does not).
      else {
        const target = event.target as HTMLElement;
        queueMicrotask(() => {
          if (target.isConnected) focused = false;
        });
      }
    };
    const onFocusIn = (event: FocusEvent) => {
      focused = true;
      const target = event.target as HTMLElement;
      const cell = target.closest('th, td');
      if (cell) place = { row: cell.parentElement!.getAttribute('aria-rowindex') ?? '', column: (cell as HTMLTableCellElement).cellIndex };
      if (target === active || !cell) return;
      if (active && active !== target) setTabIndex(active, -1);
      active = target;
      setTabIndex(active, 0);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      // Typing in a field inside a cell keeps its own keys.
      if (target.matches('input, select, textarea') || event.altKey || event.metaKey) return;
      const cell = target.closest<HTMLTableCellElement>('th, td');
      const row = cell?.parentElement as HTMLTableRowElement | null;
      if (!cell || !row) return;
      const stops = stopsOf(row);
      const at = stops.indexOf(target);
      // Something focusable that is not a stop (an opened payload's scroll box) keeps its own keys.
      if (at === -1 && target !== cell) return;
      const rows = rowsOf(table);
      const rowAt = rows.indexOf(row);
      const column = [...row.cells].indexOf(cell);
      let next: HTMLElement | undefined;
      switch (event.key) {
        case 'ArrowRight':
          next = stops[at + 1];
          break;
        case 'ArrowLeft':
          next = stops[at - 1];
          break;
        case 'Home':
          next = event.ctrlKey ? stopsOf(rows[0])[0] : stops[0];
          break;
        case 'End':
          next = event.ctrlKey ? stopsOf(rows.at(-1)).at(-1) : stops.at(-1);
          break;
        case 'ArrowDown':
        case 'ArrowUp':
        case 'PageDown':
        case 'PageUp': {
          const by = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[event.key];
          const to = rows[Math.max(0, Math.min(rows.length - 1, rowAt + by))];
          if (to && to !== row) next = stopsOf(to, column)[0];
          else if (by > 0) revealNextRow(table, row);
          break;
        }
        case 'Enter':
        case ' ':
          // A cell itself (not a control in it) in a body row opens the row.
          if (target !== cell || !onActivateRow || row.parentElement?.tagName !== 'TBODY') return;
          onActivateRow(row);
          break;
        default:
          return;
      }
      event.preventDefault();
      if (next) focusStop(next);
    };

    table.addEventListener('focusin', onFocusIn);
    table.addEventListener('focusout', onFocusOut);
    table.addEventListener('keydown', onKeyDown);
    return () => {
      observer.disconnect();
      resize?.disconnect();
      table.removeEventListener('focusin', onFocusIn);
      table.removeEventListener('focusout', onFocusOut);
      table.removeEventListener('keydown', onKeyDown);
    };
  }, [table, onActivateRow]);
  return setTable;
}

const CONTROLS = 'a[href], button, input, select, textarea, summary';

function setTabIndex(element: HTMLElement, value: 0 | -1) {
  if (element.tabIndex !== value || !element.hasAttribute('tabindex')) element.tabIndex = value;
}

/** The grid's rows, header first, without spacer rows (aria-hidden) and rows hidden by CSS. */
function rowsOf(table: HTMLTableElement): HTMLTableRowElement[] {
  return [...table.rows].filter((row) => !row.hasAttribute('aria-hidden') && row.getClientRects().length > 0);
}

/** Where focus can rest in a row, left to right: each cell's controls, or the cell itself. */
function stopsOf(row: HTMLTableRowElement | undefined, fromColumn = 0): HTMLElement[] {
  if (!row) return [];
  const cells = [...row.cells].filter((cell) => cell.getClientRects().length > 0);
  // Moving to another row keeps the column, or the nearest one left of it that is shown.
  const start = cells.findLastIndex((cell) => cell.cellIndex <= fromColumn);
  return cells.slice(Math.max(0, start)).flatMap((cell) => {
    const controls = [...cell.querySelectorAll<HTMLElement>(CONTROLS)].filter((control) => control.getClientRects().length > 0);
    return controls.length ? controls : [cell];
  });
}

function focusStop(stop: HTMLElement) {
  // Cells are focused by script only; the roving stop takes Tab through the focusin handler.
  if (!stop.hasAttribute('tabindex')) stop.tabIndex = -1;
  stop.focus();
  stop.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/** At the last rendered row of a virtualised page: scroll one row on and focus it once drawn. */
function revealNextRow(table: HTMLTableElement, row: HTMLTableRowElement) {
  const index = Number(row.getAttribute('aria-rowindex'));
  // Only a spacer row below stands for rows not drawn yet.
  if (!index || !row.nextElementSibling?.hasAttribute('aria-hidden')) return;
  const column = [...row.cells].findIndex((cell) => cell.contains(document.activeElement));
  // The table's own scroll box moves, not the host's page.
  const box = table.parentElement;
  if (box) box.scrollTop += row.getBoundingClientRect().height;
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const next = table.querySelector<HTMLTableRowElement>(`tr[aria-rowindex="${index + 1}"]`);
      const stop = next && stopsOf(next, column)[0];
      if (stop) focusStop(stop);
    }),
  );
}
