// One legal hold: who asked and why, what it was asked to cover, and every box and folder it holds in the
// department's words. Lifting it asks for the reason and a confirmation (what another hold covers stays held); a
// department also writes it as a file for the records center, so the center's holds follow.
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
import { formatDateTime, plural } from '../ui/format';
import { Modal } from '../ui/modal';
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
  const [written, setWritten] = useState<{ download: DownloadOffer; message: string } | null>(null);
  const [writeError, setWriteError] = useState<unknown>(null);
  const back = (
    <a className="back-link" href={routeHref({ screen: 'holds' })}>
      <span aria-hidden="true">← </span>All legal holds
    </a>
  );
  if (!hold.value) {
    return (
      <div className="screen">
        {back}
        <h1>{hold.error ? 'Hold not found' : 'Legal hold'}</h1>
        {hold.error ? <ErrorMessage error={hold.error} /> : <p className="muted">Loading…</p>}
      </div>
    );
  }
  const detail = hold.value;
  const write = async () => {
    setWriteError(null);
    try {
      setWritten(await api['holds.write']({ id: detail.id }));
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
            Send this file to the records center: taking it in puts the same hold on the boxes and folders they keep for you.{' '}
            <button type="button" onClick={() => startDownload(written.download)}>
              Download the hold file ({written.download.fileName})
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
                <a href={routeHref({ screen: 'catalog', boxId: item.boxId, ...(item.folderId !== null ? { folderId: item.folderId } : {}) })}>{coveredWords(item)}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
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
