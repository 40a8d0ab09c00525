// The department's answer to a notice, box by box: approve, refuse with a reason and a day to review the box again,
// or ask for more time until a day. A box on legal hold can only be refused or given more time. Signed by name and
// title (the department's official by default), it is written as the response file and its PDF to send the center.
// A box left without an answer stays as it is: no answer is never approval.
import { useEffect, useState, type FormEvent } from 'react';
import type { FilesWritten, NoticeBoxDetail, NoticeDetail } from '../../../shared/api/contract-disposition';
import type { DispositionAnswer } from '../../../shared/exchange/disposition';
import { api } from '../api/client';
import { startDownload } from '../api/files';
import { ErrorMessage } from '../ui/error-message';
import { plural } from '../ui/format';
import { Modal } from '../ui/modal';

interface Draft {
  answer: DispositionAnswer | '';
  reason: string;
  reviewDate: string;
  extendTo: string;
}
const EMPTY: Draft = { answer: '', reason: '', reviewDate: '', extendTo: '' };

/** What is missing before the answers can be signed, one sentence per box. */
export function answerProblems(boxes: NoticeBoxDetail[], drafts: Record<number, Draft>): string[] {
  const problems: string[] = [];
  for (const box of boxes) {
    const draft = drafts[box.boxId] ?? EMPTY;
    const name = `Box ${box.boxLabel}`;
    if (draft.answer === 'approve' && box.heldBy) problems.push(`${name} is on legal hold “${box.heldBy}”: refuse it or ask for more time.`);
    if (draft.answer === 'refuse') {
      if (!draft.reason.trim()) problems.push(`${name}: say why you refuse.`);
      if (!draft.reviewDate) problems.push(`${name}: give the day to review it again.`);
    }
    if (draft.answer === 'extend') {
      if (!draft.extendTo) problems.push(`${name}: give the day until which the center should wait.`);
      if (!draft.reason.trim()) problems.push(`${name}: say why you need more time.`);
    }
  }
  if (boxes.every((box) => !(drafts[box.boxId]?.answer))) problems.push('Choose an answer for at least one box.');
  return problems;
}

interface AnswerFormProps {
  notice: NoticeDetail;
  /** The boxes still without an answer. */
  boxes: NoticeBoxDetail[];
  official: { name: string; title: string } | null;
  onAnswered: (written: FilesWritten) => void;
}

export function DepartmentAnswerForm({ notice, boxes, official, onAnswered }: AnswerFormProps) {
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const [signedName, setSignedName] = useState('');
  const [signedTitle, setSignedTitle] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [refusingAll, setRefusingAll] = useState(false);

  // The department's official signs by default; the person may sign in their own name instead.
  useEffect(() => {
    if (!official) return;
    setSignedName((name) => name || official.name);
    setSignedTitle((title) => title || official.title);
  }, [official]);

  const update = (boxId: number, change: Partial<Draft>) => setDrafts((all) => ({ ...all, [boxId]: { ...(all[boxId] ?? EMPTY), ...change } }));
  const held = boxes.filter((box) => box.heldBy);
  const unanswered = boxes.filter((box) => !drafts[box.boxId]?.answer).length;

  const approveAll = () =>
    setDrafts((all) => {
      const next = { ...all };
      for (const box of boxes) if (!box.heldBy) next[box.boxId] = { ...(all[box.boxId] ?? EMPTY), answer: 'approve' };
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = answerProblems(boxes, drafts);
    if (!signedName.trim()) found.push('Sign with your name.');
    if (!signedTitle.trim()) found.push('Give your title.');
    setProblems(found);
    if (found.length > 0) return;
    setSending(true);
    setError(null);
    try {
      const answers = boxes
        .filter((box) => drafts[box.boxId]?.answer)
        .map((box) => {
          const draft = drafts[box.boxId]!;
          const answer = draft.answer as DispositionAnswer;
          return {
            boxId: box.boxId,
            answer,
            reason: answer === 'approve' ? '' : draft.reason.trim(),
            ...(answer === 'refuse' ? { reviewDate: draft.reviewDate } : {}),
            ...(answer === 'extend' ? { extendTo: draft.extendTo } : {}),
          };
        });
      onAnswered(await api['disposition.respond']({ noticeId: notice.id, answers, signedName: signedName.trim(), signedTitle: signedTitle.trim() }));
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };

  return (
    <section aria-labelledby="notice-answer-heading" className="notice-answer">
      <h2 id="notice-answer-heading">Your answer</h2>
      <p className="hint">
        Answer each box. A box you leave without an answer stays at the records center as it is, and the center asks again: no answer is never
        approval.
      </p>
      <div className="button-row">
        <button type="button" onClick={approveAll}>
          Approve all{held.length > 0 ? ' not on hold' : ''}
        </button>
        <button type="button" onClick={() => setRefusingAll(true)}>
          Refuse all…
        </button>
      </div>
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        {boxes.map((box) => (
          <BoxAnswer key={box.boxId} box={box} draft={drafts[box.boxId] ?? EMPTY} onChange={(change) => update(box.boxId, change)} />
        ))}
        <fieldset className="plain-fieldset signer">
          <legend>Signed for {notice.department || 'the department'} by</legend>
          <div className="signer-fields">
            <label className="field">
              <span>Name</span>
              <input value={signedName} onChange={(event) => setSignedName(event.target.value)} maxLength={200} autoComplete="name" />
            </label>
            <label className="field">
              <span>Title</span>
              <input value={signedTitle} onChange={(event) => setSignedTitle(event.target.value)} maxLength={200} autoComplete="organization-title" />
            </label>
          </div>
        </fieldset>
        {unanswered > 0 && unanswered < boxes.length && (
          <p className="hint" data-unanswered>
            {plural(unanswered, 'box has', 'boxes have')} no answer: {unanswered === 1 ? 'it stays' : 'they stay'} as {unanswered === 1 ? 'it is' : 'they are'}{' '}
            and the center asks again.
          </p>
        )}
        {problems.length > 0 && (
          <ul className="error-message answer-problems" role="alert" aria-label="Before signing">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        <ErrorMessage error={error} />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={sending}>
            Sign and write the response
          </button>
        </div>
      </form>
      {refusingAll && (
        <RefuseAllDialog
          count={boxes.length}
          onCancel={() => setRefusingAll(false)}
          onRefuse={(reason, reviewDate) => {
            setRefusingAll(false);
            setDrafts(Object.fromEntries(boxes.map((box) => [box.boxId, { answer: 'refuse', reason, reviewDate, extendTo: '' } satisfies Draft])));
          }}
        />
      )}
    </section>
  );
}

function BoxAnswer({ box, draft, onChange }: { box: NoticeBoxDetail; draft: Draft; onChange: (change: Partial<Draft>) => void }) {
  const name = `answer-${box.boxId}`;
  return (
    <fieldset className="box-answer" data-answer-box={box.boxLabel}>
      <legend>Box {box.boxLabel}</legend>
      {box.heldBy && <p className="held-note">On legal hold “{box.heldBy}”: you can refuse or ask for more time, not approve.</p>}
      <div className="answer-choices">
        <label className="radio-line">
          <input type="radio" name={name} checked={draft.answer === 'approve'} disabled={box.heldBy !== null} onChange={() => onChange({ answer: 'approve' })} /> Approve
        </label>
        <label className="radio-line">
          <input type="radio" name={name} checked={draft.answer === 'refuse'} onChange={() => onChange({ answer: 'refuse' })} /> Refuse
        </label>
        <label className="radio-line">
          <input type="radio" name={name} checked={draft.answer === 'extend'} onChange={() => onChange({ answer: 'extend' })} /> More time
        </label>
      </div>
      {draft.answer === 'refuse' && (
        <div className="answer-details">
          <label className="field field-wide">
            <span>Why you refuse (box {box.boxLabel})</span>
            <textarea rows={2} maxLength={2000} value={draft.reason} onChange={(event) => onChange({ reason: event.target.value })} />
          </label>
          <label className="field">
            <span>Review again on (box {box.boxLabel})</span>
            <input type="date" value={draft.reviewDate} onChange={(event) => onChange({ reviewDate: event.target.value })} />
          </label>
        </div>
      )}
      {draft.answer === 'extend' && (
        <div className="answer-details">
          <label className="field field-wide">
            <span>Why you need more time (box {box.boxLabel})</span>
            <textarea rows={2} maxLength={2000} value={draft.reason} onChange={(event) => onChange({ reason: event.target.value })} />
          </label>
          <label className="field">
            <span>Wait until (box {box.boxLabel})</span>
            <input type="date" value={draft.extendTo} onChange={(event) => onChange({ extendTo: event.target.value })} />
          </label>
        </div>
      )}
    </fieldset>
  );
}

function RefuseAllDialog({ count, onCancel, onRefuse }: { count: number; onCancel: () => void; onRefuse: (reason: string, reviewDate: string) => void }) {
  const [reason, setReason] = useState('');
  const [reviewDate, setReviewDate] = useState('');
  const ready = reason.trim() !== '' && reviewDate !== '';
  return (
    <Modal title={`Refuse all ${plural(count, 'box', 'boxes')}`} onCancel={onCancel}>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) onRefuse(reason.trim(), reviewDate);
        }}
      >
        <p>The same reason and review day are filled in for every box; you can still change any box before signing.</p>
        <label className="field">
          <span>Why you refuse</span>
          <textarea rows={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} />
        </label>
        <label className="field">
          <span>Review again on</span>
          <input type="date" value={reviewDate} onChange={(event) => setReviewDate(event.target.value)} />
        </label>
        <div className="modal-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button-primary" disabled={!ready}>
            Fill in for every box
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** After signing: the two files to send the records center, and what the response says. */
export function ResponseWritten({ written }: { written: FilesWritten }) {
  return (
    <section aria-labelledby="response-written-heading" className="response-written">
      <h2 id="response-written-heading">Response written</h2>
      <p role="status" data-response-message>{written.message}</p>
      <p>Send both files to the records center (by email or their portal). The response file lets them take your answers in without retyping; the PDF is for people.</p>
      <div className="button-row">
        <button type="button" onClick={() => startDownload(written.download)}>
          Download the response file ({written.download.fileName})
        </button>
        <button type="button" onClick={() => startDownload(written.pdfDownload)}>
          Download the PDF ({written.pdfDownload.fileName})
        </button>
      </div>
    </section>
  );
}
