// Version 5: custody events and amendments. A box's status stops being a stored column: it is read from its
// custody events and transfers (electron/custody/box-status.ts). What the old column said is kept as events:
// a box sent in a transfer gets its "sent" event at the transfer's sending time, and a box marked at the center
// without one (sent on paper before the catalog) gets "recorded-at-center". The events written here start the
// hash chain like any others.
import { eventHash, GENESIS_HASH } from '../../custody/event-hash';
import type { Database } from '../database';

const LEGACY_KINDS: Record<string, string> = {
  'at-records-center': 'recorded-at-center',
  'checked-out': 'checked-out',
  disposed: 'disposed',
  'transferred-to-archives': 'transferred-to-archives',
};

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE custody_event (
      id INTEGER PRIMARY KEY,
      box_id INTEGER NOT NULL,
      folder_id INTEGER,
      transfer_id INTEGER,
      kind TEXT NOT NULL,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT '{}',
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL UNIQUE
    );
    CREATE INDEX custody_event_box ON custody_event (box_id, id);
    CREATE TABLE amendment (
      id INTEGER PRIMARY KEY,
      transfer_id INTEGER NOT NULL REFERENCES transfer (id),
      box_id INTEGER NOT NULL,
      folder_id INTEGER,
      box_sequence INTEGER NOT NULL,
      box_label TEXT NOT NULL,
      folder_position INTEGER,
      folder_title TEXT,
      field TEXT NOT NULL,
      before_value TEXT,
      after_value TEXT,
      reason TEXT NOT NULL,
      at TEXT NOT NULL,
      actor TEXT NOT NULL
    );
    CREATE INDEX amendment_transfer ON amendment (transfer_id, id);
  `);

  const rows = db.all<{ id: number; status: string; transfer_id: number | null; sent_at: string | null; updated_at: string }>(
    `SELECT b.id, b.status, b.updated_at,
        (SELECT t.id FROM transfer_box tb JOIN transfer t ON t.id = tb.transfer_id WHERE tb.box_id = b.id AND t.sent_at IS NOT NULL ORDER BY t.sent_at DESC LIMIT 1) AS transfer_id,
        (SELECT t.sent_at FROM transfer_box tb JOIN transfer t ON t.id = tb.transfer_id WHERE tb.box_id = b.id AND t.sent_at IS NOT NULL ORDER BY t.sent_at DESC LIMIT 1) AS sent_at
     FROM box b ORDER BY b.id`,
  );
  let previous = GENESIS_HASH;
  const append = (boxId: number, transferId: number | null, kind: string, at: string) => {
    const event = { box_id: boxId, folder_id: null, transfer_id: transferId, kind, at, actor: 'Transmittal', detail: JSON.stringify({ note: 'recorded when custody events were first kept' }) };
    const hash = eventHash(previous, event);
    db.run('INSERT INTO custody_event (box_id, folder_id, transfer_id, kind, at, actor, detail, prev_hash, hash) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?)', [
      boxId, transferId, kind, at, event.actor, event.detail, previous, hash,
    ]);
    previous = hash;
  };
  for (const row of rows) {
    if (row.transfer_id !== null && row.sent_at !== null) append(row.id, row.transfer_id, 'sent', row.sent_at);
    const legacy = LEGACY_KINDS[row.status];
    if (legacy && !(legacy === 'recorded-at-center' && row.transfer_id !== null)) append(row.id, row.transfer_id, legacy, row.updated_at);
  }
  db.run('DROP INDEX IF EXISTS box_status');
  db.run('ALTER TABLE box DROP COLUMN status');
}
