/**
 * Class strings that fold a table into one card per row on a phone (below Tailwind's sm
 * breakpoint), so nothing scrolls sideways: the header row is left to screen readers and each
 * cell that needs it says its column in a small label of its own (FOLD_LABEL).
 */
export const FOLD = {
  table: 'max-sm:block',
  head: 'max-sm:sr-only',
  body: 'max-sm:block',
  row: 'max-sm:grid max-sm:grid-cols-2 max-sm:gap-x-3 max-sm:gap-y-2 max-sm:p-3',
  cell: 'max-sm:p-0 max-sm:text-left',
  /** A cell that takes the card's whole width. */
  wide: 'max-sm:col-span-2',
  /** A cell shown top right of its card (actions). */
  corner: 'max-sm:col-start-2 max-sm:row-start-1 max-sm:text-right',
  label: 'block text-xs font-medium uppercase tracking-wide sm:hidden',
} as const;
