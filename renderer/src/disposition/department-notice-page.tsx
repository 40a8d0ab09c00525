// One disposition notice as the department answers it: what disposition means, the day the answer is due, every
// box in the department's own words with what the center proposes, and the answers given. Boxes not yet answered
// are answered on the form below (department-answer-form.tsx); boxes carried out show their certificate.
import { useState } from 'react';
import type { FilesWritten, NoticeBoxDetail, NoticeDetail } from '../../../shared/api/contract-disposition';
import { dispositionActionWords } from '../../../shared/exchange/disposition';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { routeHref } from '../app/routes';
import { FileTakeInField } from '../ui/file-take-in-field';
import { formatDateTime, plural } from '../ui/format';
import { BackLink, RecordNotLoaded } from '../ui/record-page';
import { DepartmentAnswerForm, ResponseWritten } from './department-answer-form';
import { countdownWords, longDate } from './notice-banner';
import './disposition.css';

export function DepartmentNoticePage({ id }: { id: number }) {
  const notice = useQuery(() => api['disposition.get']({ id }), [id]);
  const department = useQuery(() => api['department.get']({}), []);
  // Kept here, not in the form: once every box is answered the form goes, and the files to send must stay offered.
  const [written, setWritten] = useState<FilesWritten | null>(null);
  const back = <BackLink href={routeHref({ screen: 'disposition' })}>All disposition notices</BackLink>;
  if (!notice.value) return <RecordNotLoaded back={back} title="Disposition notice" notFoundTitle="Notice not found" error={notice.error} />;
  const detail = notice.value;
  const open = detail.noticeBoxes.filter((box) => box.answer === null && box.executed === null);
  return (
    <div className="screen disposition-notice-page">
      {back}
      <div className="screen-head">
        <h1>Disposition notice {detail.number}</h1>
      </div>
      <p className="lead">
        {detail.centerName} proposes disposition of {plural(detail.boxes, 'box', 'boxes')} whose retention ends between {longDate(detail.period.from)} and{' '}
        {longDate(detail.period.to)}. Received {formatDateTime(detail.issuedAt)}.
      </p>
      <p className="notice-countdown" data-notice-countdown>
        <strong>{detail.state}</strong>
        {open.length > 0 && <> — {capitalized(countdownWords(detail))}.</>}
      </p>
      {written && <ResponseWritten written={written} />}
      <section aria-labelledby="notice-meaning-heading" className="notice-meaning">
        <h2 id="notice-meaning-heading">What disposition means</h2>
        <p>{detail.meaning}</p>
      </section>
      <section aria-labelledby="notice-boxes-heading">
        <h2 id="notice-boxes-heading">The boxes</h2>
        <table className="plain-table notice-boxes" aria-label="Boxes on this notice">
          <thead>
            <tr>
              <th scope="col">Box</th>
              <th scope="col">Retention ends</th>
              <th scope="col">Schedule items</th>
              <th scope="col">Proposed</th>
              <th scope="col">Your answer</th>
            </tr>
          </thead>
          <tbody>
            {detail.noticeBoxes.map((box) => (
              <BoxRow key={box.boxId} box={box} detail={detail} />
            ))}
          </tbody>
        </table>
      </section>
      {open.length > 0 && (
        <DepartmentAnswerForm
          notice={detail}
          boxes={open}
          official={department.value ? { name: department.value.officialName, title: department.value.officialTitle } : null}
          onAnswered={(files) => {
            setWritten(files);
            notice.reload();
          }}
        />
      )}
      {detail.responses.length > 0 && (
        <section aria-labelledby="notice-responses-heading">
          <h2 id="notice-responses-heading">Responses signed</h2>
          <ul aria-label="Responses signed">
            {detail.responses.map((response) => (
              <li key={response.fingerprint}>
                Signed by {response.signedName}, {response.signedTitle}, on {formatDateTime(response.respondedAt)}{' '}
                <code className="fingerprint">{response.fingerprint.slice(0, 12)}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="notice-certificate-heading">
        <h2 id="notice-certificate-heading">Certificates from the records center</h2>
        {detail.certificates.length === 0 ? (
          <p className="hint">None yet. When the center has carried out what you approved, it sends a certificate: take it in here.</p>
        ) : (
          <ul aria-label="Certificates taken in">
            {detail.certificates.map((certificate) => (
              <li key={certificate.fingerprint}>
                Certificate {certificate.number}, issued {formatDateTime(certificate.issuedAt)}
              </li>
            ))}
          </ul>
        )}
        <FileTakeInField label="Take in a certificate for this notice (.json)" takeIn={(file) => api['disposition.import']({ file })} onTakenIn={notice.reload} sameFileAgain />
      </section>
      <p className="hint">
        Notice fingerprint: <code className="fingerprint">{detail.fingerprint}</code>
      </p>
    </div>
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The certificate a carried-out box rests on: the first issued at or after it was done. */
function certificateOf(box: NoticeBoxDetail, detail: NoticeDetail): string | null {
  if (detail.certificates.length === 0) return null;
  const sorted = [...detail.certificates].sort((a, b) => a.issuedAt.localeCompare(b.issuedAt));
  const found = box.executedAt ? sorted.find((certificate) => certificate.issuedAt >= box.executedAt!) : undefined;
  return (found ?? sorted[sorted.length - 1]!).number;
}

/** The answer recorded for a box, in words. */
export function answerWords(box: NoticeBoxDetail, detail: NoticeDetail): string {
  if (box.executed) {
    const certificate = certificateOf(box, detail);
    const when = box.executedAt ? longDate(box.executedAt) : 'a date not given';
    const done = box.executed === 'destroyed' ? `Destroyed on ${when}` : `Transferred to the archives on ${when}`;
    return certificate ? `${done} (certificate ${certificate})` : done;
  }
  if (box.answer === 'approve') return 'Approved';
  if (box.answer === 'refuse') return `Refused: ${box.reason || 'no reason given'}${box.reviewDate ? ` (review again on ${longDate(box.reviewDate)})` : ''}`;
  if (box.answer === 'extend') return `More time${box.extendTo ? ` until ${longDate(box.extendTo)}` : ''}${box.reason ? `: ${box.reason}` : ''}`;
  return 'Not answered yet';
}

function BoxRow({ box, detail }: { box: NoticeBoxDetail; detail: NoticeDetail }) {
  return (
    <tr data-notice-box={box.boxLabel}>
      <th scope="row">
        <a href={routeHref({ screen: 'catalog', boxId: box.boxId })}>Box {box.boxLabel}</a>
        <div className="muted">
          {plural(box.folders, 'folder', 'folders')}
          {box.confidential && ', confidential'}
          {box.centerBoxNumber && `, center box ${box.centerBoxNumber}`}
        </div>
      </th>
      <td>{longDate(box.dispositionDate)}</td>
      <td>{box.itemNumbers.join(', ') || '—'}</td>
      <td>{dispositionActionWords[box.action]}</td>
      <td data-box-answer>
        {answerWords(box, detail)}
        {box.heldBy && !box.executed && (
          <div className="held-note">
            On legal hold “{box.heldBy}”: it cannot be destroyed while the hold lasts.
          </div>
        )}
      </td>
    </tr>
  );
}
