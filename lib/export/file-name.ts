// Exported files are named by the day they were made, in the reader's own time zone.

export type ExportExtension = 'jsonld' | 'md' | 'csv';

/** The text of an exported file with its name and type: the page turns it into a Blob to download. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  text: string;
}

/** hashiya-2026-11-29.jsonld */
export function exportFileName(now: Date, extension: ExportExtension): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `hashiya-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}
