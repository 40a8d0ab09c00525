// The records centers this department sends boxes to: where they go, how to get them back and how fast,
// and how much notice comes before anything is destroyed. These facts are printed on every receipt.
import { api } from '../api/client';
import type { RecordsCenter } from '../../../shared/domain/types';
import { ConfirmDeleteDialog } from '../ui/forms/confirm-delete-dialog';
import { ListScreen, useListScreen } from '../ui/forms/list-screen';
import { CenterDialog } from './center-dialog';
import { deliveryOptionLabels } from './center-form';
import '../ui/forms/forms.css';
import './centers.css';

const listCenters = () => api['centers.list']({});

export function RecordsCentersScreen() {
  const screen = useListScreen<RecordsCenter>(listCenters);
  const { editing, setEditing, deleting, setDeleting } = screen;
  return (
    <ListScreen
      state={screen}
      className="centers-screen"
      headingId="centers-heading"
      title="Records centers"
      what="the records centers"
      actions={
        <button type="button" className="button-primary" onClick={() => setEditing({ mode: 'add' })}>
          Add records center
        </button>
      }
      intro={<p className="centers-intro">Where your boxes go and how you get them back. Transmittal prints these facts on every receipt.</p>}
      empty={
        <div className="centers-empty">
          <h2>No records center yet</h2>
          <p>
            A records center profile describes where your boxes go when you send them away: its address, how to ask
            for records back and how fast they come, and how much notice you get before anything is destroyed.
          </p>
          <p>
            Transmittal prints these facts on every receipt, so the people who hand over their boxes know they can
            have them back. Choose “Add records center” above and copy the details from the center's service guide.
          </p>
        </div>
      }
      dialogs={
        <>
          {editing ? (
            <CenterDialog
              center={editing.mode === 'edit' ? editing.row : undefined}
              onClose={() => setEditing(null)}
              onSaved={(center) => void screen.saved(center.name)}
            />
          ) : null}
          {deleting ? (
            <ConfirmDeleteDialog
              title={`Delete ${deleting.name}?`}
              confirmLabel="Delete records center"
              onConfirm={() => screen.deleteRow(deleting, (center) => api['centers.delete']({ id: center.id }), deleting.name)}
              onClose={() => setDeleting(null)}
            >
              <p>
                The profile of {deleting.name} will be removed. Receipts already printed keep the facts they were printed
                with.
              </p>
            </ConfirmDeleteDialog>
          ) : null}
        </>
      }
    >
      {(centers) => (
        <ul className="centers-list">
          {centers.map((center) => (
            <li key={center.id}>
              <CenterCard center={center} onEdit={() => setEditing({ mode: 'edit', row: center })} onDelete={() => setDeleting(center)} />
            </li>
          ))}
        </ul>
      )}
    </ListScreen>
  );
}

interface CenterCardProps {
  center: RecordsCenter;
  onEdit: () => void;
  onDelete: () => void;
}

function CenterCard({ center, onEdit, onDelete }: CenterCardProps) {
  const headingId = `center-${center.id}-name`;
  const contact = [center.contactName, center.contactPhone, center.contactEmail].filter(Boolean).join(' · ');
  const days = center.turnaroundWorkingDays;
  const workingDays = days === 0 ? 'same working day' : `${days} working ${days === 1 ? 'day' : 'days'}`;
  return (
    <article className="center-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{center.name}</h2>
      <dl className="center-facts">
        <dt>Address</dt>
        <dd className="center-multiline">{center.address || 'Not given yet'}</dd>
        <dt>Contact</dt>
        <dd>{contact || 'Not given yet'}</dd>
        <dt>How to get records back</dt>
        <dd className="center-multiline">{center.retrievalInstructions || 'Not given yet'}</dd>
        <dt>Turnaround</dt>
        <dd>{center.turnaround ? `${center.turnaround} (${workingDays})` : workingDays}</dd>
        <dt>Delivery options</dt>
        <dd>
          {center.deliveryOptions.length > 0
            ? center.deliveryOptions.map((option) => deliveryOptionLabels[option]).join(', ')
            : 'None given yet'}
        </dd>
        <dt>Disposition notice</dt>
        <dd>
          {center.dispositionNoticeDays === 1 ? '1 day' : `${center.dispositionNoticeDays} days`} before anything is
          destroyed, and nothing is destroyed without your approval
        </dd>
      </dl>
      <div className="form-actions">
        <button type="button" onClick={onEdit}>
          Edit<span className="visually-hidden"> {center.name}</span>
        </button>
        <button type="button" onClick={onDelete}>
          Delete<span className="visually-hidden"> {center.name}</span>
        </button>
      </div>
    </article>
  );
}
