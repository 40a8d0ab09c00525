// A department's requests back: every box and folder it asked for, open ones first, where each stands, and the
// center's update files taken in here. `#/retrievals/<id>` opens one request's page.
import { useState } from 'react';
import type { RetrievalSummary } from '../../../shared/api/contract-retrieval';
import { retrievalServiceLabels, retrievalStatusLabels } from '../../../shared/exchange/retrieval';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { routeHref } from '../app/routes';
import { ErrorMessage } from '../ui/error-message';
import { FileTakeInField } from '../ui/file-take-in-field';
import { formatDateTime } from '../ui/format';
import { RequestBackDialog } from './request-back-dialog';
import { RetrievalPage } from './retrieval-page';
import { FindToRequest } from './find-to-request';

export function RetrievalsScreen({ requestId }: { requestId?: number }) {
  if (requestId !== undefined) return <RetrievalPage key={requestId} id={requestId} />;
  return <RetrievalList />;
}

/** Open requests first (anything not yet back on the shelf or answered), each group newest first. */
export function openFirst(requests: RetrievalSummary[]): RetrievalSummary[] {
  const done = new Set(['returned', 'answered', 'withdrawn', 'refused']);
  const rank = (request: RetrievalSummary) => (done.has(request.status) ? 1 : 0);
  return [...requests].sort((a, b) => rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt));
}

function RetrievalList() {
  const requests = useQuery(() => api['retrievals.list']({ open: false }), []);
  const [asking, setAsking] = useState<{ boxIds: number[]; folderIds: number[] } | null>(null);

  return (
    <div className="screen retrievals-screen">
      <div className="screen-head">
        <h1>Requests back</h1>
      </div>
      <p className="lead">
        Ask your records center for a box or folder back (on loan, as a copy or scan, to look at there, or for good), send them the request file, and
        take in the updates they send back: every box and folder then shows where it is now.
      </p>
      <FindToRequest onChoose={setAsking} />
      <section aria-labelledby="retrieval-updates-heading" className="retrieval-take-in">
        <h2 id="retrieval-updates-heading">Take in an update from the records center</h2>
        <FileTakeInField label="The retrieval update file the center sent (.json)" takeIn={(file) => api['retrievals.importUpdate']({ file })} onTakenIn={requests.reload} sameFileAgain />
      </section>
      <ErrorMessage error={requests.error} />
      {!requests.value ? (
        !requests.error && <p className="muted">Loading requests…</p>
      ) : requests.value.length === 0 ? (
        <div className="empty-state">
          <h2>No requests yet</h2>
          <p>
            Find a folder in the Catalog and choose <strong>Request back</strong> (or open a box and request the whole box), or find it above. The request
            quotes everything the records center needs to find it; you send them its file, and their updates show here.
          </p>
          <a href={routeHref({ screen: 'catalog' })}>Go to the Catalog</a>
        </div>
      ) : (
        <RetrievalTable requests={openFirst(requests.value)} />
      )}
      {asking && <RequestBackDialog targets={asking} onClose={() => setAsking(null)} onRequested={() => requests.reload()} />}
    </div>
  );
}

function RetrievalTable({ requests }: { requests: RetrievalSummary[] }) {
  return (
    <table className="plain-table retrievals-table" aria-label="Requests back">
      <caption className="sr-only">Requests back, open ones first</caption>
      <thead>
        <tr>
          <th scope="col">Request</th>
          <th scope="col">What</th>
          <th scope="col">Service</th>
          <th scope="col">Status</th>
          <th scope="col">Due by</th>
          <th scope="col">Asked</th>
        </tr>
      </thead>
      <tbody>
        {requests.map((request) => (
          <tr key={request.id} className={request.overdue ? 'is-overdue' : undefined}>
            <th scope="row">
              <a href={routeHref({ screen: 'retrievals', requestId: request.id })}>{request.number}</a>
            </th>
            <td>
              {request.what}
              {request.neededFor && <span className="muted"> for {request.neededFor}</span>}
            </td>
            <td>
              {retrievalServiceLabels[request.service]}
              {request.urgency === 'urgent' && <strong> (urgent)</strong>}
            </td>
            <td data-request-status>
              {retrievalStatusLabels[request.status]}
              {request.checkedOutTo && (
                <>
                  : checked out to {request.checkedOutTo}
                  {request.dueBack && <>, due back {request.dueBack}</>}
                </>
              )}
              {request.overdue && <strong className="where-overdue-flag"> Overdue</strong>}
            </td>
            <td>{request.dueBy ?? '—'}</td>
            <td>{formatDateTime(request.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
