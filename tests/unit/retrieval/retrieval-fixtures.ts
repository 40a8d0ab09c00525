// A department catalog whose transfer of three boxes was sent and acknowledged (accession PW-2026-0042), in a real
// session whose clock the test moves; and the center's retrieval updates, built by hand from the request file.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiInput, ApiMethod, ApiResult } from '../../../shared/api/contract';
import type { AppErrorShape } from '../../../shared/domain/errors';
import { RETRIEVAL_UPDATE_FORMAT, type RetrievalRequest, type RetrievalUpdate } from '../../../shared/exchange/retrieval';
import type { Manifest } from '../../../shared/exchange/manifest';
import { createSession, type Session } from '../../../electron/session/session';
import type { CatalogContext } from '../../../electron/catalog/context';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import { frozenManifestJson } from '../../../electron/transfer/transfer-rows';
import { centerProfile, departmentTransfer } from '../center/center-fixtures';
import { uploaded, type TestSession } from '../catalog/session-helpers';
import { acknowledgmentFor } from '../transfer/acknowledgment-fixtures';

export interface ClockedSession extends TestSession {
  setNow(iso: string): void;
  context(): CatalogContext;
  /** The catalog's change counter: unchanged when a call changed nothing. */
  version(): number;
}

export async function clockedSession(start: string): Promise<ClockedSession> {
  let now = new Date(start);
  const dir = await mkdtemp(join(tmpdir(), 'transmittal-retrieval-'));
  const session: Session = await createSession({ workspaceDir: dir, actor: 'tester', appVersion: '0.0.0-test', autosaveDelayMs: 60_000, clock: () => now });
  return {
    session,
    dir,
    setNow: (iso) => {
      now = new Date(iso);
    },
    context: () => session.current()!,
    version: () => session.current()!.version.value,
    async call(method, input) {
      const response = await session.dispatch(method, input);
      if (!response.ok) throw new Error(`${method} failed: ${response.error.code}: ${response.error.message}`);
      return response.value as never;
    },
    async fail(method, input) {
      const response = await session.dispatch(method, input);
      if (response.ok) throw new Error(`${method} was expected to fail but answered ${JSON.stringify(response.value)}`);
      return response.error;
    },
    async dispose() {
      await session.close().catch(() => session.close({ discard: true }));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface SentCatalog {
  t: ClockedSession;
  transferId: number;
  transferNumber: string;
  centerId: number;
  /** Box ids by label (PW-1, PW-2, PW-3), and each box's folder ids in order. */
  boxes: Record<string, number>;
  folders: Record<string, number[]>;
}

/**
 * Sent on Monday 2026-03-02 and (unless `acknowledged` is false) acknowledged; the center offers box and folder
 * loans and scans, with a turnaround of 2 working days. The first folder of PW-2 is on legal hold.
 */
export async function sentCatalog(options: { acknowledged?: boolean } = {}): Promise<SentCatalog> {
  const t = await clockedSession('2026-03-02T09:00:00.000Z');
  const transferId = await departmentTransfer(t);
  const centerId = (await t.call('centers.list', {}))[0].id;
  await t.call('centers.update', { id: centerId, center: { ...centerProfile, turnaroundWorkingDays: 2, deliveryOptions: ['box-returned', 'folder-returned', 'scan-on-demand'] } });
  const boxes: Record<string, number> = {};
  const folders: Record<string, number[]> = {};
  for (const box of (await t.call('boxes.list', { offset: 0, limit: 100, filter: { query: '' } })).rows) {
    boxes[box.label] = box.id;
    folders[box.label] = (await t.call('folders.list', { offset: 0, limit: 100, filter: { query: '', boxId: box.id } })).rows.map((folder) => folder.id);
  }
  await t.call('folders.update', { id: folders['PW-2'][0], changes: { legalHold: true, legalHoldReason: 'Smith v. City' } });
  await t.call('transfers.send', { id: transferId, eligibleReason: 'The boxes are evidence in an open appeal' });
  const detail = await t.call('transfers.get', { id: transferId });
  if (options.acknowledged !== false) {
    t.setNow('2026-03-11T10:00:00.000Z');
    const manifest = JSON.parse(frozenManifestJson(t.context(), transferId)!) as Manifest;
    const file = await uploaded(t, 'ack.json', JSON.stringify(acknowledgmentFor(manifest, detail.fingerprint!)));
    await t.call('acknowledgments.import', { file });
  }
  return { t, transferId, transferNumber: detail.number, centerId, boxes, folders };
}

type UpdateItem = RetrievalUpdate['items'][number];
type UpdateEvent = RetrievalUpdate['events'][number];

/** A sealed update answering the request, as the center would write it. */
export function updateFor(
  request: RetrievalRequest,
  status: RetrievalUpdate['status'],
  items: Partial<UpdateItem>[],
  events: Omit<UpdateEvent, 'actor' | 'detail' | 'boxId' | 'folderPosition'>[] & Partial<UpdateEvent>[],
  extra: { issuedAt?: string; answer?: RetrievalUpdate['answer'] } = {},
): RetrievalUpdate {
  const first = request.items[0];
  const unsealed: Omit<RetrievalUpdate, 'fingerprint'> = {
    format: RETRIEVAL_UPDATE_FORMAT,
    request: { number: request.request.number, fingerprint: request.fingerprint },
    department: { name: request.department.name, code: request.department.code },
    recordsCenter: { name: 'City Records Center', contactName: 'Lee Park', contactPhone: '555-0199', contactEmail: 'records@city.example' },
    issuedAt: extra.issuedAt ?? events.at(-1)?.at ?? '2026-03-12T09:00:00.000Z',
    status,
    items: items.map((item) => ({
      boxId: first.boxId, boxSequence: first.boxSequence, folderPosition: first.folder?.position ?? null, status: 'requested',
      checkedOutTo: null, checkedOutAt: null, dueBack: null, location: first.location, ...item,
    })),
    answer: extra.answer ?? null,
    events: events.map((event) => ({ boxId: first.boxId, folderPosition: first.folder?.position ?? null, actor: 'Lee Park', detail: `${event.kind} by the center`, ...event })),
  };
  return { ...unsealed, fingerprint: sealFingerprint(unsealed) };
}

export async function importUpdate(t: TestSession, update: unknown, name = 'update.json') {
  return t.call('retrievals.importUpdate', { file: await uploaded(t, name, typeof update === 'string' ? update : JSON.stringify(update)) });
}

export async function importFails(t: TestSession, update: unknown, name = 'update.json'): Promise<AppErrorShape> {
  return t.fail('retrievals.importUpdate', { file: await uploaded(t, name, typeof update === 'string' ? update : JSON.stringify(update)) });
}

export type { ApiInput, ApiMethod, ApiResult };
