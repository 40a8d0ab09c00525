// Carrying out a notice's approved boxes: how (the method, or for the archives the archive's name), who witnessed it,
// on which day, and, before anything is recorded, each box with what will happen to it. Only boxes the Node side says
// may be carried out are listed; the dialog itself is the confirmation, because this cannot be undone.
import { useId, useState, type FormEvent } from 'react';
import type { ApiResult } from '../../../shared/api/contract';
import type { NoticeBoxDetail, NoticeDetail } from '../../../shared/api/contract-disposition';
import { api } from '../api/client';
import { Modal } from '../ui/modal';
import { ErrorMessage } from '../ui/error-message';
import { plural } from '../ui/format';
import { centerNumbers, isoDay } from './center-words';

type Group = 'destroy' | 'archives';

export function CenterCarryOut({ notice, onClose, onCarriedOut }: { notice: NoticeDetail; onClose: () => void; onCarriedOut: (result: ApiResult<'center.disposition.execute'>) => void }) {
  const ready = notice.noticeBoxes.filter((box) => box.canExecute);
  const toDestroy = ready.filter((box) => box.action !== 'transfer-to-archives');
  const toArchives = ready.filter((box) => box.action === 'transfer-to-archives');
  // One certificate says one method: destroying and transferring are recorded in separate runs.
  const [group, setGroup] = useState<Group>(toDestroy.length > 0 ? 'destroy' : 'archives');
  const boxes = group === 'destroy' ? toDestroy : toArchives;
  const today = isoDay(new Date());
  const [method, setMethod] = useState('');
  const [witness, setWitness] = useState('');
  const [date, setDate] = useState(today);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const warningId = useId();
  const groupId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setWorking(true);
    try {
      onCarriedOut(
        await api['center.disposition.execute']({ noticeId: notice.id, boxIds: boxes.map((box) => box.boxId), method: method.trim(), witness: witness.trim(), date: date || undefined }),
      );
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  }

  const how = method.trim() || (group === 'destroy' ? '(the method above)' : '(the archives named above)');
  const what = (box: NoticeBoxDetail) =>
    group === 'archives'
      ? `transferred to ${how}`
      : `destroyed${box.action === 'secure-destroy' ? ' securely (confidential)' : ''} by ${how}`;

  return (
    <Modal title={`Carry out the approved boxes of notice ${notice.number}`} onCancel={onClose}>
      <form className="stack carry-out" onSubmit={submit} aria-describedby={warningId}>
        {toDestroy.length > 0 && toArchives.length > 0 && (
          <div role="radiogroup" aria-labelledby={groupId} className="stack">
            <span id={groupId} className="muted">
              Which boxes now (one certificate for each)
            </span>
            <label>
              <input type="radio" name="carry-out-group" checked={group === 'destroy'} onChange={() => setGroup('destroy')} /> The{' '}
              {plural(toDestroy.length, 'box', 'boxes')} to destroy
            </label>
            <label>
              <input type="radio" name="carry-out-group" checked={group === 'archives'} onChange={() => setGroup('archives')} /> The{' '}
              {plural(toArchives.length, 'box', 'boxes')} for the archives
            </label>
          </div>
        )}
        <label className="field">
          <span>{group === 'destroy' ? 'How they were destroyed' : 'The archives they went to'}</span>
          <input
            autoFocus
            value={method}
            onChange={(event) => setMethod(event.target.value)}
            required
            maxLength={400}
            placeholder={group === 'destroy' ? 'e.g. Cross-cut shredding' : 'e.g. State Archives'}
          />
        </label>
        <label className="field">
          <span>Witness</span>
          <input value={witness} onChange={(event) => setWitness(event.target.value)} required maxLength={200} placeholder="e.g. Lee Park, records center supervisor" />
        </label>
        <label className="field">
          <span>Date carried out</span>
          <input type="date" value={date} max={today} onChange={(event) => setDate(event.target.value)} required />
        </label>
        <p className="muted">What will happen to each box:</p>
        <ul aria-label="Boxes to be carried out" className="carry-out-boxes">
          {boxes.map((box) => (
            <li key={box.boxId}>
              {box.boxLabel} ({box.boxCode}; {centerNumbers(box)}
              {box.location ? `, at ${box.location}` : ''}): {what(box)} on {date || '…'}, witnessed by {witness.trim() || '(the witness above)'}
            </li>
          ))}
        </ul>
        <p id={warningId} className="disposition-warning">
          This cannot be undone. Each box listed is recorded as {group === 'destroy' ? 'destroyed' : 'transferred to the archives'} in this catalog and
          on the certificate for {notice.department}, with the approval it rests on. Record it once it has really been done. Boxes
          not listed (not approved, on legal hold, or already carried out) stay as they are.
        </p>
        <ErrorMessage error={error} />
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button-danger" disabled={working || boxes.length === 0}>
            {group === 'destroy' ? `Record ${plural(boxes.length, 'box', 'boxes')} destroyed` : `Record ${plural(boxes.length, 'box', 'boxes')} transferred`} and write the
            certificate
          </button>
        </div>
      </form>
    </Modal>
  );
}
