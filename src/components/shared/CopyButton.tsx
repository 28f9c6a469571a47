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
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      data-part="user-list-copy"
      data-copied={copied ? '' : undefined}
      aria-label={formatLabel(labels.copyUserId, { userId: text })}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => {});
      }}
    >
      {copied ? <CheckIcon /> : <CopyIcon />}
      {/* Mounted from the start, so the change of its text is announced. */}
      <VisuallyHidden role="status">{copied ? labels.copied : ''}</VisuallyHidden>
    </button>
  );
}
