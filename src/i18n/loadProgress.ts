/**
 * The text of the bar the views show while a client builds its data (`client.loading`): its
 * own module so it loads with the bar, for such a client only; override it through the
 * provider's `labels`. `{done}` and `{total}` are counts of records (sizes, while reading), formatted.
 */
export const loadProgressEnUS = {
  loadProgress: 'Indexing {done} of {total} records',
  // An export's files being read (`createExportClient`): {done} and {total} are sizes (12.5 MB),
  // {count} the rows read so far. "Stream" when the size is not known ahead.
  loadReading: 'Reading {done} of {total}: {count} rows',
  loadReadingOne: 'Reading {done} of {total}: {count} row',
  loadReadingStream: 'Reading {done}: {count} rows',
  loadReadingStreamOne: 'Reading {done}: {count} row',
  /** Added after the reading text once a malformed row was left out (with `invalidRows: 'skip'`). */
  loadSkipped: '{count} malformed rows left out',
  loadSkippedOne: '{count} malformed row left out',
};

export type LoadProgressLabels = Record<keyof typeof loadProgressEnUS, string>;
