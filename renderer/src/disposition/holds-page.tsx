// One legal hold: who asked and why, what it was asked to cover, and every box and folder it holds in the
// department's words. Lifting it asks for the reason and a confirmation (what another hold covers stays held). A
// department also writes it as a file for the records center, so the center's holds follow, and takes in the
// center's acknowledgment; a center writes that acknowledgment for a hold it took in from a department's file.
import { useState, type FormEvent } from 'react';
import type { HoldDetail } from '../../../shared/api/contract-disposition';
import type { Role } from '../../../shared/api/contract-kit';
import type { HoldScope } from '../../../shared/exchange/disposition';
import type { DownloadOffer } from '../../../shared/api/file-ref';
import { api } from '../api/client';
import { startDownload } from '../api/files';
import { useQuery } from '../api/use-api';
import { routeHref } from '../app/routes';
import { ErrorMessage } from '../ui/error-message';
import { FileTakeInField } from '../ui/file-take-in-field';
import { formatDateTime, plural } from '../ui/format';
import { Modal } from '../ui/modal';
import { BackLink, RecordNotLoaded } from '../ui/record-page';
import { coveredWords, coversWords } from './holds-place-dialog';
import { HOLD_ORIGIN_WORDS } from './holds-screen';
import { longDate } from './notice-banner';

/** What the hold was asked to cover, in words. */
export function scopeWords(scope: HoldScope): string[] {
  const lines: string[] = [];
  if (scope.itemNumbers.length) lines.push(`Schedule ${scope.itemNumbers.length === 1 ? 'item' : 'items'} ${scope.itemNumbers.join(', ')}`);
  if (scope.dateFrom && scope.dateTo) lines.push(`Records dated from ${longDate(scope.dateFrom)} to ${longDate(scope.dateTo)}`);
  else if (scope.dateFrom) lines.push(`Records dated from ${longDate(scope.dateFrom)} on`);
  else if (scope.dateTo) lines.push(`Records dated up to ${longDate(scope.dateTo)}`);
  if (scope.words) lines.push(`Folders whose titles contain “${scope.words}”`);
  if (scope.boxIds.length) lines.push(`${plural(scope.boxIds.length, 'box', 'boxes')} chosen one by one`);
  if (scope.folderIds.length) lines.push(`${plural(scope.folderIds.length, 'folder', 'folders')} chosen one by one`);
  return lines;
}

export function HoldPage({ id, role }: { id: number; role: Role }) {
  const hold = useQuery(() => api['holds.get']({ id }), [id]);
  const [lifting, setLifting] = useState(false);
  const [written, setWritten] = useState<{ download: DownloadOffer; message: string; acknowledgment: boolean } | null>(null);
  const [writeError, setWriteError] = useState<unknown>(null);
  const back = <BackLink href={routeHref({ screen: 'holds' })}>All legal holds</BackLink>;
  if (!hold.value) return <RecordNotLoaded back={back} title="Legal hold" notFoundTitle="Hold not found" error={hold.error} />;
  const detail = hold.value;
  const write = async () => {
    setWriteError(null);
    try {
      setWritten({ ...(await api['holds.write']({ id: detail.id })), acknowledgment: false });
      // The file written is recorded: it shows under "At the records center", waiting for the acknowledgment.
      hold.reload();
    } catch (failure) {
      setWriteError(failure);
    }
  };
  const acknowledge = async () => {
    setWriteError(null);
    try {
      setWritten({ ...(await api['holds.acknowledge']({ id: detail.id })), acknowledgment: true });
    } catch (failure) {
      setWriteError(failure);
    }
  };
  const facts: [string, string][] = [
    ['Number', detail.number],
    ['Matter', detail.matter || '—'],
    ['Asked by', detail.requestedBy || '—'],
    ['Placed', `${formatDateTime(detail.placedAt)}${detail.placedBy ? ` by ${detail.placedBy}` : ''} (${HOLD_ORIGIN_WORDS[detail.origin].toLowerCase()})`],
    ['State', detail.liftedAt ? `Lifted ${formatDateTime(detail.liftedAt)}: ${detail.liftReason ?? ''}` : 'In force'],
    ...(detail.takenIn ? [['Latest file taken in', `${formatDateTime(detail.takenIn.at)} by ${detail.takenIn.by}`] as [string, string]] : []),
  ];
  return (
    <div className="screen hold-page">
      {back}
      <div className="screen-head">
        <h1>Legal hold “{detail.name}”</h1>
        <div className="screen-actions">
          {role === 'department' && (
            <button type="button" onClick={() => void write()}>
              Write the hold for the records center
            </button>
          )}
          {role === 'records-center' && detail.origin === 'department-file' && (
            <button type="button" onClick={() => void acknowledge()}>
              Write the acknowledgment for the department
            </button>
          )}
          {!detail.liftedAt && (
            <button type="button" className="button-danger" onClick={() => setLifting(true)}>
              Lift the hold…
            </button>
          )}
        </div>
      </div>
      {written && (
        <div role="status" className="stack hold-written">
          <p className="success-message">{written.message}</p>
          <p>
            {written.acknowledgment
              ? 'Send this file to the department: taking it in tells them their hold is in force here, over exactly what it lists. '
              : 'Send this file to the records center: taking it in puts the same hold on the boxes and folders they keep for you, and they send back an acknowledgment. '}
            <button type="button" onClick={() => startDownload(written.download)}>
              Download {written.acknowledgment ? 'the acknowledgment' : 'the hold file'} ({written.download.fileName})
            </button>
          </p>
        </div>
      )}
      <ErrorMessage error={writeError} />
      <dl className="request-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="hold-scope-heading">
        <h2 id="hold-scope-heading">What it was asked to cover</h2>
        <ul>
          {scopeWords(detail.scope).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="hold-covers-heading">
        <h2 id="hold-covers-heading">What it holds: {coversWords(detail)}</h2>
        {detail.covers.length === 0 ? (
          <p className="hint">Nothing in this catalog matches it now. It still holds anything that matches later.</p>
        ) : (
          <ul aria-label="What it holds" className="hold-covers">
            {detail.covers.map((item) => (
              <li key={`${item.boxId}:${item.folderId ?? ''}`}>
                {role === 'department' ? (
                  <a href={routeHref({ screen: 'catalog', boxId: item.boxId, ...(item.folderId !== null ? { folderId: item.folderId } : {}) })}>{coveredWords(item)}</a>
                ) : (
                  coveredWords(item)
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {role === 'department' && <AtTheCenter hold={detail} onTakenIn={hold.reload} />}
      {lifting && (
        <LiftDialog
          hold={detail}
          onCancel={() => setLifting(false)}
          onLifted={(lifted) => {
            setLifting(false);
            hold.setValue(lifted);
          }}
        />
      )}
    </div>
  );
}

/** A department's hold at the records center: each file written for it, and whether the center acknowledged it. */
function AtTheCenter({ hold, onTakenIn }: { hold: HoldDetail; onTakenIn: () => void }) {
  const files = hold.filesSent;
  return (
    <section aria-labelledby="hold-center-heading" className="stack">
      <h2 id="hold-center-heading">At the records center</h2>
      {files.length === 0 ? (
        <p className="hint">
          No hold file has been written yet. Write the hold for the records center (above) and send the file: the center takes it in, holds the same boxes
          and folders, and sends back an acknowledgment to take in here.
        </p>
      ) : (
        <ul aria-label="Hold files sent" className="hold-files">
          {files.map((file) => (
            <li key={file.fingerprint}>
              <strong>{file.state === 'lifted' ? 'Lifting' : 'Hold'} file</strong> written {formatDateTime(file.writtenAt)} for {file.center}, naming{' '}
              {[file.boxes ? plural(file.boxes, 'whole box', 'whole boxes') : '', file.folders ? plural(file.folders, 'folder', 'folders') : ''].filter(Boolean).join(' and ')}
              :{' '}
              {file.acknowledged ? (
                <span className="hold-acknowledged">
                  acknowledged: {file.center} took it in on {formatDateTime(file.acknowledged.takenInAt)} as {file.acknowledged.centerNumber}
                  {file.state === 'lifted'
                    ? ' and lifted the hold there.'
                    : ` and holds ${[file.acknowledged.boxes ? plural(file.acknowledged.boxes, 'whole box', 'whole boxes') : '', file.acknowledged.folders ? plural(file.acknowledged.folders, 'folder', 'folders') : ''].filter(Boolean).join(' and ') || 'nothing'} under it.`}
                </span>
              ) : (
                <span className="hold-waiting">not acknowledged yet.</span>
              )}
              <span className="hint"> Seal {file.fingerprint.slice(0, 12)}…</span>
            </li>
          ))}
        </ul>
      )}
      <FileTakeInField label="The center’s acknowledgment of this hold (.json)" takeIn={(file) => api['disposition.import']({ file })} onTakenIn={onTakenIn} sameFileAgain />
    </section>
  );
}

function LiftDialog({ hold, onCancel, onLifted }: { hold: HoldDetail; onCancel: () => void; onLifted: (lifted: HoldDetail) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setError(null);
    try {
      onLifted(await api['holds.lift']({ id: hold.id, reason: reason.trim() }));
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  };
  return (
    <Modal title={`Lift the hold “${hold.name}”?`} onCancel={onCancel}>
      <form className="stack" onSubmit={(event) => void submit(event)}>
        <p>
          The {coversWords(hold)} it holds can then go on a disposition notice again, unless another hold covers them. Lifting is recorded with your reason
          and cannot be undone; to hold them again, place a new hold.
        </p>
        <label className="field">
          <span>Why the hold is lifted</span>
          <textarea rows={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} placeholder="e.g. The claim was settled on 3 May." />
        </label>
        <ErrorMessage error={error} />
        <div className="modal-actions">
          <button type="button" onClick={onCancel}>
            Keep the hold
          </button>
          <button type="submit" className="button-danger" disabled={working || !reason.trim()}>
            Lift the hold
          </button>
        </div>
      </form>
    </Modal>
  );
}
