// One box: its fields, and its folders in an editable grid.
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { useHistoryActions } from '../app/history-context';
import { routeHref } from '../app/routes';
import { navigate } from '../app/use-route';
import { useDialogs } from '../ui/dialogs';
import { ErrorMessage, errorText } from '../ui/error-message';
import { plural } from '../ui/format';
import { useToast } from '../ui/toasts';
import { useState } from 'react';
import { ReboxDialog } from './rebox-dialog';
import type { ReboxResult } from '../../../shared/api/contract-catalog';
import { startDownload } from '../api/files';
import type { Folder } from '../../../shared/domain/types';
import { AmendDialog, canAmend } from './amend-dialog';
import { BoxForm } from './box-form';
import { FolderGrid } from './folder-grid';
import { BoxTimeline } from './box-timeline';
import { RequestBackDialog } from '../retrievals/request-back-dialog';
import { PlaceHoldDialog } from '../disposition/holds-place-dialog';
import { WhereLine } from '../retrievals/where-now';
import { BackLink, RecordNotLoaded } from '../ui/record-page';

export function BoxDetail({ boxId, folderId }: { boxId: number; folderId?: number }) {
  const box = useQuery(() => api['boxes.get']({ id: boxId }), [boxId]);
  const schedule = useQuery(() => api['schedule.list']({}), []);
  const dialogs = useDialogs();
  const toast = useToast();
  const history = useHistoryActions();
  const [amending, setAmending] = useState<Folder[] | null>(null);
  const [reboxing, setReboxing] = useState(false);
  const [reboxed, setReboxed] = useState<ReboxResult | null>(null);
  const [labelsError, setLabelsError] = useState<unknown>(null);
  const [requesting, setRequesting] = useState(false);
  const [holding, setHolding] = useState(false);

  const printNewLabels = async (result: ReboxResult) => {
    setLabelsError(null);
    try {
      const labels = await api['transfers.printLabels']({ id: result.transferIds[0], boxIds: result.created.map((each) => each.boxId) });
      startDownload(labels.download);
    } catch (failure) {
      setLabelsError(failure);
    }
  };

  const back = <BackLink href={routeHref({ screen: 'catalog' })}>Back to the list</BackLink>;
  if (!box.value) return <RecordNotLoaded back={back} title="Box" notFoundTitle="Box not found" error={box.error} />;
  const current = box.value;

  const openAmend = async () => {
    try {
      setAmending((await api['folders.list']({ filter: { query: '', boxId: current.id }, offset: 0, limit: 1000 })).rows);
    } catch (failure) {
      toast({ message: errorText(failure) });
    }
  };

  const deleteBox = async () => {
    const sure = await dialogs.confirm({
      title: `Delete box ${current.label}?`,
      message:
        current.folderCount > 0
          ? `Its ${plural(current.folderCount, 'folder', 'folders')} are deleted with it. You can undo this right after.`
          : 'You can undo this right after.',
      confirmLabel: 'Delete box',
      danger: true,
    });
    if (!sure) return;
    try {
      await api['boxes.delete']({ ids: [current.id] });
      navigate({ screen: 'catalog' });
      toast({
        message: `Box ${current.label} deleted`,
        action: { label: 'Undo', accessibleName: 'Undo delete', run: () => void history.undo() },
      });
    } catch (failure) {
      toast({ message: errorText(failure) });
    }
  };

  return (
    <div className="screen">
      {back}
      <div className="screen-head">
        <h1>Box {current.label}</h1>
        {current.lockedReason !== null && (
          <div className="screen-actions">
            <button type="button" onClick={() => setRequesting(true)}>
              Request back…
            </button>
            {current.status !== 'disposed' && current.status !== 'transferred-to-archives' && (
              <button type="button" onClick={() => setHolding(true)}>
                Place a legal hold…
              </button>
            )}
          </div>
        )}
        {current.lockedReason === null && (
          <div className="screen-actions">
            <button type="button" onClick={() => setHolding(true)}>
              Place a legal hold…
            </button>
            <button type="button" onClick={() => setReboxing(true)}>
              Re-box by date…
            </button>
            <button type="button" className="button-danger" onClick={deleteBox}>
              Delete box
            </button>
          </div>
        )}
      </div>
      <WhereLine where={current.where} />
      {holding && (
        <PlaceHoldDialog
          role="department"
          initial={{ boxIds: [current.id], what: `Box ${current.label} (whole box)` }}
          onClose={() => setHolding(false)}
          onPlaced={(hold) => navigate({ screen: 'holds', holdId: hold.id })}
        />
      )}
      {requesting && <RequestBackDialog targets={{ boxIds: [current.id], folderIds: [] }} onClose={() => setRequesting(false)} onRequested={() => box.reload()} />}
      {current.lockedReason !== null && (
        <div className="banner banner-info" role="status" data-box-locked>
          {current.atCenter && (
            <p data-box-at-center>
              <strong>Now {current.atCenter}.</strong>
            </p>
          )}
          <p>
            This box was {current.lockedReason}. It and its folders are kept exactly as sent and can no longer be changed here.
            {canAmend(current) && ' If something in it was described wrongly, record a correction: the transfer lists it for the records center.'}
          </p>
          {canAmend(current) && (
            <button type="button" onClick={() => void openAmend()}>
              Correct after sending…
            </button>
          )}
        </div>
      )}
      {reboxing && (
        <ReboxDialog
          box={current}
          onClose={() => setReboxing(false)}
          onDone={(result) => {
            setReboxing(false);
            setReboxed(result);
            box.reload();
            toast({
              message: `Re-boxed ${current.label}: new ${result.created.length === 1 ? 'box' : 'boxes'} ${result.created.map((each) => each.label).join(', ')}` +
                (result.transferNumbers.length > 0 ? ` (added to ${result.transferNumbers.join(', ')})` : ''),
              action: { label: 'Undo', accessibleName: 'Undo the re-box', run: () => void history.undo() },
            });
          }}
        />
      )}
      {reboxed && (
        <div className="banner banner-info" role="status">
          <p>
            New {reboxed.created.length === 1 ? 'box' : 'boxes'} {reboxed.created.map((each) => `${each.label} (${plural(each.folders, 'folder', 'folders')})`).join(', ')}.{' '}
            {reboxed.transferIds.length > 0
              ? `They are in transfer ${reboxed.transferNumbers.join(', ')}: print their labels now, or with its package.`
              : 'Add them to a transfer to print their labels (a label carries the transfer’s box id).'}
          </p>
          {reboxed.transferIds.length > 0 && (
            <button type="button" onClick={() => void printNewLabels(reboxed)}>
              Print labels of the new boxes
            </button>
          )}
          <ErrorMessage error={labelsError} />
        </div>
      )}
      {amending && (
        <AmendDialog
          box={current}
          folders={amending}
          onClose={() => setAmending(null)}
          onAmended={(message) => {
            setAmending(null);
            box.reload();
            toast({ message, action: { label: 'Undo', accessibleName: 'Undo the correction', run: () => void history.undo() } });
          }}
        />
      )}
      <fieldset className="plain-fieldset" disabled={current.lockedReason !== null}>
        <BoxForm box={current} onSaved={box.setValue} />
      </fieldset>
      <section aria-labelledby="folders-heading" className="folders-section">
        <h2 id="folders-heading">Folders</h2>
        <ErrorMessage error={schedule.error} />
        <FolderGrid box={current} scheduleItems={schedule.value ?? []} selectFolderId={folderId} />
      </section>
      <BoxTimeline key={`${current.id}:${current.updatedAt}:${current.atCenter ?? ''}`} boxId={current.id} />
    </div>
  );
}
