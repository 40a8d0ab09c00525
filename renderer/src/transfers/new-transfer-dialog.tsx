// Starting a transfer: which records center the boxes go to, and any notes for the transmittal form.
import { useEffect, useState, type FormEvent } from 'react';
import type { TransferSummary } from '../../../shared/api/contract-transfers';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { ErrorMessage } from '../ui/error-message';
import { Modal } from '../ui/modal';
import { routeHref } from '../app/routes';

interface NewTransferDialogProps {
  onClose: () => void;
  onCreated: (transfer: TransferSummary) => void;
}

export function NewTransferDialog({ onClose, onCreated }: NewTransferDialogProps) {
  const centers = useQuery(() => api['centers.list']({}), []);
  const [centerId, setCenterId] = useState('');
  const [notes, setNotes] = useState('');
  const [accessRestrictions, setAccessRestrictions] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (centers.value?.length && centerId === '') setCenterId(String(centers.value[0].id));
  }, [centers.value, centerId]);

  async function create(event: FormEvent) {
    event.preventDefault();
    if (!centerId) return;
    setSaving(true);
    try {
      onCreated(await api['transfers.create']({ recordsCenterId: Number(centerId), notes, accessRestrictions }));
    } catch (failure) {
      setError(failure);
      setSaving(false);
    }
  }

  const none = centers.value?.length === 0;
  return (
    <Modal title="New transfer" onCancel={onClose}>
      {none ? (
        <>
          <p>
            A transfer goes to a records center, and this catalog has none yet. Add the center’s profile first: its
            address, how to get records back and how fast. Those facts are printed on the receipt.
          </p>
          <div className="modal-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <a className="button-primary" href={routeHref({ screen: 'records-center' })} onClick={onClose}>
              Go to Records Center
            </a>
          </div>
        </>
      ) : (
        <form onSubmit={create} className="stack">
          <label className="field">
            <span>Records center</span>
            <select value={centerId} onChange={(event) => setCenterId(event.target.value)} required>
              {centers.value?.map((center) => (
                <option key={center.id} value={center.id}>
                  {center.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Notes (optional)</span>
            <textarea value={notes} onChange={(event) => setNotes(event.target.value)} rows={3} maxLength={4000} />
          </label>
          <label className="field">
            <span>Access restrictions (optional)</span>
            <textarea
              value={accessRestrictions}
              onChange={(event) => setAccessRestrictions(event.target.value)}
              rows={2}
              maxLength={4000}
              placeholder="Who may see these records, and under what law or policy"
            />
          </label>
          <ErrorMessage error={error ?? centers.error} />
          <div className="modal-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button-primary" disabled={saving || !centerId}>
              Create transfer
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
