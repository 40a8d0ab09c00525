// A box's status as SQL, read from what happened to it: its newest custody event that moves it (the box's own, not
// one of a folder alone), else its transfers.
// Kept as one expression so every list, filter and check reads the same answer, and nothing stores it.
import { statusAfter, type CustodyEventKind } from '../../shared/custody/events';

const moving = Object.entries(statusAfter) as [CustodyEventKind, string][];
const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The SQL of the status of box `b` (the alias must be `b`). */
export const BOX_STATUS_SQL = `coalesce(
  (SELECT CASE e.kind ${moving.filter(([, status]) => status !== 'from-transfers').map(([kind, status]) => `WHEN ${quoted(kind)} THEN ${quoted(status)}`).join(' ')} ELSE NULL END
     FROM custody_event e WHERE e.box_id = b.id AND e.folder_id IS NULL AND e.kind IN (${moving.map(([kind]) => quoted(kind)).join(', ')}) ORDER BY e.id DESC LIMIT 1),
  CASE WHEN EXISTS (SELECT 1 FROM transfer_box tb JOIN transfer t ON t.id = tb.transfer_id
                    WHERE tb.box_id = b.id AND t.status IN ('draft', 'ready')) THEN 'in-transfer' ELSE 'in-office' END)`;
