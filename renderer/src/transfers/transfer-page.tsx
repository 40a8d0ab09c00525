// One transfer: what is in it, what the check found, and the two steps that matter: mark it sent (freezing the
// manifest) and create the package both sides keep.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { TransferDetail } from '../../../shared/api/contract-transfers';
import { isEditable, transferStatusLabels } from '../../../shared/transfer/statuses';
import { WARNINGS_NEEDING_A_REASON } from '../../../shared/transfer/validate';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { useDialogs } from '../ui/dialogs';
import { ErrorMessage } from '../ui/error-message';
import { formatCount, formatDateRange, formatDateTime } from '../ui/format';
import { AddBoxesPanel } from './add-boxes-panel';
import { AmendmentsPanel } from './amendments-panel';
import { AcknowledgmentPanel } from './acknowledgment-panel';
import { TransferFilesPanel } from './transfer-files-panel';
import { PackagePanel } from './package-panel';
import { TransferBoxes } from './transfer-boxes';
import { ValidationPanel } from './validation-panel';

export function TransferPage({ id, onBack }: { id: number; onBack: () => void }) {
  const detail = useQuery(() => api['transfers.get']({ id }), [id]);
  const back = (
    <button type="button" className="button-link back-link" onClick={onBack}>
      ← All transfers
    </button>
  );
  if (detail.error) {
    return (
      <div className="screen">
        {back}
        <h1>Transfer</h1>
        <ErrorMessage error={detail.error} />
      </div>
    );
  }
  if (!detail.value) {
    return (
      <div className="screen">
        {back}
        <h1>Transfer</h1>
        <p className="muted">Loading…</p>
      </div>
    );
  }
  return <TransferView transfer={detail.value} back={back} onChanged={detail.reload} />;
}

function TransferView({ transfer, back, onChanged }: { transfer: TransferDetail; back: ReactNode; onChanged: () => void }) {
  const dialogs = useDialogs();
  const [sendError, setSendError] = useState<unknown>(null);
  const [eligibleReason, setEligibleReason] = useState('');
  const eligibleBoxes = (transfer.validation?.issues ?? []).filter((issue) => WARNINGS_NEEDING_A_REASON.includes(issue.code));
  const reasonMissing = eligibleBoxes.length > 0 && eligibleReason.trim() === '';
  const [notice, setNotice] = useState('');
  const editable = isEditable(transfer.status);
  const changed = (message: string) => {
    setNotice(message);
    onChanged();
  };

  async function markSent() {
    const agreed = await dialogs.confirm({
      title: `Mark transfer ${transfer.number} as sent?`,
      message:
        `This freezes the manifest of ${formatCount(transfer.totals.boxes)} boxes as the catalog describes them now, with its ` +
        'fingerprint. Later edits to the catalog will not change what was sent, the boxes become “in transit”, and this ' +
        'cannot be undone.',
      confirmLabel: 'Send and freeze',
    });
    if (!agreed) return;
    setSendError(null);
    try {
      const sent = await api['transfers.send']({ id: transfer.id, ...(eligibleBoxes.length > 0 ? { eligibleReason } : {}) });
      setNotice(`Transfer ${sent.number} is marked as sent. Now create its package and print the receipt.`);
      onChanged();
    } catch (failure) {
      setSendError(failure);
    }
  }

  return (
    <div className="screen transfer-page">
      {back}
      <div className="screen-head">
        <h1>
          Transfer {transfer.number}
          <span className={`transfer-status transfer-status-${transfer.status}`}>{transferStatusLabels[transfer.status]}</span>
        </h1>
      </div>
      <p role="status" className={notice ? 'success-message' : undefined}>
        {notice}
      </p>
      <TransferSummaryFacts transfer={transfer} />
      {isEditable(transfer.status) && <TransferDetailsForm key={`${transfer.notes}\u0000${transfer.accessRestrictions}`} transfer={transfer} onChanged={onChanged} />}

      {transfer.validation && <ValidationPanel validation={transfer.validation} />}

      {editable && <AddBoxesPanel transferId={transfer.id} onAdded={changed} />}

      <TransferBoxes transfer={transfer} onRemoved={changed} />

      <TransferFilesPanel transfer={transfer} onChanged={changed} />

      {transfer.sentAt && <AcknowledgmentPanel transfer={transfer} onChanged={onChanged} />}
      <AmendmentsPanel transfer={transfer} />

      <section className="transfer-actions" aria-labelledby="transfer-actions-heading">
        <h2 id="transfer-actions-heading">{editable ? 'Send' : 'Package'}</h2>
        {editable && (
          <div className="stack">
            <p className="hint">
              {transfer.validation?.valid
                ? 'Nothing blocks sending. Marking it sent freezes the manifest: what the center receives is fixed.'
                : 'Fix the problems listed above before marking this transfer as sent.'}
            </p>
            {eligibleBoxes.length > 0 && (
              <label className="field">
                <span>
                  {eligibleBoxes.length === 1 ? 'A box is' : `${eligibleBoxes.length} boxes are`} already eligible for destruction (see the check above).
                  Why {eligibleBoxes.length === 1 ? 'does it' : 'do they'} go to the records center anyway?
                </span>
                <textarea
                  value={eligibleReason}
                  rows={2}
                  onChange={(event) => setEligibleReason(event.target.value)}
                  placeholder="e.g. The boxes are evidence in an open appeal"
                  aria-describedby="eligible-reason-hint"
                />
                <span id="eligible-reason-hint" className="hint">
                  The receipt prints your reason. Or take the boxes out of the transfer and destroy them under your schedule.
                </span>
              </label>
            )}
            <div>
              <button type="button" className="button-primary" onClick={() => void markSent()} disabled={!transfer.validation?.valid || reasonMissing}>
                Mark as sent
              </button>
            </div>
            <ErrorMessage error={sendError} />
          </div>
        )}
        {/* Keyed by status: a DRAFT preview's result is not shown once the transfer is sent. */}
        <PackagePanel key={transfer.status} transfer={transfer} />
      </section>
    </div>
  );
}

function TransferSummaryFacts({ transfer }: { transfer: TransferDetail }) {
  return (
    <section aria-labelledby="transfer-summary-heading">
      <h2 id="transfer-summary-heading" className="sr-only">
        Summary
      </h2>
      <dl className="transfer-facts">
        <dt>Records center</dt>
        <dd>{transfer.recordsCenterName ?? 'The profile was deleted'}</dd>
        <dt>Boxes</dt>
        <dd>{formatCount(transfer.totals.boxes)}</dd>
        <dt>Folders</dt>
        <dd>{formatCount(transfer.totals.folders)}</dd>
        <dt>Cubic feet</dt>
        <dd>{transfer.totals.cubicFeet.toLocaleString('en-US', { maximumFractionDigits: 2 })}</dd>
        <dt>Dates</dt>
        <dd>{formatDateRange(transfer.dateSpan.from, transfer.dateSpan.to) || '—'}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(transfer.createdAt)}</dd>
        {transfer.sentAt && (
          <>
            <dt>Sent</dt>
            <dd>{formatDateTime(transfer.sentAt)}</dd>
          </>
        )}
        {transfer.fingerprint && (
          <>
            <dt>Fingerprint</dt>
            <dd className="fingerprint">{transfer.fingerprint}</dd>
          </>
        )}
        {transfer.notes && (
          <>
            <dt>Notes</dt>
            <dd className="transfer-notes">{transfer.notes}</dd>
          </>
        )}
        <dt>Access restrictions</dt>
        <dd className="transfer-notes">{transfer.accessRestrictions || 'None stated'}</dd>
      </dl>
    </section>
  );
}

/** The words a draft's receipt prints about it: notes, and who may see the records (undoable, like every edit). */
function TransferDetailsForm({ transfer, onChanged }: { transfer: TransferDetail; onChanged: () => void }) {
  const [notes, setNotes] = useState(transfer.notes);
  const [accessRestrictions, setAccessRestrictions] = useState(transfer.accessRestrictions);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const changed = notes.trim() !== transfer.notes || accessRestrictions.trim() !== transfer.accessRestrictions;

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await api['transfers.update']({ id: transfer.id, notes, accessRestrictions });
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  return (
    <details className="transfer-details-form">
      <summary>Edit notes and access restrictions</summary>
      <form onSubmit={(event) => void save(event)}>
        <label className="field">
          <span>Notes</span>
          <textarea value={notes} onChange={(event) => setNotes(event.target.value)} rows={2} maxLength={4000} />
        </label>
        <label className="field">
          <span>Access restrictions</span>
          <textarea
            value={accessRestrictions}
            onChange={(event) => setAccessRestrictions(event.target.value)}
            rows={2}
            maxLength={4000}
            placeholder="Who may see these records, and under what law or policy"
          />
        </label>
        <ErrorMessage error={error} />
        <button type="submit" className="button-primary" disabled={saving || !changed}>
          Save details
        </button>
      </form>
    </details>
  );
}
