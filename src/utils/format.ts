/** Dates and small labels shown on pages, in one place. */
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** `2025-01-28` → `28 January 2025`; `2025-01` → `January 2025`. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  const month = months[Number(m) - 1] ?? '';
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** `¶3` labels for paragraph back-links. */
export function paragraphLabel(n: number): string {
  return `¶${n}`;
}
