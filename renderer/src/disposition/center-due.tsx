// What is due for disposition in a period, department by department: the boxes to destroy and, apart, the boxes for
// the archives, then what was left out and why. Each department gets one notice, written from here; nothing is
// destroyed from this list, only proposed.
import { useId, useState } from 'react';
import type { ApiResult } from '../../../shared/api/contract';
import type { DispositionBox, DueDepartment, DueList } from '../../../shared/api/contract-disposition';
import { api } from '../api/client';
import { startDownload } from '../api/files';
import { useQuery } from '../api/use-api';
import { routeHref } from '../app/routes';
import { navigate } from '../app/use-route';
import { ErrorMessage } from '../ui/error-message';
import { plural } from '../ui/format';
import { BoxCells, BoxColumnHeads } from './center-box-columns';
import { PaperSaves } from './center-paper-saves';
import { longDate } from './notice-banner';
import { actionWords, PERIOD_WORDS, periodOf, type Period, type PeriodChoice } from './center-words';

type NoticeWritten = ApiResult<'center.disposition.notice'> & { department: string };

export function CenterDue({ version, onWritten }: { version: number; onWritten: () => void }) {
  const [choice, setChoice] = useState<PeriodChoice>('quarter');
  const [custom, setCustom] = useState<Period>(() => periodOf('quarter'));
  const period = choice === 'custom' ? custom : periodOf(choice);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(period.from) && /^\d{4}-\d{2}-\d{2}$/.test(period.to) && period.from <= period.to;
  const due = useQuery(() => (valid ? api['center.disposition.due'](period) : Promise.resolve(null)), [period.from, period.to, valid, version]);
  const [written, setWritten] = useState<NoticeWritten[]>([]);
  const hintId = useId();

  return (
    <section className="stack" aria-labelledby="due-heading">
      <h2 id="due-heading">Due for disposition</h2>
      <fieldset className="disposition-period" aria-describedby={hintId}>
        <legend>Period</legend>
        <div className="disposition-period-choices">
          {(Object.keys(PERIOD_WORDS) as PeriodChoice[]).map((each) => (
            <label key={each}>
              <input
                type="radio"
                name="disposition-period"
                value={each}
                checked={choice === each}
                onChange={() => {
                  if (each === 'custom' && choice !== 'custom') setCustom(period);
                  setChoice(each);
                }}
              />{' '}
              {PERIOD_WORDS[each]}
            </label>
          ))}
        </div>
        {choice === 'custom' && (
          <div className="inline-form">
            <label className="field">
              <span>From</span>
              <input type="date" value={custom.from} onChange={(event) => setCustom({ ...custom, from: event.target.value })} required />
            </label>
            <label className="field">
              <span>To</span>
              <input type="date" value={custom.to} onChange={(event) => setCustom({ ...custom, to: event.target.value })} required />
            </label>
          </div>
        )}
      </fieldset>
      <p id={hintId} className="hint">
        Every box whose disposition date falls from {period.from || '…'} to {period.to || '…'}. A box goes on a notice to its department; nothing is destroyed
        or moved until the department approves it in writing.
      </p>
      {!valid && <p role="alert" className="error-message">Give both dates, the first no later than the second.</p>}
      {written.length > 0 && <NoticesWritten written={written} />}
      <ErrorMessage error={due.error} />
      {valid && due.value && (
        <DueView
          due={due.value}
          onWritten={(result) => {
            setWritten((before) => [result, ...before]);
            onWritten();
          }}
        />
      )}
      {valid && !due.value && !due.error && <p className="muted">Loading…</p>}
    </section>
  );
}

function DueView({ due, onWritten }: { due: DueList; onWritten: (result: NoticeWritten) => void }) {
  const total = due.departments.reduce((sum, department) => sum + department.boxes.length + department.archives.length, 0);
  return (
    <>
      <p role="status">
        {total === 0
          ? `No box is due from ${due.period.from} to ${due.period.to}${due.leftOut.length > 0 ? ' that can go on a notice' : ''}.`
          : `${plural(total, 'box is', 'boxes are')} due from ${due.period.from} to ${due.period.to}, for ${plural(due.departments.length, 'department', 'departments')}.`}
      </p>
      {due.departments.map((department) => (
        <DepartmentDue key={department.department.id} due={due} department={department} onWritten={onWritten} />
      ))}
      <LeftOut due={due} />
    </>
  );
}

function DepartmentDue({ due, department, onWritten }: { due: DueList; department: DueDepartment; onWritten: (result: NoticeWritten) => void }) {
  const headingId = useId();
  const name = department.department.name;
  return (
    <section className="disposition-department stack" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {name}
        {department.department.code ? ` (${department.department.code})` : ''}
      </h3>
      {department.boxes.length > 0 && <BoxTable label={`Boxes to destroy — ${name}`} boxes={department.boxes} />}
      {department.archives.length > 0 && (
        <>
          <h4>To transfer to the archives</h4>
          <p className="hint">These series are kept permanently: they are not destroyed but go to the archives, once the department approves.</p>
          <BoxTable label={`Boxes to transfer to the archives — ${name}`} boxes={department.archives} />
        </>
      )}
      <WriteNotice due={due} department={department} onWritten={onWritten} />
    </section>
  );
}

function BoxTable({ label, boxes }: { label: string; boxes: DispositionBox[] }) {
  return (
    <table className="plain-table" aria-label={label}>
      <thead>
        <tr>
          <BoxColumnHeads />
          <th scope="col">Folders</th>
          <th scope="col">What is proposed</th>
        </tr>
      </thead>
      <tbody>
        {boxes.map((box) => (
          <tr key={box.boxId}>
            <BoxCells box={box} />
            <td>{box.folders}</td>
            <td>{box.confidential && box.action !== 'transfer-to-archives' ? <strong>{actionWords(box)}</strong> : actionWords(box)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The day an answer is due if the notice is written today: the center's notice period after today. */
function answerDay(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() + days);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

function WriteNotice({ due, department, onWritten }: { due: DueList; department: DueDepartment; onWritten: (result: NoticeWritten) => void }) {
  // The center's stated notice period (Settings): every notice it writes gives the department that long.
  const settings = useQuery(() => api['center.settings']({}), []);
  const days = settings.value?.noticeDays;
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const hintId = useId();
  const name = department.department.name;
  const boxes = department.boxes.length + department.archives.length;

  async function write() {
    setError(null);
    setWorking(true);
    try {
      const result = await api['center.disposition.notice']({ departmentId: department.department.id, from: due.period.from, to: due.period.to });
      startDownload(result.download);
      onWritten({ ...result, department: name });
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  }

  return (
    <form
      className="inline-form"
      aria-label={`Write the notice for ${name}`}
      onSubmit={(event) => {
        event.preventDefault();
        void write();
      }}
    >
      <button type="submit" className="button-primary" disabled={working || days === undefined} aria-describedby={hintId}>
        Write the notice for {name}
      </button>
      <p id={hintId} className="hint disposition-wide">
        One notice lists the {plural(boxes, 'box', 'boxes')} above (JSON for {name}’s catalog and a PDF for people).
        {days !== undefined && (
          <>
            {' '}
            Its answer is due by {longDate(answerDay(days))}: your notice period of {plural(days, 'day', 'days')}, set in{' '}
            <a href={routeHref({ screen: 'settings' })}>Settings</a>.
          </>
        )}
      </p>
      <ErrorMessage error={error} className="disposition-wide" />
    </form>
  );
}

/** The notices written during this visit, kept here because the department's boxes leave the due list once noticed. */
function NoticesWritten({ written }: { written: NoticeWritten[] }) {
  return (
    <div className="stack">
      {written.map((notice) => (
        <div key={notice.id} className="disposition-written" role="status">
          <p className="success-message">{notice.message}</p>
          <p>
            Notice {notice.number} for {notice.department}: {plural(notice.boxes, 'box', 'boxes')}, answer due {notice.respondBy}. Fingerprint{' '}
            <code className="fingerprint">{notice.fingerprint}</code>.
          </p>
          <PaperSaves paper="notice" download={notice.download} pdfDownload={notice.pdfDownload}>
            <a
              href={`#/disposition/${notice.id}`}
              onClick={(event) => {
                event.preventDefault();
                navigate({ screen: 'disposition', noticeId: notice.id });
              }}
            >
              Open notice {notice.number}
            </a>
          </PaperSaves>
        </div>
      ))}
    </div>
  );
}

function LeftOut({ due }: { due: DueList }) {
  if (due.leftOut.length === 0) return null;
  return (
    <section className="stack" aria-labelledby="left-out-heading">
      <h3 id="left-out-heading">Left out</h3>
      <p className="hint">Due in the period but not put on a notice now, each with why. A box under a legal hold is never put on a notice.</p>
      <table className="plain-table" aria-label="Boxes left out">
        <thead>
          <tr>
            <th scope="col">Department</th>
            <BoxColumnHeads />
            <th scope="col">Why it is left out</th>
          </tr>
        </thead>
        <tbody>
          {due.leftOut.map((box) => (
            <tr key={box.boxId}>
              <td>{box.department}</td>
              <BoxCells box={box} />
              <td>{box.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
