/** Saves bytes as a file through the browser's download (the preview, and Excel on the web). */
export function downloadFile(bytes: Uint8Array, fileName: string, mime: string): string {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return `Downloaded ${fileName}.`;
}
