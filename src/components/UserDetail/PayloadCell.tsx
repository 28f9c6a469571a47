'use client';
import { useId, useMemo, useState } from 'react';
import { chatText, type PayloadSide } from '../../format/chatText.js';
import { previewValue } from '../../format/previewValue.js';
import { formatLabel } from '../../i18n/en-US.js';
import { useUserDetailTexts } from './useUserDetailTexts.js';

const PAYLOAD_NAME = 'PayloadCell';
/** The line shows what fits; this much more reads on hover. */
const PREVIEW_CHARS = 300;
/** The opened payload shows this much; a 1 MB payload never reaches layout whole. */
const FULL_CHARS = 20_000;

export interface PayloadCellProps {
  /** A trace input or output as stored (any JSON). */
  value: unknown;
  side: PayloadSide;
  /** Name and time of the trace, for the labels of its disclosure. */
  trace: { name: string; time: string };
}

/**
 * A payload as one line of plain text: a chat's last user message (input) or the assistant's
 * reply (output), else the value's JSON cut short. A disclosure opens the whole payload,
 * pretty-printed up to a bound; it is built only once opened, so a closed cell holds the line alone.
 *
 * @selector [data-part="user-detail-payload"][data-open] [data-part="user-detail-show-full"] [data-part="user-detail-payload-text"] [data-part="user-detail-truncated"]
 */
export function PayloadCell({ value, side, trace }: PayloadCellProps) {
  const { labels } = useUserDetailTexts(PAYLOAD_NAME);
  const id = useId();
  const [open, setOpen] = useState(false);
  const preview = useMemo(() => chatText(value, side, PREVIEW_CHARS) ?? previewValue(value, PREVIEW_CHARS), [value, side]);
  if (!preview.text) return null;
  const text = preview.truncated ? `${preview.text}…` : preview.text;
  return (
    <div data-part="user-detail-payload" data-open={open ? '' : undefined}>
      <button
        type="button"
        id={`${id}-b`}
        data-part="user-detail-show-full"
        aria-expanded={open}
        // Only while the region exists: a reference to a missing id is an error.
        aria-controls={open ? id : undefined}
        aria-label={formatLabel(side === 'input' ? labels.fullInput : labels.fullOutput, trace)}
        onClick={() => setOpen(!open)}
      >
        <svg width="12" height="12" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
          <path d="M6 3l5 5-5 5" />
        </svg>
      </button>
      <span data-part="user-detail-payload-text" title={text}>
        {text}
      </span>
      {open && <FullPayload id={id} value={value} />}
    </div>
  );
}

function FullPayload({ id, value }: { id: string; value: unknown }) {
  const { format, labels } = useUserDetailTexts(PAYLOAD_NAME);
  const full = previewValue(value, FULL_CHARS, 2);
  return (
    <>
      {/* Named by its button, as an accordion's panel; focusable, so its overflow scrolls without a pointer. */}
      <pre id={id} role="region" aria-labelledby={`${id}-b`} tabIndex={0}>
        {full.text}
      </pre>
      {full.truncated && <p data-part="user-detail-truncated">{formatLabel(labels.truncatedNote, { count: format.number(FULL_CHARS) })}</p>}
    </>
  );
}
