import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildSampleCatalog, type SampleCatalog } from '../../../shared/catalog/sample-data';
import { parsePartialDate } from '../../../shared/domain/partial-date';
import {
  boxInputSchema,
  departmentSchema,
  folderInputSchema,
  recordsCenterInputSchema,
  scheduleItemInputSchema,
  type DispositionStatus,
} from '../../../shared/domain/types';
import { computeDisposition } from '../../../shared/schedule/disposition';

const sample = buildSampleCatalog();
const folders = sample.boxes.flatMap((box) => box.folders.map((folder) => ({ ...folder, boxLabel: box.label })));
const itemByNumber = new Map(sample.scheduleItems.map((item) => [item.itemNumber, item]));

afterEach(() => vi.restoreAllMocks());

describe('buildSampleCatalog: every object passes its schema unchanged', () => {
  it('department, records centers and schedule items', () => {
    expect(departmentSchema.parse(sample.department)).toEqual(sample.department);
    expect(sample.recordsCenters.length).toBeGreaterThanOrEqual(1);
    expect(sample.recordsCenters.length).toBeLessThanOrEqual(2);
    for (const center of sample.recordsCenters) expect(recordsCenterInputSchema.parse(center)).toEqual(center);
    for (const item of sample.scheduleItems) expect(scheduleItemInputSchema.parse(item)).toEqual(item);
  });

  it('boxes and folders', () => {
    // A sample box's status is the sample's story (some start at the center), not part of what a person types.
    for (const { folders: boxFolders, status: _status, ...box } of sample.boxes) {
      expect(boxInputSchema.parse(box)).toEqual(box);
      for (const { itemNumber, ...folder } of boxFolders) {
        const parsed = folderInputSchema.safeParse(folder);
        expect(parsed.error?.issues, `${box.label} folder ${folder.position}`).toBeUndefined();
        expect(parsed.data).toEqual(folder);
        expect(itemByNumber.has(itemNumber), itemNumber).toBe(true);
      }
    }
  });
});

describe('buildSampleCatalog: other seeds stay valid', () => {
  it.each([1, 2, 3, 99, 123_456])('seed %i', (seed) => {
    const catalog = buildSampleCatalog({ seed });
    for (const box of catalog.boxes) {
      for (const { itemNumber: _itemNumber, ...folder } of box.folders) {
        expect(folderInputSchema.safeParse(folder).error?.issues, `${box.label} ${folder.title}`).toBeUndefined();
      }
    }
    expect(catalog.boxes.flatMap((box) => box.folders).filter((folder) => folder.legalHold)).toHaveLength(2);
  });
});

describe('buildSampleCatalog: deterministic', () => {
  it('gives the same catalog for the same seed, without Math.random', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('the sample must not use Math.random');
    });
    const first = buildSampleCatalog({ seed: 7 });
    const second = buildSampleCatalog({ seed: 7 });
    expect(second).toEqual(first);
    expect(buildSampleCatalog()).toEqual(sample);
  });

  it('gives a different catalog for a different seed', () => {
    const titles = (catalog: SampleCatalog) => catalog.boxes.flatMap((box) => box.folders.map((folder) => folder.title));
    expect(titles(buildSampleCatalog({ seed: 8 }))).not.toEqual(titles(buildSampleCatalog({ seed: 7 })));
  });

  it('builds as many boxes as asked', () => {
    expect(buildSampleCatalog({ boxes: 3 }).boxes).toHaveLength(3);
    const empty = buildSampleCatalog({ boxes: 0 });
    expect(empty.boxes).toEqual([]);
    expect(empty.scheduleItems).toHaveLength(sample.scheduleItems.length);
  });

  it('does not share objects between calls', () => {
    const first = buildSampleCatalog({ boxes: 1 });
    first.department.name = 'Changed';
    first.scheduleItems[0].title = 'Changed';
    first.recordsCenters[0].deliveryOptions.push('pickup');
    const second = buildSampleCatalog({ boxes: 1 });
    expect(second.department.name).not.toBe('Changed');
    expect(second.scheduleItems[0].title).not.toBe('Changed');
    expect(second.recordsCenters[0].deliveryOptions).toEqual(sample.recordsCenters[0].deliveryOptions);
  });
});

describe('buildSampleCatalog: looks like a real permits office', () => {
  it('has 40 boxes of 15 to 40 folders, numbered from 1, with the office labels', () => {
    expect(sample.boxes).toHaveLength(40);
    const labels = sample.boxes.map((box) => box.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const box of sample.boxes) {
      expect(box.label).toMatch(/^PW-20\d{2}-\d{2}$/);
      expect(box.folders.length).toBeGreaterThanOrEqual(15);
      expect(box.folders.length).toBeLessThanOrEqual(40);
      expect(box.folders.map((folder) => folder.position)).toEqual(box.folders.map((_, index) => index + 1));
    }
    expect(labels).toEqual([...labels].sort());
  });

  it('uses every schedule item, each with its retention text and citation', () => {
    expect(sample.scheduleItems.length).toBeGreaterThanOrEqual(10);
    expect(new Set(folders.map((folder) => folder.itemNumber))).toEqual(new Set(itemByNumber.keys()));
    for (const item of sample.scheduleItems) {
      expect(item.retentionText).not.toBe('');
      expect(item.citation).toContain(item.itemNumber);
    }
    const kinds = new Set(sample.scheduleItems.map((item) => (item.rule.kind === 'period' ? item.rule.trigger : item.rule.kind)));
    expect(kinds).toEqual(new Set(['calendar-year', 'fiscal-year', 'event', 'permanent', 'until-superseded']));
  });

  it('keeps boxes mostly in the office, each where the office can find it', () => {
    const inOffice = sample.boxes.filter((box) => box.status === 'in-office');
    expect(inOffice.length / sample.boxes.length).toBeGreaterThanOrEqual(0.9);
    for (const box of inOffice) expect(box.officeLocation).not.toBe('');
  });

  it('writes titles and file codes as clerks do', () => {
    expect(folders.some((folder) => /^Permit \d{4}-\d{4} — \d+ .+ \(.+\)$/.test(folder.title))).toBe(true);
    expect(folders.some((folder) => /^[A-Z][a-zA-Z' ]+, [A-Z]\. — personnel$/.test(folder.title))).toBe(true);
    expect(folders.some((folder) => /^Correspondence [A-Z][a-z]{2}(–[A-Z][a-z]{2})? \d{4}/.test(folder.title))).toBe(true);
    expect(folders.some((folder) => /^BP-\d{4}-\d{4}$/.test(folder.fileCode))).toBe(true);
    expect(folders.every((folder) => folder.fileCode !== '')).toBe(true);
  });

  it('has a few confidential folders and two legal holds with their reasons', () => {
    const confidential = folders.filter((folder) => folder.confidential);
    expect(confidential.length).toBeGreaterThan(0);
    expect(confidential.length / folders.length).toBeLessThan(0.25);
    expect(folders.filter((folder) => folder.itemNumber === 'GS 3010').every((folder) => folder.confidential)).toBe(true);
    const held = folders.filter((folder) => folder.legalHold);
    expect(held).toHaveLength(2);
    for (const folder of held) expect(folder.legalHoldReason).not.toBe('');
  });

  it('dates folders at every precision', () => {
    const precisions = new Set(
      folders.flatMap((folder) => [folder.beginDate, folder.endDate]).filter(Boolean).map((date) => parsePartialDate(date)!.precision),
    );
    expect(precisions).toEqual(new Set(['day', 'month', 'year', 'fiscal-year']));
  });

  it('gives event dates only to event series, and leaves some missing', () => {
    const countsFromEvent = (itemNumber: string) => {
      const rule = itemByNumber.get(itemNumber)!.rule;
      return rule.kind === 'until-superseded' || (rule.kind === 'period' && rule.trigger === 'event');
    };
    const eventFolders = folders.filter((folder) => countsFromEvent(folder.itemNumber));
    expect(folders.filter((folder) => !countsFromEvent(folder.itemNumber)).every((folder) => folder.eventDate === '')).toBe(true);
    expect(eventFolders.some((folder) => folder.eventDate !== '')).toBe(true);
    expect(eventFolders.some((folder) => folder.eventDate === '')).toBe(true);
  });

  it('gives every folder a disposition, and shows every kind of status', () => {
    const statuses = new Map<DispositionStatus, number>();
    for (const folder of folders) {
      const { rule, disposition } = itemByNumber.get(folder.itemNumber)!;
      const result = computeDisposition(folder, { rule, disposition }, sample.department.fiscalYearStartMonth);
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
    }
    expect(new Set(statuses.keys())).toEqual(new Set(['scheduled', 'awaiting-event', 'permanent', 'on-hold']));
    expect(statuses.get('scheduled')! / folders.length).toBeGreaterThan(0.7);
  });

  it('keeps shared/ pure: no Node, DOM or Electron imports', () => {
    for (const file of ['sample-data.ts', 'sample-folders.ts']) {
      const source = readFileSync(new URL(`../../../shared/catalog/${file}`, import.meta.url), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      expect(imports.every((name) => name.startsWith('.')), `${file}: ${imports.join(', ')}`).toBe(true);
    }
  });
});
