// Legal holds, on either side: every hold with what it covers, placing one, and `#/holds/<id>` for one hold's page
// (lifting it; in a department, writing it for the records center).
import { useState } from 'react';
import type { HoldSummary } from '../../../shared/api/contract-disposition';
import type { Role } from '../../../shared/api/contract-kit';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { routeHref } from '../app/routes';
import { navigate } from '../app/use-route';
import { ErrorMessage } from '../ui/error-message';
import { formatDateTime } from '../ui/format';
import { HoldPage } from './holds-page';
import { coversWords, PlaceHoldDialog } from './holds-place-dialog';
import './disposition.css';

export function HoldsScreen({ role, holdId }: { role: Role; holdId?: number }) {
  if (holdId !== undefined) return <HoldPage key={holdId} id={holdId} role={role} />;
  return <HoldList role={role} />;
}

export const HOLD_ORIGIN_WORDS: Record<HoldSummary['origin'], string> = {
  department: 'Placed here',
  center: 'Placed by the records center',
  'department-file': 'From a department’s hold file',
};

function HoldList({ role }: { role: Role }) {
  const [show, setShow] = useState<'active' | 'all'>('active');
  const holds = useQuery(() => api['holds.list']({ show }), [show]);
  const [placing, setPlacing] = useState(false);

  return (
    <div className="screen holds-screen">
      <div className="screen-head">
        <h1>Legal holds</h1>
        <div className="screen-actions">
          <button type="button" className="button-primary" onClick={() => setPlacing(true)}>
            Place a hold…
          </button>
        </div>
      </div>
      <p className="lead">
        A legal hold (for a lawsuit, an audit or an open-records request) stops disposition of everything it covers until it is lifted: a held box is
        never put on a disposition notice and never destroyed{role === 'department' ? ', here or at the records center' : ''}.
      </p>
      <ErrorMessage error={holds.error} />
      {!holds.value ? (
        !holds.error && <p className="muted">Loading holds…</p>
      ) : (
        <section aria-labelledby="holds-heading">
          <div className="list-bar">
            <h2 id="holds-heading">{show === 'active' ? 'Holds in force' : 'All holds'}</h2>
            <div className="segmented" role="group" aria-label="Show holds">
              <button type="button" aria-pressed={show === 'active'} onClick={() => setShow('active')}>
                In force
              </button>
              <button type="button" aria-pressed={show === 'all'} onClick={() => setShow('all')}>
                All, with lifted ones
              </button>
            </div>
          </div>
          {holds.value.length === 0 ? (
            <div className="empty-state">
              <p>
                {show === 'active' ? 'No hold is in force.' : 'No hold has been placed yet.'} When your legal counsel, an auditor or a records request asks
                you to keep records, place a hold: name it, say what it is for, and choose what it covers by schedule item, dates,
                words in folder titles, whole boxes or single folders. You see what it covers before placing it.
              </p>
            </div>
          ) : (
            <HoldTable holds={holds.value} />
          )}
        </section>
      )}
      {placing && <PlaceHoldDialog role={role} onClose={() => setPlacing(false)} onPlaced={(hold) => navigate({ screen: 'holds', holdId: hold.id })} />}
    </div>
  );
}

/** Where a department's hold stands at the records center: not sent, sent and waiting, or acknowledged. */
function atCenterWords(file: HoldSummary['latestFile']): string {
  if (!file) return 'Not sent to the records center';
  const what = file.state === 'lifted' ? 'Lifting sent' : 'Sent';
  return `${what} ${formatDateTime(file.writtenAt)}; ${file.acknowledgedAt ? `acknowledged by ${file.center}` : 'not acknowledged yet'}`;
}

function HoldTable({ holds }: { holds: HoldSummary[] }) {
  return (
    <table className="plain-table holds-table" aria-label="Legal holds">
      <thead>
        <tr>
          <th scope="col">Hold</th>
          <th scope="col">Matter</th>
          <th scope="col">Asked by</th>
          <th scope="col">Covers</th>
          <th scope="col">Placed</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {holds.map((hold) => (
          <tr key={hold.id}>
            <th scope="row">
              <a href={routeHref({ screen: 'holds', holdId: hold.id })}>{hold.name}</a>
              <div className="muted">{hold.number}</div>
            </th>
            <td>{hold.matter || '—'}</td>
            <td>{hold.requestedBy || '—'}</td>
            <td>{coversWords(hold)}</td>
            <td>
              {formatDateTime(hold.placedAt)}
              <div className="muted">
                {HOLD_ORIGIN_WORDS[hold.origin]}
                {hold.placedBy ? `, by ${hold.placedBy}` : ''}
              </div>
            </td>
            <td data-hold-state>
              {hold.liftedAt ? `Lifted ${formatDateTime(hold.liftedAt)}` : 'In force'}
              {hold.origin === 'department' && <div className="muted">{atCenterWords(hold.latestFile)}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
