// What the records center found, as its acknowledgment says: the accession number, who received the boxes and
// when, each box's status, center number and shelf location, and every discrepancy in plain words. The department
// takes the file in here; the same file twice changes nothing, and one for another transfer is refused.
import { useId } from 'react';
import type { TransferDetail } from '../../../shared/api/contract-transfers';
import { api } from '../api/client';
import { FileTakeInField } from '../ui/file-take-in-field';
import { formatDateTime } from '../ui/format';

const STATUS_WORDS = { received: 'Received', damaged: 'Received damaged', missing: 'Missing' } as const;

export function AcknowledgmentPanel({ transfer, onChanged }: { transfer: TransferDetail; onChanged: () => void }) {
  const headingId = useId();
  const latest = transfer.acknowledgments[0]?.acknowledgment ?? null;

  return (
    <section aria-labelledby={headingId} className="acknowledgment-panel">
      <h2 id={headingId}>From the records center</h2>
      {!latest && (
        <p className="hint">
          When the records center has checked the boxes in, it sends an acknowledgment file: take it in here to see where each box is shelved and
          anything the center found.
        </p>
      )}
      {latest && (
        <>
          <p>
            {latest.recordsCenter.name} took this transfer in as accession <strong>{latest.accession.number}</strong>: received by{' '}
            {latest.accession.receivedBy} on {formatDateTime(latest.accession.receivedAt)}.
          </p>
          <table className="plain-table" aria-label="Boxes at the records center">
            <thead>
              <tr>
                <th scope="col">Box</th>
                <th scope="col">Found</th>
                <th scope="col">Center box</th>
                <th scope="col">Location</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {latest.boxes.map((box) => (
                <tr key={box.sequence}>
                  <td>
                    {box.sequence}. {box.label}
                  </td>
                  <td>{STATUS_WORDS[box.status]}</td>
                  <td>{box.centerBoxNumber ?? '—'}</td>
                  <td>{box.location ?? '—'}</td>
                  <td>{box.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {latest.discrepancies.length > 0 ? (
            <div role="note" aria-label="Discrepancies">
              <h3>What did not match ({latest.discrepancies.length})</h3>
              <ul>
                {latest.discrepancies.map((each, index) => (
                  <li key={index}>
                    {each.description} <span className="muted">({each.recordedBy}, {formatDateTime(each.recordedAt)})</span>
                  </li>
                ))}
              </ul>
              <p className="hint">
                To answer, call {latest.recordsCenter.name}
                {latest.recordsCenter.contactName ? ` (${latest.recordsCenter.contactName}` : ''}
                {[latest.recordsCenter.contactPhone, latest.recordsCenter.contactEmail].filter(Boolean).map((part) => `, ${part}`).join('')}
                {latest.recordsCenter.contactName ? ')' : ''}.
              </p>
            </div>
          ) : (
            <p>Everything matched the manifest.</p>
          )}
        </>
      )}
      <FileTakeInField
        label={`${latest ? 'Take in a newer acknowledgment' : 'Take in the center’s acknowledgment'} (the .json file it sent)`}
        takeIn={(file) => api['acknowledgments.import']({ file })}
        onTakenIn={onChanged}
      />
    </section>
  );
}
