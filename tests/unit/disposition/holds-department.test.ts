// Legal holds in a department's catalog: scopes resolved to folders and boxes, the folders' own hold columns set with
// the hold's name (disposition "on hold"), lifting clearing only what no other active hold covers and never a hold
// placed by hand, custody events on each box, and the chain still whole.
import { afterEach, describe, expect, it } from 'vitest';
import { emptyScope, eventsOf, foldersById, holdCatalog, type HoldCatalog } from './holds-fixtures';

let catalog: HoldCatalog | undefined;
afterEach(async () => {
  await catalog?.t.dispose();
  catalog = undefined;
});

describe('a legal hold in a department catalog', () => {
  it('previews what each part of a scope covers, and refuses a scope with nothing in it', async () => {
    catalog = await holdCatalog();
    const { t, boxes, folders } = catalog;
    const preview = (scope: Partial<ReturnType<typeof emptyScope>>) => t.call('holds.preview', { scope: { ...emptyScope(), ...scope } });

    const series = await preview({ itemNumbers: ['gs 2020'] });
    expect(series).toMatchObject({ boxes: 1, folders: 2 });
    expect(series.sample.map((each) => each.folderId)).toEqual(folders['PW-4']);

    const dated = await preview({ dateFrom: '2019-01-01', dateTo: '2019-12-31' });
    expect(dated).toMatchObject({ boxes: 3, folders: 3 });
    expect(dated.sample.map((each) => each.title)).toEqual(['Oak Street permits 2019', 'Elm Street permits 2019', 'Maple Street permits 2019']);
    // Only the end given: everything dated from 2021 on.
    expect(await preview({ dateFrom: '2021-06-01' })).toMatchObject({ boxes: 1, folders: 2 });

    const words = await preview({ words: 'elm permits' });
    expect(words).toMatchObject({ boxes: 1, folders: 2 });
    expect(words.sample.every((each) => each.boxLabel === 'PW-2')).toBe(true);

    const whole = await preview({ boxIds: [boxes['PW-3']] });
    expect(whole).toMatchObject({ boxes: 1, folders: 2 });
    expect(whole.sample).toEqual([{ boxId: boxes['PW-3'], boxLabel: 'PW-3', folderId: null, folderPosition: null, title: null }]);

    const one = await preview({ folderIds: [folders['PW-4'][1]] });
    expect(one.sample).toEqual([{ boxId: boxes['PW-4'], boxLabel: 'PW-4', folderId: folders['PW-4'][1], folderPosition: 2, title: 'Budget memos' }]);

    // Parts add up: any part matching covers the folder.
    expect(await preview({ words: 'budget', itemNumbers: ['GS 1010'] })).toMatchObject({ boxes: 4, folders: 7 });

    const empty = await t.fail('holds.preview', { scope: emptyScope() });
    expect(empty.message).toMatch(/^Say what the hold covers/);
    const unknown = await t.fail('holds.preview', { scope: { ...emptyScope(), itemNumbers: ['GS 9999'] } });
    expect(unknown.message).toContain('“GS 9999”');
    expect((await t.fail('holds.create', { name: 'Nothing', scope: emptyScope() })).message).toMatch(/^Say what the hold covers/);
    expect((await t.fail('holds.create', { name: 'Nothing', scope: { ...emptyScope(), words: 'zebra' } })).message).toContain('No box or folder');
  });

  it('keeps what it covers from being deleted or unticked by hand until it is lifted', async () => {
    catalog = await holdCatalog();
    const { t, boxes, folders } = catalog;
    const [smith, budget] = folders['PW-4'];
    const hold = await t.call('holds.create', { name: 'Smith v. City', scope: { ...emptyScope(), folderIds: [smith] } });
    const version = t.session.current()!.version.value;
    const box = await t.fail('boxes.delete', { ids: [boxes['PW-4']] });
    expect(box.code).toBe('forbidden');
    expect(box.message).toMatch(/^The legal hold “Smith v\. City” \(\S+-LH-\d{4}-0001\) covers box “PW-4”, so you cannot delete it while the hold is in force\. Nothing was changed\./);
    expect((await t.fail('folders.delete', { ids: [budget, smith] })).message).toMatch(/covers folder “.+”, so you cannot delete it/);
    expect((await t.fail('folders.update', { id: smith, changes: { legalHold: false } })).message).toMatch(/so you cannot untick the legal hold of it/);
    expect(t.session.current()!.version.value).toBe(version);
    // A folder the hold does not cover is the office's to delete.
    expect(await t.call('folders.delete', { ids: [budget] })).toEqual({ deleted: 1 });
    await t.call('holds.lift', { id: hold.id, reason: 'Settled' });
    expect(await t.call('boxes.delete', { ids: [boxes['PW-4']] })).toEqual({ deleted: 1 });
  });

  it('holds by its words a folder catalogued after it was placed, and the whole box’s new folders', async () => {
    catalog = await holdCatalog();
    const { t, boxes } = catalog;
    const words = await t.call('holds.create', { name: 'Budget inquiry', scope: { ...emptyScope(), words: 'budget' } });
    const later = await t.call('folders.create', { boxId: boxes['PW-4'], folder: { title: 'Budget hearings 2021', beginDate: '2021', endDate: '2021' } });
    expect((await t.fail('folders.delete', { ids: [later.id] })).message).toMatch(/^The legal hold “Budget inquiry” .* covers folder “Budget hearings 2021”/);
    const whole = await t.call('holds.create', { name: 'Box PW-4 whole', scope: { ...emptyScope(), boxIds: [boxes['PW-4']] } });
    const added = await t.call('folders.create', { boxId: boxes['PW-4'], folder: { title: 'Staff rota', beginDate: '2021', endDate: '2021' } });
    expect((await t.fail('folders.delete', { ids: [added.id] })).message).toMatch(/^The legal hold “Box PW-4 whole”/);
    await t.call('holds.lift', { id: whole.id, reason: 'Released' });
    expect(await t.call('folders.delete', { ids: [added.id] })).toEqual({ deleted: 1 });
    await t.call('holds.lift', { id: words.id, reason: 'Inquiry closed' });
    expect(await t.call('folders.delete', { ids: [later.id] })).toEqual({ deleted: 1 });
  });

  it('cannot be got round by undo: a held folder added is not removed, nor its hand-ticked hold unticked, by undoing', async () => {
    catalog = await holdCatalog();
    const { t, boxes } = catalog;
    const words = await t.call('holds.create', { name: 'Budget inquiry', scope: { ...emptyScope(), words: 'budget' } });
    const later = await t.call('folders.create', { boxId: boxes['PW-4'], folder: { title: 'Budget hearings 2024', beginDate: '2024', endDate: '2024' } });
    const version = t.session.current()!.version.value;
    const refused = await t.fail('history.undo', {});
    expect(refused.code).toBe('forbidden');
    expect(refused.message).toMatch(/^The legal hold “Budget inquiry” .* covers folder “Budget hearings 2024”, so you cannot undo adding it while the hold is in force\. Nothing was changed\./);
    expect(t.session.current()!.version.value).toBe(version);
    expect((await foldersById(t)).has(later.id)).toBe(true);
    expect((await t.call('app.status', {})).undoLabel, 'the undo stays offered').not.toBeNull();
    // Its hold ticked by hand afterwards: undoing the tick would unhold what the hold covers, so it is refused too.
    expect((await foldersById(t)).get(later.id)!.legalHold, 'a standing hold does not tick the folder itself').toBe(false);
    await t.call('folders.update', { id: later.id, changes: { legalHold: true, legalHoldReason: 'Budget inquiry' } });
    expect((await t.fail('history.undo', {})).message).toMatch(/covers folder “Budget hearings 2024”, so you cannot undo ticking the legal hold of it/);
    expect((await foldersById(t)).get(later.id)!.legalHold).toBe(true);

    await t.call('holds.lift', { id: words.id, reason: 'Inquiry closed' });
    // Lifting is recorded, not undone, and starts a new page of history: the folder is the office's to delete now.
    expect(await t.call('folders.delete', { ids: [later.id] })).toEqual({ deleted: 1 });
  });

  it('holds what it covers under its name, lifts only what no other active hold covers, and keeps holds placed by hand', async () => {
    catalog = await holdCatalog();
    const { t, boxes, folders } = catalog;
    const [oak2018, oak2019] = folders['PW-1'];
    const [elm2018] = folders['PW-2'];
    const [maple2018, maple2019] = folders['PW-3'];
    const [smith, budget] = folders['PW-4'];

    const smithHold = await t.call('holds.create', {
      name: 'Smith v. City', matter: 'Case 26-CV-104', requestedBy: 'City Attorney',
      scope: { ...emptyScope(), words: 'smith', boxIds: [boxes['PW-3']] },
    });
    expect(smithHold).toMatchObject({ number: 'PW-LH-2026-0001', origin: 'department', boxes: 2, folders: 3, liftedAt: null, placedBy: 'tester' });
    expect(smithHold.covers).toEqual([
      { boxId: boxes['PW-3'], boxLabel: 'PW-3', folderId: null, folderPosition: null, title: null },
      { boxId: boxes['PW-4'], boxLabel: 'PW-4', folderId: smith, folderPosition: 1, title: 'Smith v. City correspondence' },
    ]);
    let grid = await foldersById(t);
    for (const id of [smith, maple2018, maple2019]) {
      expect(grid.get(id)).toMatchObject({ legalHold: true, legalHoldReason: 'Smith v. City', dispositionStatus: 'on-hold' });
    }
    expect(grid.get(budget)).toMatchObject({ legalHold: false, legalHoldReason: '' });
    expect(grid.get(budget)!.dispositionStatus).not.toBe('on-hold');

    // A second hold over the 2018 folders: the hand-held Oak folder and Maple 2018 (held already) keep their reasons.
    const audit = await t.call('holds.create', { name: 'Records audit', matter: '', requestedBy: '', scope: { ...emptyScope(), dateFrom: '2018-01-01', dateTo: '2018-12-31' } });
    expect(audit).toMatchObject({ number: 'PW-LH-2026-0002', boxes: 3, folders: 3 });
    grid = await foldersById(t);
    expect(grid.get(oak2018)).toMatchObject({ legalHold: true, legalHoldReason: 'Audit 2026', dispositionStatus: 'on-hold' });
    expect(grid.get(elm2018)).toMatchObject({ legalHold: true, legalHoldReason: 'Records audit', dispositionStatus: 'on-hold' });
    expect(grid.get(maple2018)).toMatchObject({ legalHold: true, legalHoldReason: 'Smith v. City' });
    expect(grid.get(oak2019)).toMatchObject({ legalHold: false });

    const placed = eventsOf(t, 'hold-placed');
    expect(placed.map((event) => event.box_id)).toEqual([boxes['PW-3'], boxes['PW-4'], boxes['PW-1'], boxes['PW-2'], boxes['PW-3']]);
    expect(placed[0].detail).toEqual({ text: 'Legal hold PW-LH-2026-0001 “Smith v. City” for Case 26-CV-104 placed on the whole box', hold: 'PW-LH-2026-0001' });
    expect(placed[1].detail.text).toContain('placed on folder 1');

    // Lifting Smith: Maple 2018 stays held, now under the audit's name; the rest of what Smith alone held is released.
    t.setNow('2026-04-01T09:00:00.000Z');
    const lifted = await t.call('holds.lift', { id: smithHold.id, reason: 'The case settled' });
    expect(lifted).toMatchObject({ liftedAt: '2026-04-01T09:00:00.000Z', liftReason: 'The case settled' });
    grid = await foldersById(t);
    expect(grid.get(maple2018)).toMatchObject({ legalHold: true, legalHoldReason: 'Records audit', dispositionStatus: 'on-hold' });
    for (const id of [smith, maple2019]) {
      expect(grid.get(id)).toMatchObject({ legalHold: false, legalHoldReason: '' });
      expect(grid.get(id)!.dispositionStatus).not.toBe('on-hold');
    }
    const liftedEvents = eventsOf(t, 'hold-lifted');
    expect(liftedEvents.map((event) => event.box_id)).toEqual([boxes['PW-3'], boxes['PW-4']]);
    expect(liftedEvents[0].detail).toMatchObject({ hold: 'PW-LH-2026-0001', reason: 'The case settled' });
    expect((await t.fail('holds.lift', { id: smithHold.id, reason: 'again' })).message).toContain('was lifted already on 2026-04-01');

    // Lifting the audit: the folder held by hand stays held with its own reason.
    await t.call('holds.lift', { id: audit.id, reason: 'Audit closed' });
    grid = await foldersById(t);
    expect(grid.get(oak2018)).toMatchObject({ legalHold: true, legalHoldReason: 'Audit 2026', dispositionStatus: 'on-hold' });
    for (const id of [elm2018, maple2018]) expect(grid.get(id)).toMatchObject({ legalHold: false, legalHoldReason: '' });

    expect((await t.call('holds.list', { show: 'active' })).length).toBe(0);
    const all = await t.call('holds.list', { show: 'all' });
    expect(all.map((hold) => hold.number).sort()).toEqual(['PW-LH-2026-0001', 'PW-LH-2026-0002']);
    expect((await t.call('holds.get', { id: audit.id })).scope).toMatchObject({ dateFrom: '2018-01-01', dateTo: '2018-12-31' });
    expect(await t.call('custody.verify', {})).toMatchObject({ broken: null });
    // Holds are recorded, not undone.
    expect((await t.fail('history.undo', {})).code).toBe('nothing-to-undo');
  });
});
