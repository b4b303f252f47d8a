/**
 * Saves a file through a download link of one of our own extension pages
 * (the editor, « Mes progrès »), never a site's page: no `downloads`
 * permission is needed for that.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click(); // never-act: own page — our own download link, in our own extension page
  link.remove();
  // The download has its own copy once started; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves a JSON text as a file. */
export function downloadJson(text: string, fileName: string): void {
  downloadBlob(new Blob([text], { type: 'application/json' }), fileName);
}
