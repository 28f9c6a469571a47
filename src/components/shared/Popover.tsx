'use client';
import { useEffect, useId, useLayoutEffect, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useRootAttributes } from '../../provider/UserTrackingProvider.js';

/* -------------------------------------------------------------------------------------------
 * Popover
 * -----------------------------------------------------------------------------------------*/

export interface PopoverProps extends Omit<ComponentPropsWithoutRef<'button'>, 'children' | 'type'> {
  /** What the trigger button shows. */
  trigger: ReactNode;
  /** The dialog's accessible name. */
  label: string;
  /**
   * Which edge of the trigger the content lines up with.
   * @defaultValue 'start'
   */
  align?: 'start' | 'end';
  /** The part that renders the popover, named when it is outside the provider. */
  consumerName: string;
  /** The dialog's content. */
  children: ReactNode;
}

/**
 * A button that opens a non-modal dialog under it.
 *
 * Written by hand in place of Radix Popover, whose positioning engine (floating-ui) and layers
 * cost hosts ~23 kB gzip for two small menus. The browser's Popover API (`popover="manual"`) puts
 * the content in the top layer, above any host stacking context; closing is this part's own
 * (Escape, a press outside, focus leaving), not the API's light dismiss, which would close the
 * popover on the trigger's own press and let the click reopen it. The open state is React's, so
 * the content exists only while open and the part also works where the API is missing (it then
 * stays in place, `position: fixed`).
 *
 * The content sits in the top layer, outside the userlens root, so it carries the root's
 * attributes for the theme to apply.
 *
 * @selector [data-part="button"][data-state="open|closed"] [data-part="popover"]
 */
export function Popover({ trigger, label, align = 'start', consumerName, children, onClick, ...triggerProps }: PopoverProps) {
  const root = useRootAttributes(consumerName);
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const content = useRef<HTMLDivElement>(null);

  useClientLayoutEffect(() => {
    const anchor = button.current;
    const dialog = content.current;
    if (!open || !anchor || !dialog) return;
    const native = supportsPopover();
    // Under the trigger, lined up with its start or end edge, kept inside the viewport (on a
    // phone the end edge of a button on the left would put the content off screen), and no
    // taller than the room below it.
    const place = () => {
      const rect = anchor.getBoundingClientRect();
      const top = rect.bottom + GAP;
      const width = dialog.offsetWidth;
      const viewport = document.documentElement.clientWidth;
      const wanted = align === 'end' ? rect.right - width : rect.left;
      const left = Math.max(GAP, Math.min(wanted, viewport - width - GAP));
      Object.assign(dialog.style, { position: 'fixed', inset: 'auto', margin: '0', top: `${top}px`, left: `${left}px` });
      dialog.style.setProperty('--ul-popover-available-height', `${Math.max(0, window.innerHeight - top - GAP)}px`);
    };
    if (native && !dialog.matches(':popover-open')) dialog.showPopover();
    place();
    (dialog.querySelector<HTMLElement>(FOCUSABLE) ?? dialog).focus();

    const close = () => setOpen(false);
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!dialog.contains(target) && !anchor.contains(target)) close();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const inside = dialog.contains(document.activeElement);
      close();
      if (inside) anchor.focus();
    };
    const onFocusOut = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      // No next element: a row re-rendered under the focus, not the reader leaving.
      if (next && !dialog.contains(next) && next !== anchor) close();
    };
    dialog.addEventListener('focusout', onFocusOut);
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    window.addEventListener('scroll', place, { capture: true, passive: true });
    window.addEventListener('resize', place);
    return () => {
      dialog.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('scroll', place, { capture: true });
      window.removeEventListener('resize', place);
    };
  }, [open, align]);

  const state = open ? 'open' : 'closed';
  return (
    <>
      <button
        type="button"
        data-part="button"
        data-state={state}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        {...triggerProps}
        ref={button}
        onClick={(event) => {
          onClick?.(event);
          if (!event.defaultPrevented) setOpen((was) => !was);
        }}
      >
        {trigger}
      </button>
      {open && (
        <div {...root} data-part="popover" data-state={state} data-align={align} id={id} role="dialog" aria-label={label} tabIndex={-1} popover={supportsPopover() ? 'manual' : undefined} ref={content}>
          {children}
        </div>
      )}
    </>
  );
}

/* -----------------------------------------------------------------------------------------*/

/**
 * Whether the browser has the Popover API. Without it the attribute must stay off: a stylesheet
 * may hide `[popover]` that is not `:popover-open`, which such a browser never is.
 */
const supportsPopover = () => typeof HTMLElement !== 'undefined' && typeof HTMLElement.prototype.showPopover === 'function';
/** A layout effect in the browser; on a server (where React 18 warns about one) a plain effect, which never runs there. */
const useClientLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;
/** Pixels between the trigger and the content. */
const GAP = 4;
/** What takes focus on open: the first enabled control, else the dialog itself. */
const FOCUSABLE = 'input:not([disabled]), button:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';
