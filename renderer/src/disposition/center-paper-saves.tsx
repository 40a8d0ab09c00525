// The two saves the center offers again for a paper it has just written (a notice, a certificate of disposition):
// the file for the department's catalog and the PDF for people, worded alike so the person knows which is which.
import type { ReactNode } from 'react';
import type { DownloadOffer } from '../../../shared/api/file-ref';
import { startDownload } from '../api/files';

export function PaperSaves({ paper, download, pdfDownload, children }: { paper: 'notice' | 'certificate'; download: DownloadOffer; pdfDownload: DownloadOffer; children?: ReactNode }) {
  return (
    <div className="row-actions">
      <button type="button" onClick={() => startDownload(download)}>
        {`Save the ${paper} file (.json) again`}
      </button>
      <button type="button" onClick={() => startDownload(pdfDownload)}>
        {`Save the ${paper} for people (.pdf)`}
      </button>
      {children}
    </div>
  );
}
