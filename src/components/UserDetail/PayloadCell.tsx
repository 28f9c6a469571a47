'use client';
import { forwardRef, useMemo, useState, type ComponentPropsWithoutRef, type Ref } from 'react';
import { previewValue } from '../../format/previewValue.js';
import { formatLabel } from '../../i18n/en-US.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';

/* -------------------------------------------------------------------------------------------
 * PayloadCell
 * -----------------------------------------------------------------------------------------*/

const PAYLOAD_NAME = 'PayloadCell';
const PREVIEW_CHARS = 120;
/** The expanded cell shows this much; a 1 MB payload never reaches layout whole. */
const FULL_CHARS = 20_000;

export interface PayloadCellProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  /** A trace input or output as stored (any JSON). */
  value: unknown;
}

/**
 * A payload as plain text: a preview, and the full value (up to a bound) one click away. The
 * longer text is built only once opened, so a closed cell holds the preview alone.
 *
 * @selector [data-part="user-detail-payload"] [data-part="user-detail-show-full"] [data-part="user-detail-truncated"]
 */
export const PayloadCell = forwardRef<HTMLElement, PayloadCellProps>(({ value, ...props }, ref) => {
  const { labels } = useUserTrackingContext(PAYLOAD_NAME);
  const preview = useMemo(() => previewValue(value, PREVIEW_CHARS), [value]);
  const [open, setOpen] = useState(false);
  if (!preview.truncated) {
    return (
      <span data-part="user-detail-payload" {...props} ref={ref}>
        {preview.text}
      </span>
    );
  }
  return (
    <details data-part="user-detail-payload" onToggle={(event) => setOpen(event.currentTarget.open)} {...props} ref={ref as Ref<HTMLDetailsElement>}>
      <summary>
        {preview.text}… <span data-part="user-detail-show-full">{labels.showFull}</span>
      </summary>
      {open && <FullPayload value={value} />}
    </details>
  );
});
PayloadCell.displayName = PAYLOAD_NAME;

function FullPayload({ value }: { value: unknown }) {
  const { format, labels } = useUserTrackingContext(PAYLOAD_NAME);
  const full = previewValue(value, FULL_CHARS);
  return (
    <>
      <pre>{full.text}</pre>
      {full.truncated && <p data-part="user-detail-truncated">{formatLabel(labels.truncatedNote, { count: format.number(FULL_CHARS) })}</p>}
    </>
  );
}
