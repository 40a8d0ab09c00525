// One notice at the records center: every box as the department knows it, the department's answer to each (or that
// there is none), whether a hold covers it, and whether it may be carried out; the signed responses and the
// certificates written, each with its fingerprint. Carrying out happens only from here, only for approved boxes.
import { useState, type ReactNode } from 'react';
import type { ApiResult } from '../../../shared/api/contract';
import type { NoticeDetail } from '../../../shared/api/contract-disposition';
import { api } from '../api/client';
import { startDownload } from '../api/files';
import { useQuery } from '../api/use-api';
import { navigate } from '../app/use-route';
import { ErrorMessage } from '../ui/error-message';
import { formatDateTime, plural } from '../ui/format';
import { CenterCarryOut } from './center-carry-out';
import { BoxCells, BoxColumnHeads } from './center-box-columns';
import { PaperSaves } from './center-paper-saves';
import { actionWords, answerWords, carriedOutWords, countdownWords, noticeStateWords } from './center-words';
import './center-disposition.css';

type Certificate = ApiResult<'center.disposition.execute'>;

export function CenterNoticePage({ id }: { id: number }) {
  const detail = useQuery(() => api['disposition.get']({ id }), [id]);
  const back = (
    <a href="#/disposition" className="back-link" onClick={(event) => { event.preventDefault(); navigate({ screen: 'disposition' }); }}>
      ← Disposition
    </a>
  );
  if (!detail.value) {
    return (
      <section className="screen stack">
        {back}
        <h1 tabIndex={-1}>Notice</h1>
        <ErrorMessage error={detail.error} />
        {!detail.error && <p className="muted">Loading…</p>}
      </section>
    );
  }
  return <NoticeView notice={detail.value} back={back} onCarriedOut={() => detail.reload()} />;
}

function NoticeView({ notice, back, onCarriedOut }: { notice: NoticeDetail; back: ReactNode; onCarriedOut: () => void }) {
  const [carrying, setCarrying] = useState(false);
  const [certificate, setCertificate] = useState<Certificate | null>(null);
  const ready = notice.noticeBoxes.filter((box) => box.canExecute);
  const late = notice.daysLeft < 0 && notice.unanswered > 0;

  return (
    <section className="screen stack" aria-labelledby="notice-heading">
      {back}
      <h1 id="notice-heading" tabIndex={-1}>
        Notice {notice.number}
      </h1>
      <dl className="transfer-facts" aria-label="The notice">
        <dt>Department</dt>
        <dd>{notice.department}</dd>
        <dt>Issued</dt>
        <dd>{formatDateTime(notice.issuedAt)}</dd>
        <dt>Period</dt>
        <dd>
          Disposition dates from {notice.period.from} to {notice.period.to}
        </dd>
        <dt>Answer due</dt>
        <dd>
          {notice.respondBy} ({countdownWords(notice)})
        </dd>
        <dt>Answers</dt>
        <dd>
          {plural(notice.boxes, 'box', 'boxes')}: {notice.approved} approved, {notice.refused} refused, {notice.extended} more time asked, {notice.unanswered}{' '}
          unanswered, {notice.executed} carried out
        </dd>
        <dt>State</dt>
        <dd>{late ? <strong className="request-overdue">{noticeStateWords(notice)}</strong> : noticeStateWords(notice)}</dd>
        <dt>Notice fingerprint</dt>
        <dd className="fingerprint">{notice.fingerprint}</dd>
      </dl>
      <p className="hint">{notice.meaning}</p>
      <NoticeBoxes notice={notice} />
      <section className="stack" aria-labelledby="carry-out-heading">
        <h2 id="carry-out-heading">Carry out</h2>
        <p className="hint">
          {ready.length === 0
            ? 'No box can be carried out now: only a box the department approved, that no legal hold covers and that was not carried out already. The table above says why for each.'
            : `${plural(ready.length, 'box is', 'boxes are')} approved and not held. The others stay where they are.`}
        </p>
        <div>
          <button type="button" className="button-primary" disabled={ready.length === 0} aria-haspopup="dialog" onClick={() => setCarrying(true)}>
            Carry out the approved boxes…
          </button>
        </div>
        {certificate && <CertificateWritten certificate={certificate} />}
      </section>
      <Paperwork notice={notice} />
      {carrying && (
        <CenterCarryOut
          notice={notice}
          onClose={() => setCarrying(false)}
          onCarriedOut={(result) => {
            setCarrying(false);
            setCertificate(result);
            startDownload(result.download);
            onCarriedOut();
          }}
        />
      )}
    </section>
  );
}

function NoticeBoxes({ notice }: { notice: NoticeDetail }) {
  return (
    <section className="stack" aria-labelledby="notice-boxes-heading">
      <h2 id="notice-boxes-heading">Boxes on this notice</h2>
      <table className="plain-table" aria-label="Boxes on this notice">
        <thead>
          <tr>
            <BoxColumnHeads />
            <th scope="col">Proposed</th>
            <th scope="col">The department’s answer</th>
            <th scope="col">Legal hold</th>
            <th scope="col">Carried out</th>
          </tr>
        </thead>
        <tbody>
          {notice.noticeBoxes.map((box) => (
            <tr key={box.boxId}>
              <BoxCells box={box} />
              <td>{actionWords(box)}</td>
              <td className={box.answer === null ? 'muted' : undefined}>{answerWords(box)}</td>
              <td>{box.heldBy ? <strong>On legal hold: {box.heldBy}</strong> : 'No'}</td>
              <td>{carriedOutWords(box)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CertificateWritten({ certificate }: { certificate: Certificate }) {
  return (
    <div className="disposition-written stack">
      <p role="status" className="success-message">
        {certificate.message}
      </p>
      <p>
        Certificate {certificate.number}: {plural(certificate.boxes, 'box', 'boxes')}. Fingerprint <code className="fingerprint">{certificate.fingerprint}</code>.
        Send the certificate to the department: its catalog then shows the boxes carried out.
      </p>
      <PaperSaves paper="certificate" download={certificate.download} pdfDownload={certificate.pdfDownload} />
    </div>
  );
}

function Paperwork({ notice }: { notice: NoticeDetail }) {
  return (
    <section className="stack" aria-labelledby="paperwork-heading">
      <h2 id="paperwork-heading">Responses and certificates</h2>
      {notice.responses.length === 0 ? (
        <p className="hint">No response taken in yet. When {notice.department} sends its signed response, take it in on the Disposition screen.</p>
      ) : (
        <table className="plain-table" aria-label="Responses taken in">
          <thead>
            <tr>
              <th scope="col">Signed by</th>
              <th scope="col">Answered</th>
              <th scope="col">Fingerprint</th>
            </tr>
          </thead>
          <tbody>
            {notice.responses.map((response) => (
              <tr key={response.fingerprint}>
                <td>
                  {response.signedName}, {response.signedTitle}
                </td>
                <td>{formatDateTime(response.respondedAt)}</td>
                <td className="fingerprint">{response.fingerprint}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {notice.certificates.length === 0 ? (
        <p className="hint">No certificate written yet.</p>
      ) : (
        <table className="plain-table" aria-label="Certificates written">
          <thead>
            <tr>
              <th scope="col">Certificate</th>
              <th scope="col">Issued</th>
              <th scope="col">Fingerprint</th>
            </tr>
          </thead>
          <tbody>
            {notice.certificates.map((certificate) => (
              <tr key={certificate.id}>
                <td>{certificate.number}</td>
                <td>{formatDateTime(certificate.issuedAt)}</td>
                <td className="fingerprint">{certificate.fingerprint}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
