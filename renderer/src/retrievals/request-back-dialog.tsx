// Asking the records center for boxes or folders back, in one step: each item shown exactly as the request will
// quote it (so the person sees what the center will walk to), anything that cannot be asked for with its reason,
// only the services this center offers, and the due date its turnaround gives. After sending, the request's number,
// due date and its two files to send the center.
import { useEffect, useState, type FormEvent } from 'react';
import type { RetrievalCandidate, RetrievalOptions, RetrievalRequested } from '../../../shared/api/contract-retrieval';
import { retrievalServiceLabels, serviceScope, type RetrievalService, type RetrievalUrgency } from '../../../shared/exchange/retrieval';
import { api } from '../api/client';
import { startDownload } from '../api/files';
import { routeHref } from '../app/routes';
import { ErrorMessage } from '../ui/error-message';
import { plural } from '../ui/format';
import { Modal } from '../ui/modal';

export interface RequestTargets {
  boxIds: number[];
  folderIds: number[];
}

/** The services that fit what is chosen: a folder loan needs folders, a box loan or withdrawal whole boxes. */
export function servicesFor(offered: RetrievalService[], targets: RequestTargets): RetrievalService[] {
  return offered.filter((service) => {
    const scope = serviceScope[service];
    if (scope === 'folder') return targets.boxIds.length === 0;
    if (scope === 'box') return targets.folderIds.length === 0;
    return true;
  });
}

/** The item as the request quotes it: "Accession PW-2026-0042 · center box 118 · Building A / Row 3 · box PW-001 · folder 2 “Oak Street permits”". */
export function quotedItem(item: RetrievalCandidate): string {
  return [
    item.accessionNumber ? `Accession ${item.accessionNumber}` : `Transfer ${item.transferNumber}, box ${item.boxSequence}`,
    item.centerBoxNumber ? `center box ${item.centerBoxNumber}` : null,
    item.location,
    `box ${item.boxLabel}`,
    item.folder ? `folder ${item.folder.position} “${item.folder.title}”${item.folder.fileCode ? ` (${item.folder.fileCode})` : ''}` : 'the whole box',
  ]
    .filter(Boolean)
    .join(' · ');
}

function whatIsAsked(targets: RequestTargets): string {
  const parts = [targets.boxIds.length ? plural(targets.boxIds.length, 'box', 'boxes') : '', targets.folderIds.length ? plural(targets.folderIds.length, 'folder', 'folders') : ''];
  return parts.filter(Boolean).join(' and ');
}

interface RequestBackDialogProps {
  targets: RequestTargets;
  onClose: () => void;
  /** After the request is recorded (the lists behind the dialog may show the new status). */
  onRequested?: (result: RetrievalRequested) => void;
}

export function RequestBackDialog({ targets, onClose, onRequested }: RequestBackDialogProps) {
  const [options, setOptions] = useState<RetrievalOptions | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [service, setService] = useState<RetrievalService | ''>('');
  const [urgency, setUrgency] = useState<RetrievalUrgency>('routine');
  const [neededBy, setNeededBy] = useState('');
  const [neededFor, setNeededFor] = useState('');
  const [deliverTo, setDeliverTo] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<RetrievalRequested | null>(null);

  useEffect(() => {
    let current = true;
    api['retrievals.options']({ boxIds: targets.boxIds, folderIds: targets.folderIds }).then(
      (answer) => {
        if (!current) return;
        setOptions(answer);
        const fitting = servicesFor(answer.services, targets);
        const preferred = targets.folderIds.length > 0 ? 'folder-loan' : 'box-loan';
        setService(fitting.includes(preferred) ? preferred : (fitting[0] ?? ''));
      },
      (failure: unknown) => {
        if (current) setLoadError(failure);
      },
    );
    return () => {
      current = false;
    };
    // The targets are fixed for the dialog's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const title = `Request back ${whatIsAsked(targets)}`;

  if (result) {
    return (
      <Modal title={`Request ${result.number} recorded`} onCancel={onClose}>
        <div className="stack request-back-done" role="status">
          <p>
            Request <strong data-request-number>{result.number}</strong> is recorded.{' '}
            {result.dueBy ? (
              <>
                By the center’s turnaround it is due by <strong data-request-due>{result.dueBy}</strong>.
              </>
            ) : (
              'The records center states no turnaround, so no due date is given.'
            )}
          </p>
          {result.warnings.length > 0 && (
            <ul className="request-warnings" aria-label="Warnings">
              {result.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
          <p className="hint">{result.message}</p>
          <p>Send both files to the records center (by email or their portal). The request file lets them take it in without retyping; the PDF is for people.</p>
          <div className="button-row">
            <button type="button" onClick={() => startDownload(result.download)}>
              Download the request file ({result.download.fileName})
            </button>
            <button type="button" onClick={() => startDownload(result.pdfDownload)}>
              Download the PDF ({result.pdfDownload.fileName})
            </button>
          </div>
        </div>
        <div className="modal-actions">
          <a href={routeHref({ screen: 'retrievals', requestId: result.id })} onClick={onClose}>
            Open request {result.number}
          </a>
          <button type="button" className="button-primary" onClick={onClose}>
            Done
          </button>
        </div>
      </Modal>
    );
  }

  const fitting = options ? servicesFor(options.services, targets) : [];
  const askable = options ? options.items.filter((item) => item.blocked === null) : [];
  const blocked = options ? options.items.filter((item) => item.blocked !== null) : [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!service) return;
    setSending(true);
    setError(null);
    try {
      const done = await api['retrievals.request']({
        boxIds: targets.boxIds,
        folderIds: targets.folderIds,
        service,
        urgency,
        ...(neededBy ? { neededBy } : {}),
        neededFor,
        deliverTo,
        note,
      });
      setResult(done);
      onRequested?.(done);
    } catch (failure) {
      setError(failure);
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal title={title} onCancel={onClose}>
      {!options ? (
        <>
          {loadError ? <ErrorMessage error={loadError} /> : <p className="muted">Looking up what the request would quote…</p>}
          <div className="modal-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        <form className="stack request-back-form" onSubmit={(event) => void submit(event)}>
          {options.center && (
            <p className="hint">
              From <strong>{options.center.name}</strong>
              {options.center.turnaround ? ` (turnaround: ${options.center.turnaround})` : ''}.
              {options.center.retrievalInstructions && <> Their instructions: {options.center.retrievalInstructions}</>}
            </p>
          )}
          {options.problem && (
            <p role="alert" className="error-message">
              {options.problem}
            </p>
          )}
          {askable.length > 0 && (
            <div>
              <h3 className="request-back-subhead">The request will quote</h3>
              <ul className="request-items" aria-label="The request will quote">
                {askable.map((item) => (
                  <li key={`${item.boxIdInCatalog}:${item.folderIdInCatalog ?? ''}`}>
                    {quotedItem(item)}
                    {item.legalHold && <span className="muted"> (on legal hold: the center is told; a hold does not stop a retrieval)</span>}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {blocked.length > 0 && (
            <div>
              <h3 className="request-back-subhead">Cannot be asked for now</h3>
              <ul className="request-items request-items-blocked" aria-label="Cannot be asked for now">
                {blocked.map((item) => (
                  <li key={`${item.boxIdInCatalog}:${item.folderIdInCatalog ?? ''}`}>
                    Box {item.boxLabel}
                    {item.folder ? `, folder ${item.folder.position} “${item.folder.title}”` : ''}: {item.blocked}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {askable.length > 0 && !options.problem && (
            <>
              <fieldset className="plain-fieldset">
                <legend>What you need</legend>
                {fitting.length === 0 ? (
                  <p className="error-message" role="alert">
                    {options.center?.name ?? 'The records center'} offers no service for {targets.folderIds.length > 0 ? 'single folders' : 'whole boxes'}: choose{' '}
                    {targets.folderIds.length > 0 ? 'the whole box from its box page' : 'folders from the box’s grid'}, or ask the center.
                  </p>
                ) : (
                  fitting.map((each) => (
                    <label key={each} className="radio-line">
                      <input type="radio" name="service" value={each} checked={service === each} onChange={() => setService(each)} /> {retrievalServiceLabels[each]}
                    </label>
                  ))
                )}
              </fieldset>
              <fieldset className="plain-fieldset">
                <legend>How soon</legend>
                <label className="radio-line">
                  <input type="radio" name="urgency" checked={urgency === 'routine'} onChange={() => setUrgency('routine')} /> Routine
                </label>
                <label className="radio-line">
                  <input type="radio" name="urgency" checked={urgency === 'urgent'} onChange={() => setUrgency('urgent')} /> Urgent
                </label>
              </fieldset>
              <p data-due-by>
                {options.dueBy
                  ? `By the center’s turnaround, a request sent today is due by ${options.dueBy}.`
                  : 'The records center states no turnaround in working days, so no due date can be given.'}
              </p>
              <label className="field">
                <span>Needed by (optional)</span>
                <input type="date" value={neededBy} onChange={(event) => setNeededBy(event.target.value)} />
              </label>
              <label className="field">
                <span>Who needs it</span>
                <input value={neededFor} onChange={(event) => setNeededFor(event.target.value)} maxLength={200} placeholder="e.g. the permits clerk" />
              </label>
              <label className="field">
                <span>Deliver to</span>
                <input value={deliverTo} onChange={(event) => setDeliverTo(event.target.value)} maxLength={400} placeholder="e.g. Room 204, City Hall, or an email address for a scan" />
              </label>
              <label className="field">
                <span>Note for the records center</span>
                <textarea value={note} onChange={(event) => setNote(event.target.value)} rows={2} maxLength={4000} />
              </label>
            </>
          )}
          <ErrorMessage error={error} />
          <div className="modal-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button-primary" disabled={sending || !service || askable.length === 0 || options.problem !== null}>
              Send the request
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
