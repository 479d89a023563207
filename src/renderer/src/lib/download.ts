/**
 * Saves text as a file through the browser's download (the web harness, and Electron's default
 * download handling). Native save dialogs in Electron are a later step.
 */
export function downloadFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the blob after click() returns: revoke it only later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
