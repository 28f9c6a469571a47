'use client';
import { forwardRef, type ComponentPropsWithoutRef, type CSSProperties } from 'react';
import { isUserlensError, messageForPeople } from '../../client/errors.js';
import { formatLabel } from '../../i18n/en-US.js';
import { useLabels } from '../../provider/UserTrackingProvider.js';

/* -------------------------------------------------------------------------------------------
 * VisuallyHidden
 * -----------------------------------------------------------------------------------------*/

/** Kept inline rather than in the stylesheet: it is structure, and must hold when `unstyled`. */
const HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

export type VisuallyHiddenProps = ComponentPropsWithoutRef<'span'>;

/** Text for screen readers only. */
export const VisuallyHidden = forwardRef<HTMLSpanElement, VisuallyHiddenProps>((props, ref) => (
  <span {...props} ref={ref} style={{ ...HIDDEN, ...props.style }} />
));
VisuallyHidden.displayName = 'VisuallyHidden';

/* -------------------------------------------------------------------------------------------
 * Skeleton
 * -----------------------------------------------------------------------------------------*/

export interface SkeletonProps extends ComponentPropsWithoutRef<'span'> {
  /** CSS width of the placeholder bar. @defaultValue '100%' */
  width?: string | number;
}

/**
 * A placeholder bar shown while a figure loads. Hidden from assistive technology: mark the
 * loading region with `aria-busy` instead.
 *
 * @selector [data-part="skeleton"]
 */
export const Skeleton = forwardRef<HTMLSpanElement, SkeletonProps>(({ width = '100%', style, ...props }, ref) => (
  <span aria-hidden data-part="skeleton" {...props} ref={ref} style={{ width, ...style }} />
));
Skeleton.displayName = 'Skeleton';

/* -------------------------------------------------------------------------------------------
 * NotAvailable
 * -----------------------------------------------------------------------------------------*/

export type NotAvailableProps = ComponentPropsWithoutRef<'span'>;

/**
 * Stands in for a figure the source cannot compute: a dash on screen, "Not available from this
 * source" for screen readers and on hover. Never a zero.
 *
 * @selector [data-part="not-available"]
 */
export const NotAvailable = forwardRef<HTMLSpanElement, NotAvailableProps>((props, ref) => {
  const labels = useLabels();
  return (
    <span data-part="not-available" title={labels.notAvailable} {...props} ref={ref}>
      <span aria-hidden>{labels.notAvailableShort}</span>
      <VisuallyHidden>{labels.notAvailable}</VisuallyHidden>
    </span>
  );
});
NotAvailable.displayName = 'NotAvailable';

/* -------------------------------------------------------------------------------------------
 * ErrorState
 * -----------------------------------------------------------------------------------------*/

export interface ErrorStateProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** What failed. Its message is shown as text. */
  error: unknown;
  /** What could not be loaded, e.g. the `subjectUsers` label. */
  subject: string;
  /** Shows a retry button when given. */
  onRetry?: () => void;
  /** Disables the retry button and says so while a retry runs. @defaultValue false */
  retrying?: boolean;
}

/**
 * What failed and a way to try again. Announced to screen readers when it appears.
 *
 * @selector [data-part="error-state"] [data-code=<UserlensError code>]
 */
export const ErrorState = forwardRef<HTMLDivElement, ErrorStateProps>(
  ({ error, subject, onRetry, retrying = false, ...props }, ref) => {
    const labels = useLabels();
    const message = messageForPeople(error);
    return (
      <div
        role="alert"
        data-part="error-state"
        data-code={isUserlensError(error) ? error.code : undefined}
        {...props}
        ref={ref}
      >
        <p data-part="error-title">{formatLabel(labels.errorTitle, { subject })}</p>
        <p data-part="error-message">{message}</p>
        {onRetry && (
          <button type="button" data-part="button" onClick={() => !retrying && onRetry()} aria-disabled={retrying || undefined}>
            {retrying ? labels.errorRetrying : labels.retry}
          </button>
        )}
      </div>
    );
  },
);
ErrorState.displayName = 'ErrorState';
