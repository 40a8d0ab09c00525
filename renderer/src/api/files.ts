// Files to and from the Node side by reference. In the desktop window a chosen file is named by its path; in a
// browser it is uploaded once (streamed, never base64) and named by the handle the web shell answers. Downloads
// are addresses the browser saves from directly.
import { FILE_BRIDGE_GLOBAL, TOKEN_HEADER, type FileBridge } from '../../../shared/api/bridge';
import { isAppErrorShape } from '../../../shared/api/errors';
import { UPLOAD_NAME_HEADER, UPLOAD_PATH, type DownloadOffer, type FileRef, type UploadReceipt } from '../../../shared/api/file-ref';
import { ApiCallError, webToken } from './client';
import { downloadFrom } from '../ui/save-file';

function fileBridge(): FileBridge | undefined {
  return (window as unknown as Record<string, FileBridge | undefined>)[FILE_BRIDGE_GLOBAL];
}

/** A reference to a file the person chose, for any call that takes one. */
export async function sendFile(file: File): Promise<FileRef> {
  const bridge = fileBridge();
  const path = bridge?.pathForFile(file);
  if (path) return { path };
  let answer: unknown;
  try {
    const response = await window.fetch(UPLOAD_PATH, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', [UPLOAD_NAME_HEADER]: encodeURIComponent(file.name), ...(webToken ? { [TOKEN_HEADER]: webToken } : {}) },
      body: file,
    });
    answer = await response.json();
  } catch {
    throw new ApiCallError({ code: 'io-failed', message: `“${file.name}” could not be sent to Transmittal. If you closed it, start it again and reload this page.` });
  }
  const reply = answer as { ok?: boolean; value?: UploadReceipt; error?: unknown };
  if (reply.ok === true && reply.value) return { upload: reply.value.upload };
  throw new ApiCallError(isAppErrorShape(reply.error) ? reply.error : { code: 'internal', message: `“${file.name}” could not be sent to Transmittal.` });
}

/** Starts the browser's (or the desktop window's) own download of an offered file, streamed from disk. */
export function startDownload(offer: DownloadOffer): void {
  downloadFrom(offer.url, offer.fileName);
}
