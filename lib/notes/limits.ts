// What a note and its article may hold, whoever writes them (an import, a notes message).
// Generous for real notes, and small enough that a hostile file or page cannot make the library
// page or the store carry megabyte strings.

export const LIMIT = {
  id: 512,
  url: 8192,
  /** Title, site, byline, language. */
  label: 2000,
  excerpt: 10_000,
  /** The quoted passage. */
  exact: 20_000,
  /** Context around the passage (Hashiya writes ~32 characters). */
  context: 2000,
  note: 100_000,
  tag: 200,
  tags: 200,
  entities: 2000,
  /** Offsets in the page's text: more than any page holds. */
  offset: 100_000_000,
} as const;
