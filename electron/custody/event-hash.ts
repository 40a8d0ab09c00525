// The link of the custody chain: an event's hash covers its content (RFC 8785) after the hash of the event before.
// Standalone, so the migration that wrote the first events and the store that appends the rest hash alike.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedContent {
  box_id: number;
  folder_id: number | null;
  transfer_id: number | null;
  kind: string;
  at: string;
  actor: string;
  /** The detail as stored: a JSON object's text. */
  detail: string;
}

export function eventHash(previous: string, event: HashedContent): string {
  const content = canonicalize({
    boxId: event.box_id,
    folderId: event.folder_id,
    transferId: event.transfer_id,
    kind: event.kind,
    at: event.at,
    actor: event.actor,
    detail: JSON.parse(event.detail) as unknown,
  });
  return createHash('sha256').update(`${previous}\n${content}`, 'utf8').digest('hex');
}
