// One request at the records center, as the department quoted it: who asks and for whom, each box or folder with
// where to walk to, what happened so far, and the next steps only. Each step is recorded as it happened (never
// undone) and reaches the department through the update file written at the bottom.
import { useState, type ReactNode } from 'react';
import type { CenterRequestDetail, RetrievalUpdateWritten } from '../../../shared/api/contract-retrieval';
import { retrievalServiceLabels } from '../../../shared/exchange/retrieval';
import { api } from '../api/client';
import { startDownload } from '../api/files';
import { useQuery } from '../api/use-api';
import { navigate } from '../app/use-route';
import { ErrorMessage } from '../ui/error-message';
import { formatDateTime } from '../ui/format';
import { RequestSteps } from './request-steps';
import { ITEM_STATUS_WORDS, loanWords, STATUS_WORDS } from './request-words';
import './requests.css';

const EVENT_WORDS: Record<string, string> = {
  requested: 'Requested',
  pulled: 'Pulled',
  'checked-out': 'Checked out',
  returned: 'Returned',
  refiled: 'Re-filed',
  withdrawn: 'Withdrawn',
};

export function RequestPage({ id }: { id: number }) {
  const detail = useQuery(() => api['center.request.get']({ id }), [id]);
  const back = (
    <a href="#/requests" className="back-link" onClick={(event) => { event.preventDefault(); navigate({ screen: 'requests' }); }}>
      ← All requests
    </a>
  );
  if (!detail.value) {
    return (
      <section className="screen stack">
        {back}
        <h1 tabIndex={-1}>Request</h1>
        <ErrorMessage error={detail.error} />
        {!detail.error && <p className="muted">Loading…</p>}
      </section>
    );
  }
  return <RequestView request={detail.value} back={back} onRecorded={(next) => detail.setValue(next)} />;
}

function RequestView({ request, back, onRecorded }: { request: CenterRequestDetail; back: ReactNode; onRecorded: (next: CenterRequestDetail) => void }) {
  const [recorded, setRecorded] = useState<string | null>(null);
  const due = request.dueBy ?? null;
  return (
    <section className="screen stack" aria-labelledby="request-heading">
      {back}
      <h1 id="request-heading" tabIndex={-1}>
        Request {request.number}
      </h1>
      <dl className="transfer-facts" aria-label="What the department asks">
        <dt>Department</dt>
        <dd>
          {request.department.name}
          {request.department.code ? ` (${request.department.code})` : ''}
        </dd>
        <dt>Asks for</dt>
        <dd>{retrievalServiceLabels[request.service]}</dd>
        <dt>Urgency</dt>
        <dd>{request.urgency === 'urgent' ? <strong>Urgent</strong> : 'Routine'}</dd>
        <dt>Who asks</dt>
        <dd>{request.requestedBy}</dd>
        <dt>For whom</dt>
        <dd>{request.neededFor || '—'}</dd>
        <dt>Deliver to</dt>
        <dd>{request.deliverTo || '—'}</dd>
        <dt>Needed by</dt>
        <dd>{request.neededBy ?? 'No date given'}</dd>
        <dt>Due by</dt>
        <dd>
          {due ?? 'No turnaround stated'}
          {request.overdue && <span className="request-overdue"> (overdue)</span>}
        </dd>
        <dt>Note</dt>
        <dd>{request.note || '—'}</dd>
        <dt>Taken in</dt>
        <dd>{formatDateTime(request.receivedAt)}</dd>
        <dt>Status</dt>
        <dd>
          {STATUS_WORDS[request.status]}
          {request.checkedOutTo ? `: ${loanWords(request.checkedOutTo, request.dueBack)}` : ''}
        </dd>
        <dt>Request fingerprint</dt>
        <dd className="fingerprint">{request.fingerprint}</dd>
      </dl>
      <Items request={request} />
      {request.answer && (
        <section aria-labelledby="answer-heading" className="stack">
          <h2 id="answer-heading">Answer</h2>
          <p>{request.answer.note}</p>
          {request.answer.files.length > 0 && (
            <ul aria-label="Files sent with the answer">
              {request.answer.files.map((file) => (
                <li key={file}>{file}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      <RequestSteps
        request={request}
        onRecorded={(next, words) => {
          setRecorded(`${words} ${request.department.name} learns of it from the update file: write it below and send it to them.`);
          onRecorded(next);
        }}
      />
      {recorded && (
        <p role="status" className="success-message">
          {recorded}
        </p>
      )}
      <WriteUpdate request={request} />
      <Timeline request={request} />
    </section>
  );
}

function Items({ request }: { request: CenterRequestDetail }) {
  return (
    <section aria-labelledby="items-heading" className="stack">
      <h2 id="items-heading">What to fetch</h2>
      <table className="plain-table" aria-label="Boxes and folders asked for">
        <thead>
          <tr>
            <th scope="col">Box (the department’s label)</th>
            <th scope="col">Accession</th>
            <th scope="col">Center box</th>
            <th scope="col">Walk to</th>
            <th scope="col">Folder</th>
            <th scope="col">Legal hold</th>
            <th scope="col">Status</th>
            <th scope="col">Checked out to / due back</th>
          </tr>
        </thead>
        <tbody>
          {request.requestItems.map((item, index) => (
            <tr key={`${item.holdingBoxId}:${item.folder?.position ?? ''}:${index}`}>
              <td>
                {item.boxSequence}. {item.boxLabel} <span className="muted">({item.boxId})</span>
              </td>
              <td>{item.accessionNumber}</td>
              <td>{item.centerBoxNumber ?? '—'}</td>
              <td>{item.location ?? 'No shelf recorded'}</td>
              <td>
                {item.folder
                  ? `Folder ${item.folder.position} “${item.folder.title}”${item.folder.fileCode ? ` (${item.folder.fileCode})` : ''}`
                  : 'The whole box'}
              </td>
              <td>{item.legalHold ? <span className="request-hold">On legal hold</span> : 'No'}</td>
              <td>{ITEM_STATUS_WORDS[item.status]}</td>
              <td>{loanWords(item.checkedOutTo, item.dueBack) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {request.requestItems.some((item) => item.legalHold) && (
        <p className="hint">A legal hold does not stop a retrieval, but the box or folder must come back whole: tell whoever takes it.</p>
      )}
    </section>
  );
}

/** The update file for the department: everything recorded so far, written and offered for download. */
function WriteUpdate({ request }: { request: CenterRequestDetail }) {
  const [written, setWritten] = useState<RetrievalUpdateWritten | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function write() {
    setError(null);
    try {
      const result = await api['center.request.writeUpdate']({ id: request.id });
      setWritten(result);
      startDownload(result.download);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section aria-labelledby="update-heading" className="stack">
      <h2 id="update-heading">Tell the department</h2>
      <p className="hint">
        The update file carries everything recorded on this request so far. {request.department.name} takes it in and its catalog shows where each box or
        folder is. Write it after each step, or once after several.
      </p>
      <div>
        <button type="button" className="button-primary" onClick={() => void write()}>
          Write the update for the department
        </button>
      </div>
      {written && (
        <p role="status">
          Written: <code className="package-path">{written.path}</code> (fingerprint <code className="fingerprint">{written.fingerprint}</code>). Send it to{' '}
          {request.department.name}.
        </p>
      )}
      {written && (
        <div>
          <button type="button" onClick={() => startDownload(written.download)}>
            Save the update file again
          </button>
        </div>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

function Timeline({ request }: { request: CenterRequestDetail }) {
  return (
    <section aria-labelledby="timeline-heading" className="stack">
      <h2 id="timeline-heading">What happened</h2>
      {request.events.length === 0 ? (
        <p className="hint">Nothing recorded yet: the first step is pulling the box from its shelf.</p>
      ) : (
        <ol className="timeline" aria-label="What happened to this request">
          {request.events.map((event) => (
            <li key={event.seq}>
              {formatDateTime(event.at)}: {EVENT_WORDS[event.kind] ?? event.kind}, box {event.boxId}
              {event.folderPosition !== null ? ` folder ${event.folderPosition}` : ''}
              {event.detail ? `: ${event.detail}` : ''} <span className="muted">({event.actor})</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
