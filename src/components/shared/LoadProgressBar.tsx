'use client';
import { formatLabel } from '../../i18n/en-US.js';
import { loadProgressEnUS } from '../../i18n/loadProgress.js';
import { pluralText } from '../../i18n/plural.js';
import { useLoadProgress } from '../../hooks/useLoadProgress.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';

/** A size in the locale's words, in decimal units as the names say (1 MB = 1,000,000 bytes). */
function size(bytes: number, locale: string): string {
  const [unit, per] = bytes >= 1e9 ? (['gigabyte', 1e9] as const) : bytes >= 1e6 ? (['megabyte', 1e6] as const) : (['kilobyte', 1e3] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(bytes / per);
}

/**
 * The client's load as a bar, named by its text: "Reading 120 MB of 1.2 GB: 1,204,000 rows"
 * while an export's files are read (without a size ahead, as for a stream, the bar moves
 * without an end), then "Indexing 420,000 of 1,000,000 records"; nothing once it has loaded. A
 * native `<progress>`: the browser draws it in the page's accent colour, so it needs no
 * stylesheet rules.
 *
 * @selector [data-part="load-progress"]
 */
export default function LoadProgressBar() {
  const progress = useLoadProgress();
  const { format, labels: given, lang } = useUserTrackingContext('LoadProgress');
  if (!progress) return null;
  const labels = { ...loadProgressEnUS, ...given };
  const locale = lang ?? format.locale;
  const { done, total, phase } = progress;
  // Without a known end, the bar has no value: the browser shows it as moving, and names no figure.
  const known = total > 0;
  let text: string;
  if (phase === 'reading') {
    const rows = progress.rows ?? 0;
    const skipped = progress.skipped ?? 0;
    text = formatLabel(pluralText(labels, known ? 'loadReading' : 'loadReadingStream', rows, locale), { done: size(done, format.locale), total: size(total, format.locale), count: format.number(rows) });
    if (skipped > 0) text += ` · ${formatLabel(pluralText(labels, 'loadSkipped', skipped, locale), { count: format.number(skipped) })}`;
  } else text = formatLabel(labels.loadProgress, { done: format.number(done), total: format.number(total) });
  return (
    <label data-part="load-progress" data-phase={phase}>
      {text}{' '}
      {known ? <progress value={done} max={total} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} /> : <progress />}
    </label>
  );
}
