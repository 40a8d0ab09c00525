// A department's disposition notices: take in the file the records center sent (a notice or a certificate), then
// answer each notice, open ones first. With none yet, it says what disposition is and that nothing is destroyed
// without the department's approval.
import { useState } from 'react';
import type { NoticeSummary } from '../../../shared/api/contract-disposition';
import { DISPOSITION_MEANING } from '../../../shared/exchange/disposition';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { routeHref } from '../app/routes';
import { ErrorMessage } from '../ui/error-message';
import { FileTakeInField } from '../ui/file-take-in-field';
import { formatDateTime, plural } from '../ui/format';
import { countdownWords, longDate } from './notice-banner';
import './disposition.css';

/** Notices still waiting for an answer first, soonest deadline first; the rest newest first. */
export function openNoticesFirst(notices: NoticeSummary[]): NoticeSummary[] {
  const rank = (notice: NoticeSummary) => (notice.unanswered > 0 ? 0 : 1);
  return [...notices].sort((a, b) => rank(a) - rank(b) || (rank(a) === 0 ? a.respondBy.localeCompare(b.respondBy) : b.issuedAt.localeCompare(a.issuedAt)));
}

/** `onTakenIn` tells the screen around it that a file was taken in (its paperwork list shows it). */
export function DepartmentNotices({ onTakenIn }: { onTakenIn?: () => void } = {}) {
  const [show, setShow] = useState<'open' | 'all'>('all');
  const notices = useQuery(() => api['disposition.notices']({ show }), [show]);

  return (
    <div className="screen disposition-screen">
      <div className="screen-head">
        <h1>Disposition</h1>
      </div>
      <p className="lead">
        When the retention period of boxes at the records center ends, the center sends a notice. Answer it here box by box: approve, refuse with a
        reason, or ask for more time. Nothing is destroyed without your written approval.
      </p>
      <section aria-labelledby="disposition-take-in-heading" className="disposition-take-in">
        <h2 id="disposition-take-in-heading">Take in a file from the records center</h2>
        <FileTakeInField label="The disposition notice or certificate the center sent (.json)" takeIn={(file) => api['disposition.import']({ file })}
          onTakenIn={() => {
            notices.reload();
            onTakenIn?.();
          }}
          sameFileAgain
        />
      </section>
      <ErrorMessage error={notices.error} />
      {!notices.value ? (
        !notices.error && <p className="muted">Loading notices…</p>
      ) : notices.value.length === 0 && show === 'all' ? (
        <div className="empty-state">
          <h2>No disposition notices yet</h2>
          <p>{DISPOSITION_MEANING}</p>
          <p>
            When the records center sends a notice, take its file in above: every box it lists shows here in your own labels, with the day your answer
            is due.
          </p>
        </div>
      ) : (
        <section aria-labelledby="notices-heading">
          <div className="list-bar">
            <h2 id="notices-heading">Notices</h2>
            <div className="segmented" role="group" aria-label="Show notices">
              <button type="button" aria-pressed={show === 'all'} onClick={() => setShow('all')}>
                All
              </button>
              <button type="button" aria-pressed={show === 'open'} onClick={() => setShow('open')}>
                Waiting for an answer
              </button>
            </div>
          </div>
          {notices.value.length === 0 ? <p>No notice is waiting for an answer.</p> : <NoticeTable notices={openNoticesFirst(notices.value)} />}
        </section>
      )}
    </div>
  );
}

function NoticeTable({ notices }: { notices: NoticeSummary[] }) {
  return (
    <table className="plain-table notices-table" aria-label="Disposition notices">
      <caption className="sr-only">Disposition notices, those waiting for an answer first</caption>
      <thead>
        <tr>
          <th scope="col">Notice</th>
          <th scope="col">From</th>
          <th scope="col">Boxes</th>
          <th scope="col">State</th>
          <th scope="col">Answer due</th>
          <th scope="col">Received</th>
        </tr>
      </thead>
      <tbody>
        {notices.map((notice) => (
          <tr key={notice.id}>
            <th scope="row">
              <a href={routeHref({ screen: 'disposition', noticeId: notice.id })}>{notice.number}</a>
            </th>
            <td>{notice.centerName}</td>
            <td>
              {plural(notice.boxes, 'box', 'boxes')}
              <AnswerCounts notice={notice} />
            </td>
            <td data-notice-state>{notice.state}</td>
            <td>{notice.unanswered > 0 ? countdownWords(notice) : longDate(notice.respondBy)}</td>
            <td>{formatDateTime(notice.issuedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "2 approved, 1 refused, 1 destroyed", what is known so far. */
export function AnswerCounts({ notice }: { notice: NoticeSummary }) {
  const parts = [
    notice.approved ? `${notice.approved} approved` : '',
    notice.refused ? `${notice.refused} refused` : '',
    notice.extended ? `${notice.extended} given more time` : '',
    notice.unanswered && notice.unanswered !== notice.boxes ? `${notice.unanswered} not answered` : '',
    notice.executed ? `${notice.executed} carried out` : '',
  ].filter(Boolean);
  return parts.length ? <span className="muted"> ({parts.join(', ')})</span> : null;
}
