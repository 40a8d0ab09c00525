// The center's notices, open or all, with how each department answered so far and what to do next; and where a
// department's signed response or legal hold file is taken in.
import { useId, useState } from 'react';
import type { NoticeSummary, TakenIn } from '../../../shared/api/contract-disposition';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { navigate } from '../app/use-route';
import { ErrorMessage } from '../ui/error-message';
import { FileTakeInField } from '../ui/file-take-in-field';
import { formatDateTime, plural } from '../ui/format';
import { countdownWords, noticeStateWords } from './center-words';

type Show = 'open' | 'all';

export function CenterNotices({ version }: { version: number }) {
  const [show, setShow] = useState<Show>('open');
  const notices = useQuery(() => api['disposition.notices']({ show }), [show, version]);
  const hintId = useId();

  return (
    <section className="stack" aria-labelledby="notices-heading">
      <h2 id="notices-heading">Notices</h2>
      <fieldset className="request-filters" aria-describedby={hintId}>
        <legend>Show</legend>
        <label>
          <input type="radio" name="notices-show" value="open" checked={show === 'open'} onChange={() => setShow('open')} /> Open
        </label>
        <label>
          <input type="radio" name="notices-show" value="all" checked={show === 'all'} onChange={() => setShow('all')} /> All
        </label>
      </fieldset>
      <p id={hintId} className="hint">
        A box is carried out only once its department approved it in writing. No answer is never an approval: past the answer date, ask again.
      </p>
      <ErrorMessage error={notices.error} />
      {notices.value && (
        <p role="status">
          {notices.value.length === 0 ? (show === 'open' ? 'No open notices.' : 'No notices yet.') : `${plural(notices.value.length, show === 'open' ? 'open notice' : 'notice', show === 'open' ? 'open notices' : 'notices')}.`}
        </p>
      )}
      {notices.value && notices.value.length > 0 && <NoticeTable notices={notices.value} />}
    </section>
  );
}

function NoticeTable({ notices }: { notices: NoticeSummary[] }) {
  return (
    <table className="plain-table" aria-label="Disposition notices">
      <thead>
        <tr>
          <th scope="col">Notice</th>
          <th scope="col">Department</th>
          <th scope="col">Issued</th>
          <th scope="col">Answer due</th>
          <th scope="col">Boxes</th>
          <th scope="col">Approved</th>
          <th scope="col">Refused</th>
          <th scope="col">More time</th>
          <th scope="col">Unanswered</th>
          <th scope="col">Carried out</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {notices.map((notice) => {
          const state = noticeStateWords(notice);
          const late = notice.daysLeft < 0 && notice.unanswered > 0;
          return (
            <tr key={notice.id}>
              <td>
                <a
                  href={`#/disposition/${notice.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate({ screen: 'disposition', noticeId: notice.id });
                  }}
                >
                  {notice.number}
                </a>
              </td>
              <td>{notice.department}</td>
              <td>{formatDateTime(notice.issuedAt)}</td>
              <td>
                {notice.respondBy}
                <br />
                <span className={late ? 'request-overdue' : 'muted'}>{countdownWords(notice)}</span>
              </td>
              <td>{notice.boxes}</td>
              <td>{notice.approved}</td>
              <td>{notice.refused}</td>
              <td>{notice.extended}</td>
              <td>{notice.unanswered}</td>
              <td>{notice.executed}</td>
              <td>{late ? <strong>{state}</strong> : state}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A department's signed response or legal hold file, taken in: what the center made of it, or why it was refused. */
export function CenterTakeIn({ onTakenIn }: { onTakenIn: () => void }) {
  return (
    <section className="stack" aria-labelledby="take-in-heading">
      <h2 id="take-in-heading">Take in a response or legal hold</h2>
      <FileTakeInField
        hint="A department answers a notice with a signed response file, and sends a legal hold as a file too. Transmittal checks the file was not changed after it was written and that it answers this center’s own notice or names boxes held here."
        label="Response or legal hold file (the .json the department sent)"
        takeIn={(file) => api['disposition.import']({ file })}
        onTakenIn={onTakenIn}
        workingWords="Taking the file in…"
        sameFileAgain
        openLink={(taken) => <TakenLink taken={taken} />}
      />
    </section>
  );
}

function TakenLink({ taken }: { taken: TakenIn }) {
  if (taken.kind === 'hold') {
    return (
      <a href={`#/holds/${taken.id}`} onClick={(event) => { event.preventDefault(); navigate({ screen: 'holds', holdId: taken.id }); }}>
        Open hold {taken.number}
      </a>
    );
  }
  return (
    <a href={`#/disposition/${taken.id}`} onClick={(event) => { event.preventDefault(); navigate({ screen: 'disposition', noticeId: taken.id }); }}>
      Open notice {taken.number}
    </a>
  );
}
