'use client';
import { useEffect, useState } from 'react';
import { formatLabel, type Labels } from '../../i18n/en-US.js';
import { VisuallyHidden } from '../Status/Status.js';
import { CheckIcon, CopyIcon } from './icons.js';

/**
 * Copies a text (a user id) to the clipboard and says so.
 *
 * @selector [data-part="user-list-copy"][data-copied]
 */
export function CopyButton({ text, labels }: { text: string; labels: Labels }) {
  // What was copied, not whether: a list row drawn again for another user (rows are kept by
  // place) does not say that user's id was copied.
  const [copiedText, setCopiedText] = useState<string | null>(null);
  const copied = copiedText === text;
  useEffect(() => {
    if (copiedText === null) return;
    const timer = setTimeout(() => setCopiedText(null), 1500);
    return () => clearTimeout(timer);
  }, [copiedText]);
  return (
    <button
      type="button"
      data-part="user-list-copy"
      data-copied={copied ? '' : undefined}
      aria-label={formatLabel(labels.copyUserId, { userId: text })}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => setCopiedText(text), () => {});
      }}
    >
      {copied ? <CheckIcon /> : <CopyIcon />}
      {/* Mounted from the start, so the change of its text is announced. */}
      <VisuallyHidden role="status">{copied ? labels.copied : ''}</VisuallyHidden>
    </button>
  );
}
