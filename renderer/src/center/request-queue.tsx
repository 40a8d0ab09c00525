// The records center's requests queue: a department's retrieval request file taken in here, then every request,
// soonest due first, with where to walk to. The list is virtual and fetched a page at a time, so ten thousand open
// requests cost no more than the rows in view.
import { useCallback, useId, useState } from 'react';
import type { CenterRequestSummary } from '../../../shared/api/contract-retrieval';
import { api } from '../api/client';
import { useDataVersion } from '../api/use-api';
import { navigate } from '../app/use-route';
import { usePagedRows } from '../catalog/use-paged-rows';
import { VirtualGrid, type ListColumn } from '../catalog/virtual-grid';
import { ErrorMessage } from '../ui/error-message';
import { FileTakeInField } from '../ui/file-take-in-field';
import { formatCount } from '../ui/format';
import { loanWords, SERVICE_WORDS, STATUS_WORDS } from './request-words';
import './requests.css';

type Show = 'open' | 'overdue' | 'all';
const SHOW_WORDS: Record<Show, string> = { open: 'Open', overdue: 'Overdue', all: 'All' };

function dueWords(request: CenterRequestSummary): string {
  const due = request.dueBy ?? request.neededBy;
  if (!due) return request.overdue ? 'Overdue' : 'No date';
  // The word first, so a narrow column still shows it.
  return request.overdue ? `Overdue: ${due}` : due;
}

const columns: ListColumn<CenterRequestSummary>[] = [
  {
    key: 'due',
    header: 'Due',
    min: 8,
    grow: 0,
    render: (request) => <span className={request.overdue ? 'request-overdue' : undefined}>{dueWords(request)}</span>,
    text: dueWords,
  },
  { key: 'number', header: 'Request', min: 8, grow: 1, render: (request) => request.number, text: (request) => request.number },
  { key: 'department', header: 'Department', min: 6, grow: 1, render: (request) => request.department.name, text: (request) => request.department.name },
  { key: 'what', header: 'What', min: 8, grow: 3, render: (request) => request.what, text: (request) => request.what },
  { key: 'walk', header: 'Walk to', min: 10, grow: 3, render: (request) => request.walkTo, text: (request) => request.walkTo },
  { key: 'service', header: 'Service', min: 6, grow: 1, render: (request) => SERVICE_WORDS[request.service], text: (request) => SERVICE_WORDS[request.service] },
  { key: 'urgency', header: 'Urgency', min: 4.5, grow: 0, render: (request) => (request.urgency === 'urgent' ? <strong>Urgent</strong> : 'Routine') },
  { key: 'status', header: 'Status', min: 6, grow: 1, render: (request) => STATUS_WORDS[request.status], text: (request) => STATUS_WORDS[request.status] },
  {
    key: 'loan',
    header: 'Checked out to / due back',
    min: 7.5,
    grow: 2,
    render: (request) => loanWords(request.checkedOutTo, request.dueBack),
    text: (request) => loanWords(request.checkedOutTo, request.dueBack),
  },
];

export function RequestQueue() {
  const [show, setShow] = useState<Show>('open');
  const [takenIn, setTakenIn] = useState(0);
  const dataVersion = useDataVersion();
  const queryKey = `${show}:${takenIn}:${dataVersion}`;
  const fetchPage = useCallback((offset: number, limit: number) => api['center.requests']({ show, offset, limit }), [show]);
  const rows = usePagedRows(fetchPage, queryKey);
  const open = useCallback((request: CenterRequestSummary) => navigate({ screen: 'requests', requestId: request.id }), []);
  const filterId = useId();

  return (
    <section className="screen stack" aria-labelledby="requests-heading">
      <h1 id="requests-heading" tabIndex={-1}>
        Requests
      </h1>
      <TakeIn onTakenIn={() => setTakenIn((count) => count + 1)} />
      <section className="stack" aria-labelledby="queue-heading">
        <h2 id="queue-heading">Queue</h2>
        <fieldset className="request-filters" aria-describedby={filterId}>
          <legend>Show</legend>
          {(Object.keys(SHOW_WORDS) as Show[]).map((each) => (
            <label key={each}>
              <input type="radio" name="request-show" value={each} checked={show === each} onChange={() => setShow(each)} /> {SHOW_WORDS[each]}
            </label>
          ))}
        </fieldset>
        <p id={filterId} className="hint">
          Soonest due first. Use the arrow keys to move through the list and Enter to open a request.
        </p>
        <ErrorMessage error={rows.error} />
        {rows.total !== null && (
          <p role="status">
            {rows.total === 0 ? emptyCount(show) : `${formatCount(rows.total)} ${show === 'all' ? '' : `${SHOW_WORDS[show].toLowerCase()} `}${rows.total === 1 ? 'request' : 'requests'}.`}
          </p>
        )}
        {rows.total === 0 && show !== 'overdue' && (
          <p className="hint empty-state">
            When a department sends a retrieval request, take it in here: choose the request file (the .json it sent) above. It joins this queue with
            where to walk to for each box, and each step you record (pulled, checked out, returned, re-filed) goes back to the department in an update
            file.
          </p>
        )}
        {rows.total !== null && rows.total > 0 && (
          <div className="request-queue">
            <VirtualGrid label="Requests" columns={columns} rows={rows} onOpen={open} queryKey={queryKey} />
          </div>
        )}
      </section>
    </section>
  );
}

function emptyCount(show: Show): string {
  if (show === 'overdue') return 'Nothing is overdue.';
  if (show === 'open') return 'No open requests.';
  return 'No requests yet.';
}

/** The department's request file, taken in: what the center made of it, or why it was refused, in words. */
function TakeIn({ onTakenIn }: { onTakenIn: () => void }) {
  return (
    <section className="stack" aria-labelledby="take-in-heading">
      <h2 id="take-in-heading">Take in a request</h2>
      <FileTakeInField
        hint="A department asks for a box or folder back by sending a retrieval request file. Transmittal checks it was not changed after it was written and that the boxes it names are held here for that department."
        label="Retrieval request file (the .json the department sent)"
        takeIn={(file) => api['center.requests.import']({ file })}
        onTakenIn={onTakenIn}
        workingWords="Taking the request in…"
        sameFileAgain
        openLink={({ request }) => (
          <a href={`#/requests/${request.id}`} onClick={(event) => { event.preventDefault(); navigate({ screen: 'requests', requestId: request.id }); }}>
            Open request {request.number}
          </a>
        )}
      />
    </section>
  );
}
