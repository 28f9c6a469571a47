/**
 * The few icons userlens draws, as inline SVG: no icon font to load, and they render the same
 * everywhere (symbol characters depend on the fonts a machine has).
 */
const base = { width: 14, height: 14, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, 'aria-hidden': true } as const;

export const CopyIcon = () => (
  <svg {...base}>
    <rect x="5" y="5" width="9" height="9" rx="1.5" />
    <path d="M11 5V3.5A1.5 1.5 0 0 0 9.5 2h-6A1.5 1.5 0 0 0 2 3.5v6A1.5 1.5 0 0 0 3.5 11H5" />
  </svg>
);

export const CheckIcon = () => (
  <svg {...base}>
    <path d="M3 8.5l3 3 7-7" />
  </svg>
);

export const InfoIcon = () => (
  <svg {...base}>
    <circle cx="8" cy="8" r="6.25" />
    <path d="M8 7.25V11.5M8 4.75v.5" />
  </svg>
);

/** An error sign, named: it carries what the danger colour says to those who cannot see colour. */
export const AlertIcon = ({ label }: { label: string }) => (
  <svg {...base} aria-hidden={undefined} role="img" aria-label={label}>
    <circle cx="8" cy="8" r="6.25" />
    <path d="M8 4.5v4.25M8 11v.5" />
  </svg>
);
