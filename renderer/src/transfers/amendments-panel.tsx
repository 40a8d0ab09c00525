// Corrections made after sending, listed on the transfer against the values as sent, and written as a file the
// records center can take in beside the manifest (which itself never changes).
import { useState } from 'react';
import type { AmendmentsWritten, TransferDetail } from '../../../shared/api/contract-transfers';
import type { Amendment } from '../../../shared/exchange/amendments';
import { api } from '../api/client';
import { startDownload } from '../api/files';
import { ErrorMessage } from '../ui/error-message';
import { formatDateTime } from '../ui/format';

const FIELD_NAMES: Record<string, string> = {
  label: 'label', cubicFeet: 'size (cubic feet)', notes: 'notes', title: 'title', fileCode: 'file code',
  beginDate: 'begin date', endDate: 'end date', eventDate: 'event date', confidential: 'confidential',
};

const shown = (value: Amendment['before']) => (value === null || value === '' ? '(empty)' : value === true ? 'yes' : value === false ? 'no' : `“${value}”`);

/** "Box PW-1 (1), folder 2 “Oak Street permits”: title “a” → “b”" */
export function describeAmendment(amendment: Amendment): string {
  const where = `Box ${amendment.box.label} (${amendment.box.sequence})${amendment.folder ? `, folder ${amendment.folder.position} “${amendment.folder.title}”` : ''}`;
  return `${where}: ${FIELD_NAMES[amendment.field] ?? amendment.field} ${shown(amendment.before)} → ${shown(amendment.after)}`;
}

export function AmendmentsPanel({ transfer }: { transfer: TransferDetail }) {
  const [written, setWritten] = useState<AmendmentsWritten | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (transfer.amendments.length === 0) return null;

  const write = async () => {
    setError(null);
    try {
      setWritten(await api['transfers.writeAmendments']({ id: transfer.id }));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section aria-labelledby="amendments-heading" className="stack">
      <h2 id="amendments-heading">Corrected after sending</h2>
      <p className="hint">
        The signed manifest is unchanged (fingerprint {transfer.fingerprint?.slice(0, 12)}…). These corrections go to the records center as a
        separate file that names it.
      </p>
      <ol className="amendments-list">
        {transfer.amendments.map((amendment) => (
          <li key={amendment.id}>
            <span>{describeAmendment(amendment)}</span>
            <span className="hint">
              {' '}
              — {amendment.reason} ({amendment.actor}, {formatDateTime(amendment.at)})
            </span>
          </li>
        ))}
      </ol>
      <div>
        <button type="button" onClick={() => void write()}>
          Write the corrections for the records center
        </button>
      </div>
      {written && (
        <div className="success-message" role="status">
          <p>
            Written to <code className="package-path">{written.path}</code> ({written.count === 1 ? 'one correction' : `${written.count} corrections`}).
          </p>
          <p>
            <button type="button" onClick={() => startDownload(written.download)}>
              Download the corrections (.json)
            </button>
          </p>
        </div>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
