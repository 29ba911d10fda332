// What the toolbar badge says: the number of distinct entities on the page.

/** Empty for none (no badge), the number up to 99, then "99+" to fit the badge. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}
