// The next steps of a request, and only those: pull, check out (to whom, due back when), return, re-file (to its own
// position or another free one), answer, withdraw for good, or refuse with a reason. Each is recorded as it
// happened and said back in words; nothing here takes a step back.
import { useId, useState, type FormEvent } from 'react';
import type { ApiInput } from '../../../shared/api/contract';
import type { CenterRequestAction, CenterRequestDetail } from '../../../shared/api/contract-retrieval';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { useDialogs } from '../ui/dialogs';
import { ErrorMessage } from '../ui/error-message';
import { plural } from '../ui/format';
import { ACTION_WORDS, localDate } from './request-words';

type RecordInput = ApiInput<'center.request.record'>;

/** A loan is due back this many days from today unless the person says otherwise (the contract's default too). */
const LOAN_DAYS = 30;

export function RequestSteps({ request, onRecorded }: { request: CenterRequestDetail; onRecorded: (next: CenterRequestDetail, words: string) => void }) {
  const dialogs = useDialogs();
  const [open, setOpen] = useState<CenterRequestAction | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState(false);
  const boxes = plural(new Set(request.requestItems.map((item) => item.holdingBoxId)).size, 'box', 'boxes');

  async function record(input: RecordInput, said: (next: CenterRequestDetail) => string) {
    setError(null);
    setWorking(true);
    try {
      const next = await api['center.request.record'](input);
      setOpen(null);
      onRecorded(next, said(next));
    } catch (failure) {
      setError(failure);
    } finally {
      setWorking(false);
    }
  }

  async function choose(action: CenterRequestAction) {
    setError(null);
    if (action === 'pull') return record({ id: request.id, action }, () => `Recorded: ${request.what} pulled from the shelf.`);
    if (action === 'return') return record({ id: request.id, action }, () => `Recorded: ${request.what} returned to the center. Re-file it next.`);
    if (action === 'withdraw') {
      const sure = await dialogs.confirm({
        title: `Withdraw ${request.what} for good?`,
        message:
          `The ${boxes} of request ${request.number} leave the holdings for good: ${request.department.name} takes them back, their shelf positions ` +
          'become free, and they only come back as a new transfer. This is recorded and cannot be undone.',
        confirmLabel: 'Withdraw for good',
        cancelLabel: 'Keep them in the holdings',
        danger: true,
      });
      if (sure) await record({ id: request.id, action }, () => `Recorded: ${request.what} withdrawn for good; it has left the holdings and its shelf position is free.`);
      return;
    }
    setOpen(open === action ? null : action);
  }

  return (
    <section aria-labelledby="steps-heading" className="stack">
      <h2 id="steps-heading">Next step</h2>
      {request.next.length === 0 ? (
        <p className="hint">Nothing is left to do on this request. What happened is below; write the update if the department has not had it yet.</p>
      ) : (
        <div className="row-actions" role="group" aria-label="Record the next step">
          {request.next.map((action) => (
            <button
              key={action}
              type="button"
              className={action === request.next[0] ? 'button-primary' : action === 'withdraw' || action === 'refuse' ? 'button-danger' : undefined}
              aria-expanded={ACTION_WORDS[action].endsWith('…') && action !== 'withdraw' ? open === action : undefined}
              disabled={working}
              onClick={() => void choose(action)}
            >
              {ACTION_WORDS[action]}
            </button>
          ))}
        </div>
      )}
      {open === 'checkout' && <CheckOutForm request={request} working={working} onRecord={record} onCancel={() => setOpen(null)} />}
      {open === 'refile' && <RefileForm request={request} working={working} onRecord={record} onCancel={() => setOpen(null)} />}
      {open === 'answer' && <AnswerForm request={request} working={working} onRecord={record} onCancel={() => setOpen(null)} />}
      {open === 'refuse' && <RefuseForm request={request} working={working} onRecord={record} onCancel={() => setOpen(null)} />}
      <ErrorMessage error={error} />
    </section>
  );
}

interface StepFormProps {
  request: CenterRequestDetail;
  working: boolean;
  onRecord: (input: RecordInput, said: (next: CenterRequestDetail) => string) => Promise<void>;
  onCancel: () => void;
}

function StepForm({ title, children, submit, working, onSubmit, onCancel }: { title: string; children: React.ReactNode; submit: string; working: boolean; onSubmit: () => void; onCancel: () => void }) {
  const headingId = useId();
  return (
    <form
      className="request-step stack"
      aria-labelledby={headingId}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h3 id={headingId}>{title}</h3>
      {children}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={working}>
          {submit}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function CheckOutForm({ request, working, onRecord, onCancel }: StepFormProps) {
  const [to, setTo] = useState(request.neededFor);
  const [dueBack, setDueBack] = useState(localDate(LOAN_DAYS));
  const hintId = useId();
  return (
    <StepForm
      title="Check out"
      submit="Record the check-out"
      working={working}
      onCancel={onCancel}
      onSubmit={() =>
        void onRecord({ id: request.id, action: 'checkout', to: to.trim(), dueBack: dueBack || undefined }, (next) => {
          const back = next.dueBack ?? (dueBack || null);
          return `Recorded: ${request.what} checked out to ${to.trim()}${back ? `, due back ${back}` : ''}.`;
        })
      }
    >
      <div className="inline-form">
        <label className="field">
          <span>Checked out to</span>
          <input value={to} onChange={(event) => setTo(event.target.value)} required maxLength={200} autoFocus size={30} />
        </label>
        <label className="field">
          <span>Due back</span>
          <input type="date" value={dueBack} onChange={(event) => setDueBack(event.target.value)} aria-describedby={hintId} />
        </label>
      </div>
      <p id={hintId} className="hint">
        {LOAN_DAYS} days from today unless you change it. The department sees the date and is reminded when it passes.
      </p>
    </StepForm>
  );
}

function RefileForm({ request, working, onRecord, onCancel }: StepFormProps) {
  const own = request.requestItems.find((item) => item.location !== null)?.location ?? null;
  const [where, setWhere] = useState<'own' | 'other'>(own ? 'own' : 'other');
  const free = useQuery(() => api['center.locations']({ freeOnly: true, offset: 0, limit: 1000 }), []);
  const [locationId, setLocationId] = useState('');
  const chosen = locationId || String(free.value?.rows[0]?.id ?? '');
  const groupId = useId();

  return (
    <StepForm
      title="Re-file"
      submit="Record the re-filing"
      working={working}
      onCancel={onCancel}
      onSubmit={() => {
        const other = where === 'other' && chosen ? Number(chosen) : undefined;
        const words = other ? (free.value?.rows.find((row) => row.id === other)?.words ?? 'the chosen position') : own;
        void onRecord({ id: request.id, action: 'refile', ...(other ? { locationId: other } : {}) }, (next) => {
          const at = next.requestItems.find((item) => item.location !== null)?.location ?? words;
          return `Recorded: ${request.what} re-filed${at ? ` at ${at}` : ''}.`;
        });
      }}
    >
      <div role="radiogroup" aria-labelledby={groupId} className="stack">
        <span id={groupId} className="muted">
          Where it goes back
        </span>
        {own && (
          <label>
            <input type="radio" name="refile-where" checked={where === 'own'} onChange={() => setWhere('own')} /> Its own position: {own}
          </label>
        )}
        <label>
          <input type="radio" name="refile-where" checked={where === 'other'} onChange={() => setWhere('other')} /> Another free position
        </label>
      </div>
      {where === 'other' && (
        <>
          <ErrorMessage error={free.error} />
          {free.value && free.value.rows.length === 0 && <p className="hint">No position is free. Add positions on the Locations screen first.</p>}
          {free.value && free.value.rows.length > 0 && (
            <label className="field">
              <span>Free position</span>
              <select value={chosen} onChange={(event) => setLocationId(event.target.value)}>
                {free.value.rows.map((location) => (
                  <option key={location.id} value={location.id}>
                    {location.words} ({location.capacityCubicFeet} cubic feet)
                  </option>
                ))}
              </select>
            </label>
          )}
        </>
      )}
    </StepForm>
  );
}

function AnswerForm({ request, working, onRecord, onCancel }: StepFormProps) {
  const [note, setNote] = useState('');
  const [files, setFiles] = useState('');
  const filesHint = useId();
  return (
    <StepForm
      title="Answer"
      submit="Record the answer"
      working={working}
      onCancel={onCancel}
      onSubmit={() => {
        const names = files.split('\n').map((name) => name.trim()).filter(Boolean);
        void onRecord({ id: request.id, action: 'answer', note: note.trim(), files: names }, () =>
          `Recorded: the answer${names.length ? `, with ${plural(names.length, 'file', 'files')} named (${names.join(', ')})` : ''}.`,
        );
      }}
    >
      <label className="field">
        <span>What was sent or found</span>
        <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={3} required maxLength={4000} autoFocus />
      </label>
      <label className="field">
        <span>Names of the files sent with the update (one a line, if any)</span>
        <textarea value={files} onChange={(event) => setFiles(event.target.value)} rows={2} aria-describedby={filesHint} />
      </label>
      <p id={filesHint} className="hint">
        Send the files themselves beside the update file; the names tell {request.department.name} what to expect.
      </p>
    </StepForm>
  );
}

function RefuseForm({ request, working, onRecord, onCancel }: StepFormProps) {
  const [reason, setReason] = useState('');
  return (
    <StepForm
      title="Refuse"
      submit="Record the refusal"
      working={working}
      onCancel={onCancel}
      onSubmit={() => void onRecord({ id: request.id, action: 'refuse', reason: reason.trim() }, () => `Recorded: request ${request.number} refused, because ${reason.trim()}`)}
    >
      <label className="field">
        <span>Why it cannot be done</span>
        <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={3} required maxLength={2000} autoFocus placeholder="e.g. The box was not on its shelf; we are searching for it" />
      </label>
    </StepForm>
  );
}
