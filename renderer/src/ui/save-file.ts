// Hands bytes to the browser's own download, which works the same in the web shell and in the Electron window.
export function saveFile(fileName: string, bytes: Uint8Array<ArrayBuffer> | string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  try {
    downloadFrom(url, fileName);
  } finally {
    // After the click the browser has taken the file; revoking later would only keep the bytes in memory.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/** Starts the browser's own download of `href` under `fileName` (a blob, or an address the Node side offered). */
export function downloadFrom(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
  }
}
