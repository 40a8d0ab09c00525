// One accession, in the order the work is done: check the boxes in (a barcode scanner types the box id and Enter;
// a keyboard does the same), record what did not match, number and shelve the boxes, and send the acknowledgment
// back. What was found is recorded as found: nothing here hides or undoes a discrepancy.
import { useId, useRef, useState, type FormEvent } from 'react';
import type { AccessionDetail, AcknowledgmentWritten, CheckInInput } from '../../../shared/api/contract-center';
import { holdingBoxStatusLabels } from '../../../shared/center/holdings';
import { api } from '../api/client';
import { startDownload } from '../api/files';
import { useQuery } from '../api/use-api';
import { navigate } from '../app/use-route';
import { useDialogs } from '../ui/dialogs';
import { ErrorMessage, errorText } from '../ui/error-message';
import { formatDateTime, plural } from '../ui/format';
import { accessionStage } from './accessions-screen';
import { FileTakeInField } from '../ui/file-take-in-field';

export function AccessionPage({ id }: { id: number }) {
  const detail = useQuery(() => api['center.accession.get']({ id }), [id]);
  const back = (
    <a href="#/accessions" className="back-link" onClick={(event) => { event.preventDefault(); navigate({ screen: 'accessions' }); }}>
      ← All accessions
    </a>
  );
  if (!detail.value) {
    return (
      <section className="screen stack">
        {back}
        <h1 tabIndex={-1}>Accession</h1>
        <ErrorMessage error={detail.error} />
        {!detail.error && <p className="muted">Loading…</p>}
      </section>
    );
  }
  return <AccessionView accession={detail.value} back={back} onChanged={(next) => (next ? detail.setValue(next) : detail.reload())} />;
}

function AccessionView({ accession, back, onChanged }: { accession: AccessionDetail; back: React.ReactNode; onChanged: (next?: AccessionDetail) => void }) {
  const expected = accession.boxes.filter((box) => box.status === 'expected').length;
  return (
    <section className="screen stack" aria-labelledby="accession-heading">
      {back}
      <h1 id="accession-heading" tabIndex={-1}>
        Accession {accession.accessionNumber}
      </h1>
      <dl className="transfer-facts">
        <dt>Transfer</dt>
        <dd>{accession.transferNumber}</dd>
        <dt>Department</dt>
        <dd>{accession.department.name}</dd>
        <dt>Stage</dt>
        <dd>{accessionStage(accession)}</dd>
        <dt>Taken in</dt>
        <dd>
          {formatDateTime(accession.receivedAt)} by {accession.receivedBy} (from {accession.sourceName})
        </dd>
        <dt>Manifest fingerprint</dt>
        <dd className="fingerprint">{accession.manifestFingerprint}</dd>
      </dl>
      <CheckIn accession={accession} expected={expected} onChanged={onChanged} />
      <BoxTable accession={accession} onChanged={onChanged} />
      <FolderDifference accession={accession} onChanged={onChanged} />
      <Discrepancies accession={accession} />
      <Corrections accession={accession} onChanged={onChanged} />
      <Shelving accession={accession} expected={expected} onChanged={onChanged} />
      <Acknowledge accession={accession} onChanged={onChanged} />
    </section>
  );
}

/** The scanner field: a scan is the box id typed fast and Enter. The field keeps the focus for the next scan. */
function CheckIn({ accession, expected, onChanged }: { accession: AccessionDetail; expected: number; onChanged: (next?: AccessionDetail) => void }) {
  const [code, setCode] = useState('');
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const field = useRef<HTMLInputElement>(null);

  async function scan(event: FormEvent) {
    event.preventDefault();
    const box = code.trim();
    if (!box) return;
    try {
      const result = await api['center.checkIn']({ accessionId: accession.id, boxes: [{ box, status: 'received', note: '' }], extra: [] } as CheckInInput);
      const outcome = result.outcomes[0];
      setSaid({ ok: true, text: `${outcome.message} ${plural(result.stillExpected, 'box', 'boxes')} still to check in.` });
      onChanged();
    } catch (failure) {
      setSaid({ ok: false, text: `${box}: ${errorText(failure)}` });
    }
    setCode('');
    field.current?.focus();
  }

  return (
    <section aria-labelledby="checkin-heading" className="stack">
      <h2 id="checkin-heading">Check in</h2>
      <p className="hint">
        Scan each box’s barcode (or type its box id or its number on the list, then Enter). {plural(expected, 'box is', 'boxes are')} still to check in.
      </p>
      <form onSubmit={(event) => void scan(event)} className="inline-form">
        <label className="field">
          <span>Box barcode or number</span>
          <input ref={field} value={code} onChange={(event) => setCode(event.target.value)} autoComplete="off" spellCheck={false} autoFocus={expected > 0} />
        </label>
        <button type="submit" className="button-primary">
          Received
        </button>
      </form>
      {said && (
        <p role={said.ok ? 'status' : 'alert'} className={said.ok ? 'success-message' : 'error-message'}>
          {said.text}
        </p>
      )}
    </section>
  );
}

function BoxTable({ accession, onChanged }: { accession: AccessionDetail; onChanged: (next?: AccessionDetail) => void }) {
  const dialogs = useDialogs();
  const [error, setError] = useState<unknown>(null);

  async function record(entry: CheckInInput['boxes'][number] | null, extra: CheckInInput['extra'][number] | null) {
    setError(null);
    try {
      await api['center.checkIn']({ accessionId: accession.id, boxes: entry ? [entry] : [], extra: extra ? [extra] : [] } as CheckInInput);
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  }

  async function damaged(box: string) {
    const note = await dialogs.prompt({ title: `Box ${box} received damaged`, label: 'How is it damaged?', confirmLabel: 'Record' });
    if (note?.trim()) await record({ box, status: 'damaged', note: note.trim() }, null);
  }

  async function extraBox() {
    const description = await dialogs.prompt({
      title: 'A box not on the manifest',
      message: 'It is recorded as a discrepancy and goes back to the department in the acknowledgment.',
      label: 'What is written on it',
      confirmLabel: 'Record',
    });
    if (description?.trim()) await record(null, { description: description.trim(), cubicFeet: 0, note: '' });
  }

  return (
    <section aria-labelledby="boxes-heading" className="stack">
      <h2 id="boxes-heading">Boxes</h2>
      <ErrorMessage error={error} />
      <table className="plain-table" aria-label="Boxes of this accession">
        <thead>
          <tr>
            <th scope="col">Box</th>
            <th scope="col">Box id</th>
            <th scope="col">Status</th>
            <th scope="col">Center box</th>
            <th scope="col">Location</th>
            <th scope="col">Record</th>
          </tr>
        </thead>
        <tbody>
          {accession.boxes.map((box) => {
            const ref = box.boxCode ?? String(box.sequence ?? '');
            return (
              <tr key={box.id}>
                <td>
                  {box.sequence ? `${box.sequence}. ` : ''}
                  {box.label}
                </td>
                <td>{box.boxCode ?? '—'}</td>
                <td>
                  {holdingBoxStatusLabels[box.status]}
                  {box.note ? `: ${box.note}` : ''}
                </td>
                <td>{box.centerBoxNumber ?? '—'}</td>
                <td>{box.location ?? '—'}</td>
                <td>
                  {box.status === 'expected' && box.boxCode && (
                    <span className="row-actions">
                      <button type="button" onClick={() => void record({ box: ref, status: 'missing', note: '' }, null)} aria-label={`Box ${box.sequence} is missing`}>
                        Missing
                      </button>
                      <button type="button" onClick={() => void damaged(ref)} aria-label={`Box ${box.sequence} came damaged`}>
                        Damaged…
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div>
        <button type="button" onClick={() => void extraBox()}>
          A box not on the manifest…
        </button>
      </div>
    </section>
  );
}

function Discrepancies({ accession }: { accession: AccessionDetail }) {
  return (
    <section aria-labelledby="discrepancies-heading" className="stack">
      <h2 id="discrepancies-heading">What did not match</h2>
      {accession.discrepancies.length === 0 ? (
        <p className="hint">Nothing so far. A missing, damaged or extra box is recorded here as found, and goes back to the department.</p>
      ) : (
        <ul aria-label="Discrepancies">
          {accession.discrepancies.map((each) => (
            <li key={each.id}>
              {each.description} <span className="muted">({each.recordedBy}, {formatDateTime(each.recordedAt)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const valueWords = (value: AccessionDetail['amendments'][number]['before']) =>
  value === null ? '(none)' : value === '' ? '(empty)' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : typeof value === 'string' ? `“${value}”` : String(value);

/** The department's corrections after sending: its amendments file taken in here, and every correction received. */
function Corrections({ accession, onChanged }: { accession: AccessionDetail; onChanged: (next?: AccessionDetail) => void }) {
  const headingId = useId();

  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId}>Corrections from the department</h2>
      {accession.amendments.length === 0 ? (
        <p className="hint">
          When {accession.department.name} corrects a box or folder after sending, it sends an amendments file: take it in here. The manifest as received
          stays as it is.
        </p>
      ) : (
        <ul aria-label="Corrections received">
          {accession.amendments.map((each) => (
            <li key={each.amendmentId}>
              {each.amendmentId}. Box {each.boxSequence} (“{each.boxLabel}”){each.folderPosition !== null ? `, folder ${each.folderPosition} (“${each.folderTitle}”)` : ''}:{' '}
              {each.field} {valueWords(each.before)} → {valueWords(each.after)}, because {each.reason}{' '}
              <span className="muted">
                ({each.actor}, {formatDateTime(each.at)}; {each.appliedAt ? `applied ${formatDateTime(each.appliedAt)}` : 'not applied: see what did not match'})
              </span>
            </li>
          ))}
        </ul>
      )}
      <FileTakeInField
        label="Take in the department’s amendments file (the .json it sent)"
        takeIn={(file) => api['center.intakeAmendments']({ file })}
        onTakenIn={onChanged}
        sameFileAgain
      />
    </section>
  );
}

function Shelving({ accession, expected, onChanged }: { accession: AccessionDetail; expected: number; onChanged: (next?: AccessionDetail) => void }) {
  const suggestions = useQuery(() => api['center.suggestLocations']({ accessionId: accession.id }), [accession.id, accession.boxes.length, expected]);
  const [error, setError] = useState<unknown>(null);
  const unplaced = suggestions.value?.filter((each) => each.location === null).length ?? 0;
  if (accession.status === 'accessioned') return null;

  async function shelve() {
    setError(null);
    try {
      onChanged(await api['center.accession']({ accessionId: accession.id, locations: 'auto' }));
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section aria-labelledby="shelving-heading" className="stack">
      <h2 id="shelving-heading">Number and shelve</h2>
      {expected > 0 ? (
        <p className="hint">Check in every listed box first (received, damaged or missing): {plural(expected, 'box is', 'boxes are')} left.</p>
      ) : (
        <>
          <p className="hint">Each box on hand gets the center’s next box number and the next free shelf position it fits:</p>
          <ErrorMessage error={suggestions.error} />
          {suggestions.value && (
            <table className="plain-table" aria-label="Suggested locations">
              <thead>
                <tr>
                  <th scope="col">Box</th>
                  <th scope="col">Goes to</th>
                </tr>
              </thead>
              <tbody>
                {suggestions.value.map((each) => (
                  <tr key={each.holdingBoxId}>
                    <td>
                      {each.sequence ? `${each.sequence}. ` : ''}
                      {each.label}
                    </td>
                    <td>{each.location?.words ?? 'No free position fits: add locations first'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div>
            <button type="button" className="button-primary" disabled={unplaced > 0 || !suggestions.value} onClick={() => void shelve()}>
              Number and shelve {plural(suggestions.value?.length ?? 0, 'box', 'boxes')}
            </button>
          </div>
          <ErrorMessage error={error} />
        </>
      )}
    </section>
  );
}

function Acknowledge({ accession, onChanged }: { accession: AccessionDetail; onChanged: (next?: AccessionDetail) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [written, setWritten] = useState<AcknowledgmentWritten | null>(null);
  if (accession.status !== 'accessioned') return null;

  async function acknowledge() {
    setError(null);
    try {
      const result = await api['center.acknowledge']({ accessionId: accession.id });
      setWritten(result);
      startDownload(result.download);
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section aria-labelledby="acknowledge-heading" className="stack">
      <h2 id="acknowledge-heading">Acknowledge to the department</h2>
      <p className="hint">
        The acknowledgment tells {accession.department.name} what was found, each box’s number and location, and every discrepancy; its catalog takes
        it in.
      </p>
      <div>
        <button type="button" className="button-primary" onClick={() => void acknowledge()}>
          {accession.acknowledgedAt ? 'Write the acknowledgment again' : 'Write the acknowledgment'}
        </button>
      </div>
      {written && (
        <p role="status">
          Written: <code className="package-path">{written.path}</code> (fingerprint <code className="fingerprint">{written.fingerprint}</code>) and its
          receipt <code className="package-path">{written.pdfPath}</code>. Send both to the department.
        </p>
      )}
      {written && (
        <div>
          <button type="button" onClick={() => startDownload(written.pdfDownload)}>
            Save the acknowledgment receipt (PDF)
          </button>
        </div>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

const FOLDER_KINDS = { 'folder-missing': 'Listed, but not in the box', 'folder-extra': 'In the box, but not listed', 'folder-different': 'Not as listed' } as const;

/** What a look inside a box found about one folder, recorded as found and sent back to the department. */
function FolderDifference({ accession, onChanged }: { accession: AccessionDetail; onChanged: (next?: AccessionDetail) => void }) {
  const onHand = accession.boxes.filter((box) => box.status === 'received' || box.status === 'damaged' || box.status === 'extra');
  const [boxId, setBoxId] = useState('');
  const [kind, setKind] = useState<keyof typeof FOLDER_KINDS>('folder-missing');
  const [position, setPosition] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [said, setSaid] = useState<string | null>(null);
  if (onHand.length === 0) return null;

  async function record(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaid(null);
    try {
      const recorded = await api['center.recordFolderDiscrepancy']({
        accessionId: accession.id,
        holdingBoxId: Number(boxId || onHand[0].id),
        folderPosition: kind === 'folder-extra' || position.trim() === '' ? null : Number(position),
        kind,
        description,
      });
      setSaid(`Recorded: ${recorded.description}`);
      setPosition('');
      setDescription('');
      onChanged();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <form className="stack" aria-labelledby="folder-difference-heading" onSubmit={(event) => void record(event)}>
      <h2 id="folder-difference-heading">Inside a box</h2>
      <p className="hint">If a folder is not as the list says, record it here: it goes back to the department with the acknowledgment.</p>
      <div className="inline-form">
        <label className="field">
          <span>Box</span>
          <select value={boxId || String(onHand[0].id)} onChange={(event) => setBoxId(event.target.value)}>
            {onHand.map((box) => (
              <option key={box.id} value={box.id}>
                {box.sequence ? `${box.sequence}. ` : ''}
                {box.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>What was found</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as keyof typeof FOLDER_KINDS)}>
            {Object.entries(FOLDER_KINDS).map(([value, words]) => (
              <option key={value} value={value}>
                {words}
              </option>
            ))}
          </select>
        </label>
        {kind !== 'folder-extra' && (
          <label className="field">
            <span>Folder number on the list</span>
            <input value={position} onChange={(event) => setPosition(event.target.value)} inputMode="numeric" size={4} />
          </label>
        )}
        <label className="field">
          <span>In your words</span>
          <input value={description} onChange={(event) => setDescription(event.target.value)} size={40} />
        </label>
        <button type="submit">Record</button>
      </div>
      {said && <p role="status">{said}</p>}
      <ErrorMessage error={error} />
    </form>
  );
}
