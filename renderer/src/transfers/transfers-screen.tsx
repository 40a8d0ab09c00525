// Transfers: the shipments of boxes to a records center, newest first, and the page of the one being prepared.
import { useState } from 'react';
import type { TransferSummary } from '../../../shared/api/contract-transfers';
import { transferStatusLabels } from '../../../shared/transfer/statuses';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';
import { ErrorMessage } from '../ui/error-message';
import { formatCount, formatDateRange, formatDateTime } from '../ui/format';
import { NewTransferDialog } from './new-transfer-dialog';
import { TransferPage } from './transfer-page';
import './transfers.css';

export function TransfersScreen() {
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);

  if (openId !== null) return <TransferPage id={openId} onBack={() => setOpenId(null)} />;
  return (
    <div className="screen transfers-screen">
      <div className="screen-head">
        <h1>Transfers</h1>
        <button type="button" className="button-primary" onClick={() => setCreating(true)}>
          New transfer
        </button>
      </div>
      <p className="lead">
        A transfer sends boxes to a records center. Choose the boxes, fix what the check finds, mark it sent, and keep the
        package: the manifest, the receipt and the box labels, the same record the center holds.
      </p>
      <TransferList onOpen={setOpenId} onNew={() => setCreating(true)} />
      {creating && (
        <NewTransferDialog
          onClose={() => setCreating(false)}
          onCreated={(transfer) => {
            setCreating(false);
            setOpenId(transfer.id);
          }}
        />
      )}
    </div>
  );
}

function TransferList({ onOpen, onNew }: { onOpen: (id: number) => void; onNew: () => void }) {
  const transfers = useQuery(() => api['transfers.list']({}), []);
  if (transfers.error) return <ErrorMessage error={transfers.error} />;
  if (!transfers.value) return <p className="muted">Loading transfers…</p>;
  if (transfers.value.length === 0) {
    return (
      <div className="empty-state">
        <h2>No transfers yet</h2>
        <p>When boxes are ready to leave the office, start a transfer to your records center.</p>
        <button type="button" className="button-primary" onClick={onNew}>
          Start the first transfer
        </button>
      </div>
    );
  }
  return (
    <table className="transfers-table">
      <caption className="sr-only">Transfers, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Transfer</th>
          <th scope="col">Status</th>
          <th scope="col">Records center</th>
          <th scope="col">Boxes</th>
          <th scope="col">Folders</th>
          <th scope="col">Dates</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {transfers.value.map((transfer) => (
          <TransferRow key={transfer.id} transfer={transfer} onOpen={() => onOpen(transfer.id)} />
        ))}
      </tbody>
    </table>
  );
}

function TransferRow({ transfer, onOpen }: { transfer: TransferSummary; onOpen: () => void }) {
  return (
    <tr>
      <th scope="row">
        <button type="button" className="button-link" onClick={onOpen}>
          {transfer.number}
        </button>
      </th>
      <td>
        <span className={`transfer-status transfer-status-${transfer.status}`}>{transferStatusLabels[transfer.status]}</span>
      </td>
      <td>{transfer.recordsCenterName ?? <span className="muted">Profile deleted</span>}</td>
      <td>{formatCount(transfer.totals.boxes)}</td>
      <td>{formatCount(transfer.totals.folders)}</td>
      <td>{formatDateRange(transfer.dateSpan.from, transfer.dateSpan.to)}</td>
      <td>{formatDateTime(transfer.createdAt)}</td>
    </tr>
  );
}
