/**
 * The text of the bar the views show while a client builds its data (`client.loading`): its
 * own module so it loads with the bar, for such a client only; override it through the
 * provider's `labels`. `{done}` and `{total}` are counts of records, formatted.
 */
export const loadProgressEnUS = {
  loadProgress: 'Indexing {done} of {total} records',
};

export type LoadProgressLabels = Record<keyof typeof loadProgressEnUS, string>;
