// The department's retention schedule: every series it keeps, the rule as written and as Transmittal counts it,
// what happens at the end, and how many folders are filed under each item.
import { useState } from 'react';
import { api } from '../api/client';
import type { ScheduleItemWithUse } from '../../../shared/api/contract';
import { describeRule } from '../../../shared/schedule/disposition';
import { dispositionLabels } from '../../../shared/schedule/rule-form';
import { ConfirmDeleteDialog } from '../ui/forms/confirm-delete-dialog';
import { ListScreen, useListScreen } from '../ui/forms/list-screen';
import { ImportWizard } from '../import/import-wizard';
import { ScheduleItemDialog } from './schedule-item-dialog';
import { sortByItemNumber } from './schedule-item-form';
import '../ui/forms/forms.css';
import './schedule.css';

const listItems = async () => sortByItemNumber(await api['schedule.list']({}));

export function ScheduleScreen() {
  const screen = useListScreen<ScheduleItemWithUse>(listItems);
  const { editing, setEditing, deleting, setDeleting } = screen;
  const [importing, setImporting] = useState(false);
  return (
    <ListScreen
      state={screen}
      className="schedule-screen"
      headingId="schedule-heading"
      title="Retention schedule"
      what="the retention schedule"
      actions={
        <div className="screen-actions">
          <button type="button" onClick={() => setImporting(true)}>
            Import a schedule…
          </button>
          <button type="button" className="button-primary" onClick={() => setEditing({ mode: 'add' })}>
            Add schedule item
          </button>
        </div>
      }
      intro={
        <p className="schedule-intro">
          The approved list of your record series, each with how long it is kept and what happens next. Every folder
          filed under an item gets its disposition date from the item's rule.
        </p>
      }
      empty={
        <div className="schedule-empty">
          <h2>No schedule items yet</h2>
          <p>
            Your retention schedule is empty. Add the items your office uses — e.g. GS 1010 Building permit files,
            CY+10 — so every folder gets its disposition date.
          </p>
          <p>
            Copy each item from your approved schedule: its number, the series title, the retention exactly as
            written, and the legal citation. Choose “Add schedule item” above to start.
          </p>
        </div>
      }
      dialogs={
        <>
          {editing ? (
            <ScheduleItemDialog
              item={editing.mode === 'edit' ? editing.row : undefined}
              onClose={() => setEditing(null)}
              onSaved={(item) => void screen.saved(`${item.itemNumber} ${item.title}`)}
            />
          ) : null}
          {importing ? <ImportWizard initialKind="schedule" onClose={() => setImporting(false)} onImported={() => void screen.load()} /> : null}
          {deleting ? (
            <ConfirmDeleteDialog
              title={`Delete ${deleting.itemNumber}?`}
              confirmLabel="Delete schedule item"
              onConfirm={() => screen.deleteRow(deleting, (item) => api['schedule.delete']({ id: item.id }), `${deleting.itemNumber} ${deleting.title}`)}
              onClose={() => setDeleting(null)}
            >
              <p>
                {deleting.itemNumber} {deleting.title} will be removed from your retention schedule.
              </p>
              {deleting.folderCount > 0 ? (
                <p>
                  {deleting.folderCount === 1 ? '1 folder is' : `${deleting.folderCount} folders are`} filed under this
                  item. File {deleting.folderCount === 1 ? 'it' : 'them'} under another item first: Transmittal keeps
                  every folder's disposition date tied to a rule.
                </p>
              ) : (
                <p>No folder is filed under it.</p>
              )}
            </ConfirmDeleteDialog>
          ) : null}
        </>
      }
    >
      {(items) => <ScheduleTable items={items} onEdit={(item) => setEditing({ mode: 'edit', row: item })} onDelete={setDeleting} />}
    </ListScreen>
  );
}

interface ScheduleTableProps {
  items: ScheduleItemWithUse[];
  onEdit: (item: ScheduleItemWithUse) => void;
  onDelete: (item: ScheduleItemWithUse) => void;
}

function ScheduleTable({ items, onEdit, onDelete }: ScheduleTableProps) {
  return (
    <div className="schedule-table-wrap">
      <table className="schedule-table">
        <caption className="visually-hidden">Retention schedule items</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Series title</th>
            <th scope="col">Retention</th>
            <th scope="col">Disposition</th>
            <th scope="col">Citation</th>
            <th scope="col" className="schedule-number">
              Folders
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const rule = describeRule(item.rule);
            const showRule = item.retentionText.trim().toLowerCase() !== rule.toLowerCase();
            return (
              <tr key={item.id}>
                <th scope="row">{item.itemNumber}</th>
                <td>
                  {item.title}
                  {item.description ? <span className="schedule-description">{item.description}</span> : null}
                </td>
                <td>
                  {item.retentionText ? <span className="schedule-retention-text">{item.retentionText}</span> : null}
                  {showRule ? (
                    <span className={item.retentionText ? 'schedule-rule' : undefined}>
                      {item.retentionText ? `Counted as ${rule}` : rule}
                    </span>
                  ) : null}
                </td>
                <td>{dispositionLabels[item.disposition]}</td>
                <td>{item.citation}</td>
                <td className="schedule-number">{item.folderCount}</td>
                <td className="schedule-actions">
                  <button type="button" onClick={() => onEdit(item)}>
                    Edit<span className="visually-hidden"> {item.itemNumber}</span>
                  </button>
                  <button type="button" onClick={() => onDelete(item)}>
                    Delete<span className="visually-hidden"> {item.itemNumber}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
