// Every call the contract tags as changing the catalog marks it changed (so autosave follows) and can be undone, or
// its tag says why not. The inputs table is typed over exactly those calls: a new `changes` call that is not
// added here does not compile.
import { acknowledgmentFor } from '../transfer/acknowledgment-fixtures';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import { RETRIEVAL_UPDATE_FORMAT, type RetrievalUpdate } from '../../../shared/exchange/retrieval';
import { DISPOSITION_RESPONSE_FORMAT, dispositionNoticeSchema, type DispositionResponse } from '../../../shared/exchange/disposition';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { manifestBoxId } from '../../../shared/transfer/numbering';
import type { RecordsCenterInput } from '../../../shared/domain/types';
import { describe, expect, it } from 'vitest';
import { apiContract, apiMethods, type ApiContract, type ApiInput, type ApiMethod, type CallTag } from '../../../shared/api/contract';
import { department, testSession, uploaded, waitForJob, type TestSession } from './session-helpers';
import { centerReadyToAccession, centerWithAccession, openCenterCatalog, packageSent } from '../center/center-fixtures';

type CatalogChange = { [M in ApiMethod]: ApiContract[M] extends { kind: 'changes' } ? (ApiContract[M] extends { session: true } ? never : M) : never }[ApiMethod];

interface Fixture {
  t: TestSession;
  centerId: number;
  spareCenterId: number;
  itemId: number;
  spareItemId: number;
  boxId: number;
  spareBoxId: number;
  folderId: number;
  transferId: number;
}

const center: RecordsCenterInput = {
  name: 'State Records Center', address: '1 Archive Way', contactName: 'Lee Park', contactPhone: '555-0199', contactEmail: 'src@state.example',
  retrievalInstructions: 'Email the transfer and box number.', turnaround: 'Next working day', turnaroundWorkingDays: 1,
    dispositionNoticeDays: 90, deliveryOptions: ['box-returned', 'scan-on-demand'], lossPolicy: 'Reported within one working day; recovery at the center’s cost.', acceptsMixedBoxes: false,
};
const cy3 = { kind: 'period', years: 3, months: 0, trigger: 'calendar-year' } as const;

async function fixture(): Promise<Fixture> {
  const t = await testSession();
  await t.call('catalog.create', { fileName: 'Changes', department });
  await t.call('department.update', { ...department, name: 'Public Works', code: 'PW', address: '1 Main St', contactName: 'Ana Ruiz', contactEmail: 'ana@city.example' });
  const centerId = (await t.call('centers.create', center)).id;
  const spareCenterId = (await t.call('centers.create', { ...center, name: 'Spare Center' })).id;
  const itemId = (await t.call('schedule.create', { itemNumber: 'GS 1010', title: 'Permits', rule: cy3, retentionText: 'CY+3' })).id;
  const spareItemId = (await t.call('schedule.create', { itemNumber: 'GS 9', title: 'Spare', rule: cy3, retentionText: 'CY+3' })).id;
  const boxId = (await t.call('boxes.create', { label: 'PW-1' })).id;
  const spareBoxId = (await t.call('boxes.create', { label: 'PW-2' })).id;
  const folderId = (await t.call('folders.create', { boxId, folder: { title: 'Oak Street permits', scheduleItemId: itemId, beginDate: '2018', endDate: '2019' } })).id;
  await t.call('folders.create', { boxId: spareBoxId, folder: { title: 'Elm Street permits', scheduleItemId: itemId, beginDate: '2018', endDate: '2019' } });
  const transferId = (await t.call('transfers.create', { recordsCenterId: centerId })).id;
  await t.call('transfers.addBoxes', { id: transferId, boxIds: [boxId] });
  return { t, centerId, spareCenterId, itemId, spareItemId, boxId, spareBoxId, folderId, transferId };
}

/** The fixture's box sent and packaged, asked for back, and the package taken in by a new center catalog (and the request too). */
async function centerWithRequest(f: Fixture, takeRequestIn = false): Promise<{ requestPath: string; requestId: number | null }> {
  const { zip } = await packageSent(f.t, f.transferId);
  const asked = await f.t.call('retrievals.request', { boxIds: [f.boxId], service: 'box-loan', outDir: f.t.dir });
  await openCenterCatalog(f.t);
  const { accession } = await f.t.call('center.intake', { file: { path: zip } });
  await f.t.call('center.checkIn', { accessionId: accession.id, boxes: [{ box: 1, status: 'received' }] });
  if (!takeRequestIn) return { requestPath: asked.path, requestId: null };
  const { request } = await f.t.call('center.requests.import', { file: { path: asked.path } });
  return { requestPath: asked.path, requestId: request.id };
}

/** The fixture's box sent, taken in, checked in and shelved by a new center catalog; answers what a notice of it needs. */
async function centerReadyForNotice(f: Fixture): Promise<{ departmentId: number; from: string; to: string }> {
  const { accessionId } = await centerReadyToAccession(f.t, f.transferId);
  await f.t.call('center.accession', { accessionId, locations: 'auto' });
  const [departmentRow] = await f.t.call('center.departments', {});
  return { departmentId: departmentRow.id, from: '2020-01-01', to: '2030-12-31' };
}

/** A notice written at the center and the department's signed approval of every box, sealed by hand. */
async function noticeAnswered(f: Fixture): Promise<{ noticeId: number; responsePath: string }> {
  const written = await f.t.call('center.disposition.notice', { ...(await centerReadyForNotice(f)), outDir: f.t.dir });
  const notice = dispositionNoticeSchema.parse(JSON.parse(await readFile(written.path, 'utf8')));
  const response: Omit<DispositionResponse, 'fingerprint'> = {
    format: DISPOSITION_RESPONSE_FORMAT, notice: { number: notice.notice.number, fingerprint: notice.fingerprint }, department: notice.department,
    respondedAt: new Date().toISOString(), signedBy: { name: 'Ana Ruiz', title: 'Records officer' },
    answers: notice.boxes.map((box) => ({ boxId: box.boxId, answer: 'approve' as const, reason: '', reviewDate: null, extendTo: null })),
  };
  const responsePath = join(f.t.dir, 'response.json');
  await writeFile(responsePath, JSON.stringify({ ...response, fingerprint: sealFingerprint(response) }));
  return { noticeId: written.id, responsePath };
}

/** One valid call of each catalog change, made against the fixture (any set-up it needs is done first). */
const calls: { [M in CatalogChange]: (f: Fixture) => Promise<ApiInput<M>> } = {
  'department.update': async () => ({ ...department, name: 'Public Works Department' }),
  'centers.create': async () => ({ ...center, name: 'County Records Center' }),
  'centers.update': async (f) => ({ id: f.centerId, center: { ...center, turnaround: 'Same afternoon' } }),
  'centers.delete': async (f) => ({ id: f.spareCenterId }),
  'schedule.create': async () => ({ itemNumber: 'GS 2020', title: 'Minutes', rule: { kind: 'permanent' }, retentionText: 'Permanent' }),
  'schedule.update': async (f) => ({ id: f.itemId, item: { itemNumber: 'GS 1010', title: 'Building permits', rule: cy3 } }),
  'schedule.delete': async (f) => ({ id: f.spareItemId }),
  'boxes.create': async () => ({ label: 'PW-3' }),
  'boxes.update': async (f) => ({ id: f.spareBoxId, changes: { notes: 'Top shelf' } }),
  'boxes.delete': async (f) => ({ ids: [f.spareBoxId] }),
  'transfers.update': async (f) => ({ id: f.transferId, accessRestrictions: 'Open to Public Works staff only' }),
  'folders.setEventDates': async (f) => ({ folderIds: [f.folderId], eventDate: '2024-05-31' }),
  'folders.move': async (f) => ({ folderIds: [f.folderId], toBoxId: f.spareBoxId }),
  'boxes.rebox': async (f) => {
    // A second folder of another date makes the spare box mix dates.
    await f.t.call('folders.create', { boxId: f.spareBoxId, folder: { title: 'Old permits', scheduleItemId: f.itemId, beginDate: '2001', endDate: '2002' } });
    return { boxId: f.spareBoxId, by: 'date', expectFolders: 2 };
  },
  'folders.create': async (f) => ({ boxId: f.spareBoxId, folder: { title: 'Maple Street permits' } }),
  'folders.update': async (f) => ({ id: f.folderId, changes: { title: 'Oak Street permits, phase 2' } }),
  'folders.delete': async (f) => ({ ids: [f.folderId] }),
  'folders.paste': async (f) => ({ boxId: f.spareBoxId, startRow: 1, columns: ['title'], rows: [['Pasted permits']] }),
  'history.undo': async () => ({}),
  'history.redo': async (f) => {
    await f.t.call('history.undo', {});
    return {};
  },
  'transfers.create': async (f) => ({ recordsCenterId: f.centerId, notes: '' }),
  'transfers.addBoxes': async (f) => ({ id: f.transferId, boxIds: [f.spareBoxId] }),
  'transfers.removeBoxes': async (f) => ({ id: f.transferId, boxIds: [f.boxId] }),
  'transfers.validate': async (f) => ({ id: f.transferId }),
  'transfers.send': async (f) => ({ id: f.transferId, eligibleReason: 'The boxes are evidence in an open appeal' }),
  'transfers.addFiles': async (f) => ({ id: f.transferId, files: [await uploaded(f.t, 'Site plan.pdf', '%PDF-1.4 site plan')] }),
  'transfers.removeFiles': async (f) => {
    const { jobId } = await f.t.call('transfers.addFiles', { id: f.transferId, files: [await uploaded(f.t, 'Site plan.pdf', '%PDF-1.4 site plan')] });
    expect((await waitForJob(f.t, jobId)).state).toBe('done');
    const { files } = await f.t.call('transfers.get', { id: f.transferId });
    return { id: f.transferId, fileIds: [files[0].id] };
  },
  'transfers.amend': async (f) => {
    await f.t.call('transfers.send', { id: f.transferId, eligibleReason: 'The boxes are evidence in an open appeal' });
    return { target: { folderId: f.folderId }, changes: { title: 'Oak Street permits (1 of 2)' }, reason: 'The folder label says 1 of 2' };
  },
  'transfers.writeAmendments': async (f) => {
    await f.t.call('transfers.send', { id: f.transferId, eligibleReason: 'The boxes are evidence in an open appeal' });
    await f.t.call('transfers.amend', { target: { boxId: f.boxId }, changes: { cubicFeet: 1.0 }, reason: 'It is a 1.0 cubic foot box' });
    return { id: f.transferId, outDir: f.t.dir };
  },
  'acknowledgments.import': async (f) => {
    const sent = await f.t.call('transfers.send', { id: f.transferId, eligibleReason: 'The boxes are evidence in an open appeal' });
    const manifest = JSON.parse(f.t.session.current()!.db.get<{ manifest_json: string }>('SELECT manifest_json FROM transfer WHERE id = ?', [f.transferId])!.manifest_json);
    return { file: await uploaded(f.t, 'acknowledgment.json', JSON.stringify(acknowledgmentFor(manifest, sent.fingerprint!))) };
  },
  'transfers.printLabels': async (f) => ({ id: f.transferId, boxIds: [f.boxId] }),
  'transfers.package': async (f) => {
    await f.t.call('transfers.send', { id: f.transferId, eligibleReason: 'The boxes are evidence in an open appeal' });
    return { id: f.transferId, outDir: f.t.dir };
  },
  // A records center's calls: the fixture's transfer is sent and packaged, then taken in by a new center catalog.
  'center.intake': async (f) => {
    const { zip } = await packageSent(f.t, f.transferId);
    await openCenterCatalog(f.t);
    return { file: { path: zip } };
  },
  'center.intakeBoxList': async (f) => {
    await openCenterCatalog(f.t);
    return { file: await uploaded(f.t, 'boxes.csv', 'Box,Folder title,From,To\n1,Council minutes,2019,2020\n'), department: { name: 'Parks', code: 'PK' } };
  },
  'center.checkIn': async (f) => ({ accessionId: (await centerWithAccession(f.t, f.transferId)).accessionId, boxes: [{ box: 1, status: 'received' }] }),
  'center.recordFolderDiscrepancy': async (f) => {
    const { accessionId } = await centerReadyToAccession(f.t, f.transferId);
    const [box] = (await f.t.call('center.accession.get', { id: accessionId })).boxes;
    return { accessionId, holdingBoxId: box.id, folderPosition: 1, kind: 'folder-different', description: 'The folder is labelled 2018.' };
  },
  'center.setAccessionPattern': async (f) => {
    await openCenterCatalog(f.t);
    return { pattern: 'CRC-{YYYY}-{DEPT}-{NNNNN}' };
  },
  'center.setNoticeDays': async (f) => {
    await openCenterCatalog(f.t);
    return { days: 60 };
  },
  'center.addLocations': async (f) => {
    await openCenterCatalog(f.t);
    return { building: 'A', rows: { from: 1, to: 2 }, bays: { from: 1, to: 2 }, shelves: { from: 1, to: 3 }, positionsPerShelf: 3, capacityCubicFeet: 1.2 };
  },
  'center.importLocations': async (f) => {
    await openCenterCatalog(f.t);
    return { file: await uploaded(f.t, 'shelves.csv', 'Building,Row,Bay,Shelf,Position,Capacity\nA,1,1,1,1,1.2\nA,1,1,1,2,1.2\n') };
  },
  'center.accession': async (f) => ({ accessionId: (await centerReadyToAccession(f.t, f.transferId)).accessionId, locations: 'auto' }),
  'center.acknowledge': async (f) => {
    const { accessionId } = await centerReadyToAccession(f.t, f.transferId);
    await f.t.call('center.accession', { accessionId, locations: 'auto' });
    return { accessionId, outDir: f.t.dir };
  },
  // Getting records back: the department asks for its sent box; the center takes the request in and works it.
  'retrievals.request': async (f) => {
    await f.t.call('transfers.send', { id: f.transferId, eligibleReason: 'The boxes are evidence in an open appeal' });
    return { boxIds: [f.boxId], service: 'box-loan', neededFor: 'the permits clerk', outDir: f.t.dir };
  },
  'retrievals.importUpdate': async (f) => {
    await f.t.call('transfers.send', { id: f.transferId, eligibleReason: 'The boxes are evidence in an open appeal' });
    const asked = await f.t.call('retrievals.request', { boxIds: [f.boxId], service: 'box-loan', outDir: f.t.dir });
    const transferNumber = f.t.session.current()!.db.get<{ number: string }>('SELECT number FROM transfer WHERE id = ?', [f.transferId])!.number;
    const boxId = manifestBoxId(transferNumber, 1);
    const at = new Date().toISOString();
    const update: Omit<RetrievalUpdate, 'fingerprint'> = {
      format: RETRIEVAL_UPDATE_FORMAT, request: { number: asked.number, fingerprint: asked.fingerprint }, department: { name: 'Public Works', code: 'PW' },
      recordsCenter: { name: center.name, contactName: center.contactName, contactPhone: center.contactPhone, contactEmail: center.contactEmail }, issuedAt: at, status: 'pulled',
      items: [{ boxId, boxSequence: 1, folderPosition: null, status: 'pulled', checkedOutTo: null, checkedOutAt: null, dueBack: null, location: null }],
      answer: null, events: [{ seq: 1, boxId, folderPosition: null, kind: 'pulled', at, actor: 'Lee Park', detail: 'Pulled from the shelf' }],
    };
    return { file: await uploaded(f.t, 'update.json', JSON.stringify({ ...update, fingerprint: sealFingerprint(update) })) };
  },
  'center.requests.import': async (f) => ({ file: { path: (await centerWithRequest(f)).requestPath } }),
  'center.request.record': async (f) => ({ id: (await centerWithRequest(f, true)).requestId!, action: 'pull' }),
  'center.request.writeUpdate': async (f) => ({ id: (await centerWithRequest(f, true)).requestId!, outDir: f.t.dir }),
  // Disposition and legal holds.
  'holds.create': async () => ({ name: 'Smith v. City', scope: { words: 'Oak' } }),
  'holds.lift': async (f) => ({ id: (await f.t.call('holds.create', { name: 'Smith v. City', scope: { boxIds: [f.boxId] } })).id, reason: 'Settled' }),
  'holds.write': async (f) => {
    await f.t.call('transfers.send', { id: f.transferId, eligibleReason: 'The boxes are evidence in an open appeal' });
    return { id: (await f.t.call('holds.create', { name: 'Smith v. City', scope: { boxIds: [f.boxId] } })).id, outDir: f.t.dir };
  },
  'holds.acknowledge': async (f) => {
    const { zip } = await packageSent(f.t, f.transferId);
    const hold = await f.t.call('holds.create', { name: 'Smith v. City', scope: { boxIds: [f.boxId] } });
    const { path } = await f.t.call('holds.write', { id: hold.id, outDir: f.t.dir });
    await openCenterCatalog(f.t);
    await f.t.call('center.intake', { file: { path: zip } });
    return { id: (await f.t.call('disposition.import', { file: { path } })).id, outDir: f.t.dir };
  },
  'paperwork.setYears': async () => ({ years: 10 }),
  'center.disposition.notice': async (f) => ({ ...(await centerReadyForNotice(f)), outDir: f.t.dir }),
  'disposition.import': async (f) => ({ file: { path: (await noticeAnswered(f)).responsePath } }),
  'center.disposition.execute': async (f) => {
    const { noticeId, responsePath } = await noticeAnswered(f);
    await f.t.call('disposition.import', { file: { path: responsePath } });
    return { noticeId, method: 'Cross-cut shredding', witness: 'Lee Park', outDir: f.t.dir };
  },
  'disposition.respond': async (f) => {
    const departmentPath = (await f.t.call('app.status', {})).catalog!.path;
    const notice = await f.t.call('center.disposition.notice', { ...(await centerReadyForNotice(f)), outDir: f.t.dir });
    await f.t.call('catalog.open', { path: departmentPath });
    const taken = await f.t.call('disposition.import', { file: { path: notice.path } });
    return { noticeId: taken.id, all: { answer: 'approve', reason: '' }, signedName: 'Ana Ruiz', signedTitle: 'Records officer', outDir: f.t.dir };
  },
  'center.intakeAmendments': async (f) => {
    const { zip } = await packageSent(f.t, f.transferId);
    await f.t.call('transfers.amend', { target: { folderId: f.folderId }, changes: { title: 'Oak Street permits (1 of 2)' }, reason: 'The folder label says 1 of 2' });
    const { path } = await f.t.call('transfers.writeAmendments', { id: f.transferId, outDir: f.t.dir });
    await openCenterCatalog(f.t);
    await f.t.call('center.intake', { file: { path: zip } });
    return { file: { path } };
  },
  'import.apply': async (f) => {
    const { jobId } = await f.t.call('import.open', { file: await uploaded(f.t, 'boxes.csv', 'Box,Folder title\nB-9,Imported permits\n') });
    const file = await f.t.call('import.result', { jobId });
    return { importId: file.importId, kind: 'inventory', mapping: file.sheets[0].suggested.inventory } as ApiInput<'import.apply'>;
  },
  'import.saveMapping': async (f) => {
    const { jobId } = await f.t.call('import.open', { file: await uploaded(f.t, 'boxes.csv', 'Box,Folder title\nB-9,Imported permits\n') });
    const file = await f.t.call('import.result', { jobId });
    return { name: 'Our box list', kind: 'inventory', mapping: file.sheets[0].suggested.inventory } as ApiInput<'import.saveMapping'>;
  },
};

const catalogChanges = apiMethods.filter((method) => {
  const tag: CallTag = apiContract[method];
  return tag.kind === 'changes' && !tag.session;
}) as CatalogChange[];

describe('every catalog change', () => {
  it('is in the table below, and every entry of the table is a catalog change', () => {
    expect(catalogChanges.sort()).toEqual((Object.keys(calls) as CatalogChange[]).sort());
  });

  it.each(catalogChanges)('%s marks the catalog changed and can be undone, or says why not', async (method) => {
    const f = await fixture();
    try {
      const input = await calls[method](f);
      const context = f.t.session.current()!;
      const before = context.version.value;
      const answer = (await f.t.call(method, input as never)) as { jobId?: string } | null;
      if (answer && typeof answer === 'object' && typeof answer.jobId === 'string') {
        const job = await waitForJob(f.t, answer.jobId);
        expect(job.state, job.error?.message ?? job.message).toBe('done');
      }
      const tag: CallTag = apiContract[method];
      if (tag.outsideCatalog) {
        expect(context.version.value, 'a change outside the catalog leaves it as it was').toBe(before);
      } else {
        expect(context.version.value, 'the catalog is marked changed').toBeGreaterThan(before);
        expect((await f.t.call('app.status', {})).save.dirty, 'autosave has something to save').toBe(true);
      }
      if (tag.notUndoable !== undefined) {
        expect(tag.notUndoable.length, 'says why it cannot be undone').toBeGreaterThan(10);
        return;
      }
      // Undoable: the undo button now names this change, and undoing it changes the catalog back.
      const status = await f.t.call('app.status', {});
      const undoMethod = method === 'history.undo' ? 'history.redo' : 'history.undo';
      expect(method === 'history.undo' ? status.redoLabel : status.undoLabel).not.toBeNull();
      const afterChange = context.version.value;
      await f.t.call(undoMethod, {});
      expect(context.version.value).toBeGreaterThan(afterChange);
    } finally {
      await f.t.dispose();
    }
  });
});
