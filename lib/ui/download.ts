// Saves an exported file the way a web page does: a Blob URL behind an <a download>, clicked. No
// `downloads` permission, no network; the browser puts the file in the reader's downloads.
import type { ExportFile } from '../export/file-name';

/** How long the Blob URL stays alive after the click (Firefox reads it after the click returns). */
const KEEP_URL_MS = 60_000;

export function downloadFile(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), KEEP_URL_MS);
}
