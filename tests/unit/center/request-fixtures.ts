// A records center holding two departments' records, on a clock the test moves, and retrieval requests written by
// hand the way a department's catalog writes them (quoting the manifest the center holds), sealed and saved as files.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createSession } from '../../../electron/session/session';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import type { Manifest } from '../../../shared/exchange/manifest';
import { RETRIEVAL_REQUEST_FORMAT, type RetrievalRequest, type RetrievalService } from '../../../shared/exchange/retrieval';
import type { TestSession } from '../catalog/session-helpers';
import { CENTER, centerProfile, departmentTransfer, openCenterCatalog, packageSent } from './center-fixtures';

export const START = new Date('2026-03-02T10:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;

export interface ClockedSession extends TestSession {
  /** Moves the session's clock on by whole days. */
  advanceDays(days: number): void;
  today(): string;
}

/** testSession (catalog/session-helpers.ts) with a clock the test controls. */
export async function clockedSession(start = START): Promise<ClockedSession> {
  const dir = await mkdtemp(join(tmpdir(), 'transmittal-requests-'));
  let now = start.getTime();
  const session = await createSession({ workspaceDir: dir, actor: 'tester', appVersion: '0.0.0-test', autosaveDelayMs: 60_000, clock: () => new Date(now) });
  return {
    session,
    dir,
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
    advanceDays(days) {
      now += days * DAY;
    },
    today() {
      return new Date(now).toISOString().slice(0, 10);
    },
  };
}

/** Parks (PK): one transfer of two boxes; the center will record the second missing. */
async function parksTransfer(t: TestSession): Promise<number> {
  await t.call('catalog.create', { fileName: 'Parks', department: { name: 'Parks', fiscalYearStartMonth: 7 } });
  await t.call('department.update', { name: 'Parks', fiscalYearStartMonth: 7, code: 'PK', address: '2 Park Rd', contactName: 'Bo Lin', contactEmail: 'bo@city.example' });
  const centerId = (await t.call('centers.create', centerProfile)).id;
  const itemId = (await t.call('schedule.create', { itemNumber: 'GS 3030', title: 'Park plans', rule: { kind: 'period', years: 3, months: 0, trigger: 'calendar-year' }, retentionText: 'CY+3' })).id;
  const boxIds: number[] = [];
  for (const label of ['PK-1', 'PK-2']) {
    const boxId = (await t.call('boxes.create', { label, cubicFeet: 1.2 })).id;
    boxIds.push(boxId);
    await t.call('folders.create', { boxId, folder: { title: `${label} park plans 2018`, fileCode: 'PP', scheduleItemId: itemId, beginDate: '2018', endDate: '2018' } });
  }
  const transferId = (await t.call('transfers.create', { recordsCenterId: centerId })).id;
  await t.call('transfers.addBoxes', { id: transferId, boxIds });
  return transferId;
}

export interface HeldAccession {
  accessionId: number;
  accessionNumber: string;
  manifest: Manifest;
  fingerprint: string;
}

export interface CenterWithRequests {
  t: ClockedSession;
  /** Public Works (PW): three boxes of two folders, all received and shelved. */
  pw: HeldAccession;
  /** Parks (PK): box 1 received and shelved, box 2 recorded missing. */
  pk: HeldAccession;
}

function heldAccession(t: TestSession, accessionId: number): HeldAccession {
  const row = t.session.current()!.db.get<{ manifest_json: string; manifest_fingerprint: string; accession_number: string }>(
    'SELECT manifest_json, manifest_fingerprint, accession_number FROM accession WHERE id = ?',
    [accessionId],
  )!;
  return { accessionId, accessionNumber: row.accession_number, manifest: JSON.parse(row.manifest_json) as Manifest, fingerprint: row.manifest_fingerprint };
}

/** Both departments send; a new records center catalog takes both in, checks them in and shelves them ('auto'). */
export async function centerWithRequests(): Promise<CenterWithRequests> {
  const t = await clockedSession();
  const { zip: pwZip } = await packageSent(t, await departmentTransfer(t));
  const { zip: pkZip } = await packageSent(t, await parksTransfer(t));
  await openCenterCatalog(t);
  const pwId = (await t.call('center.intake', { file: { path: pwZip } })).accession.id;
  const pkId = (await t.call('center.intake', { file: { path: pkZip } })).accession.id;
  const pwBoxes = (await t.call('center.accession.get', { id: pwId })).boxes;
  await t.call('center.checkIn', { accessionId: pwId, boxes: pwBoxes.map((box) => ({ box: box.boxCode!, status: 'received' as const })) });
  await t.call('center.checkIn', { accessionId: pkId, boxes: [{ box: 1, status: 'received' as const }, { box: 2, status: 'missing' as const }] });
  // Eight positions in building A (four used by the boxes on hand), and one too small for a box in building B.
  await t.call('center.addLocations', { building: 'A', rows: { from: 1, to: 1 }, bays: { from: 1, to: 1 }, shelves: { from: 1, to: 2 }, positionsPerShelf: 4, capacityCubicFeet: 1.5 });
  await t.call('center.addLocations', { building: 'B', rows: { from: 1, to: 1 }, bays: { from: 1, to: 1 }, shelves: { from: 1, to: 1 }, positionsPerShelf: 1, capacityCubicFeet: 1 });
  await t.call('center.accession', { accessionId: pwId, locations: 'auto' });
  await t.call('center.accession', { accessionId: pkId, locations: 'auto' });
  expect((await t.call('center.accession.get', { id: pwId })).boxes.every((box) => box.location !== null)).toBe(true);
  return { t, pw: heldAccession(t, pwId), pk: heldAccession(t, pkId) };
}

export interface RequestOptions {
  number?: string;
  service?: RetrievalService;
  /** Boxes by sequence, with a folder position for a folder. */
  items?: { sequence: number; folder?: number; boxId?: string }[];
  department?: { name: string; code: string };
  neededBy?: string | null;
  dueBy?: string | null;
  /** Another accession's manifest fingerprint for every item (another department's, or one the center never had). */
  manifestFingerprint?: string;
  createdAt?: string;
  note?: string;
}

/** A sealed request from the accession's department, quoting its manifest as the department's catalog would. */
export function requestFor(held: HeldAccession, options: RequestOptions = {}): RetrievalRequest {
  const { manifest } = held;
  const items = (options.items ?? [{ sequence: 1 }]).map((wanted) => {
    const box = manifest.boxes.find((each) => each.sequence === wanted.sequence) ?? manifest.boxes[0];
    const folder = wanted.folder === undefined ? null : box.folders.find((each) => each.position === wanted.folder);
    return {
      transferNumber: manifest.transfer.number,
      manifestFingerprint: options.manifestFingerprint ?? held.fingerprint,
      accessionNumber: held.accessionNumber,
      boxSequence: wanted.sequence,
      boxId: wanted.boxId ?? box.boxId,
      boxLabel: box.label,
      centerBoxNumber: null,
      location: null,
      folder: wanted.folder === undefined ? null : { position: wanted.folder, title: folder?.title ?? 'No such folder', fileCode: folder?.fileCode ?? '' },
      legalHold: false,
    };
  });
  const unsealed: Omit<RetrievalRequest, 'fingerprint'> = {
    format: RETRIEVAL_REQUEST_FORMAT,
    request: {
      number: options.number ?? `${manifest.department.code}-RQ-2026-0001`,
      createdAt: options.createdAt ?? '2026-03-02T09:00:00.000Z',
      service: options.service ?? 'box-loan',
      urgency: 'routine',
      neededBy: options.neededBy ?? null,
      dueBy: options.dueBy === undefined ? '2026-03-03' : options.dueBy,
      requestedBy: 'Ana Ruiz',
      neededFor: 'the permits clerk',
      deliverTo: 'Room 104',
      note: options.note ?? '',
    },
    department: { ...(options.department ?? { name: manifest.department.name, code: manifest.department.code }), contactName: 'Ana Ruiz', contactPhone: '555-0100', contactEmail: 'ana@city.example' },
    recordsCenter: { name: CENTER.name },
    items,
  };
  return { ...unsealed, fingerprint: sealFingerprint(unsealed) };
}

/** Writes the request (or any text) into the session's folder; answers its path. */
export async function requestFile(t: TestSession, request: RetrievalRequest | string, name = 'request.json'): Promise<string> {
  const path = join(t.dir, name);
  await writeFile(path, typeof request === 'string' ? request : `${JSON.stringify(request, null, 2)}\n`);
  return path;
}

/** Takes the request in and answers the request's id. */
export async function importRequest(t: TestSession, request: RetrievalRequest, name = `${request.request.number}.json`): Promise<number> {
  const imported = await t.call('center.requests.import', { file: { path: await requestFile(t, request, name) } });
  expect(imported.alreadyImported).toBe(false);
  return imported.request.id;
}
