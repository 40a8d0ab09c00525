import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestFingerprint } from '../../../electron/exchange/fingerprint';
import { anyManifestSchema, canonicalManifestJson, currentManifestView, MANIFEST_FORMAT, manifestSchema, manifestV1Schema, type Manifest, type ManifestV1 } from '../../../shared/exchange/manifest';
import { schemaFiles } from '../../../scripts/write-schemas';
import { sampleManifest } from '../documents/fixtures/sample-manifest';
import { missingTools, run, SYSTEM_PYTHON } from '../documents/fixtures/tools';

const root = join(__dirname, '..', '..', '..');

/** The same value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reverseKeys(inner)]));
  }
  return value;
}

/** A small format 1 manifest whose fingerprint was computed outside this code base (Python's json + hashlib, see below). */
const tiny: ManifestV1 = {
  format: 'transmittal-manifest/1',
  transfer: { number: 'T-2026-001', createdAt: '2026-01-02T03:04:05.000Z', sentAt: null, notes: '', totals: { boxes: 1, folders: 1, cubicFeet: 1.2 }, dateSpan: { from: '2019', to: '2019' } },
  department: { name: 'Zoë', code: 'T', address: '', contactName: '', contactPhone: '', contactEmail: '', fiscalYearStartMonth: 7 },
  recordsCenter: { name: 'RC', address: 'A', contactName: '', contactPhone: '', contactEmail: '', retrievalInstructions: 'Ask', turnaround: '1 day', turnaroundWorkingDays: 1, deliveryOptions: ['box-returned'], dispositionNoticeDays: 90 },
  scheduleItems: [{ itemNumber: 'GS 1', title: 'Permits', description: '', retentionText: 'CY+3', rule: { kind: 'period', years: 3, months: 0, trigger: 'calendar-year', eventName: '' }, disposition: 'destroy', citation: '' }],
  boxes: [{
    boxId: 'T-2026-001-001', sequence: 1, of: 1, label: 'B1', cubicFeet: 1.2, officeLocation: '', itemNumbers: ['GS 1'], dateSpan: { from: '2019', to: '2019' },
    earliestDispositionDate: '2023-01-01', confidential: false, centerBoxNumber: null, location: null,
    folders: [{ position: 1, title: 'Ærø =1+1', fileCode: '', itemNumber: 'GS 1', beginDate: '2019', endDate: '2019', eventDate: '', beginPrecision: 'year', endPrecision: 'year',
      confidential: false, medium: 'paper', notes: '', legalHold: false, legalHoldReason: '', dispositionDate: '2023-01-01', dispositionStatus: 'scheduled' }],
  }],
  electronicItems: [],
};
// /usr/bin/python3: hashlib.sha256(json.dumps(m, sort_keys=True, separators=(',', ':'), ensure_ascii=False).encode()).hexdigest()
// (the same bytes as RFC 8785 here: ASCII keys, integers and the decimal 1.2 only).
const TINY_FINGERPRINT = 'd0479666061fe505847ab686023eedbf77023b786df5854ff034681174d3ba2d';

describe('manifest schema', () => {
  it('accepts a realistic manifest and another team\'s sample, and returns them unchanged', () => {
    const sample = sampleManifest();
    expect(manifestSchema.parse(sample)).toEqual(sample);
    expect(MANIFEST_FORMAT).toBe('transmittal-manifest/2');
  });

  it('still reads format 1 (manifests sent before format 2 keep their bytes), and views its boxes the format 2 way', () => {
    const other = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'manifest-sample.json'), 'utf8'));
    expect(manifestV1Schema.parse(other)).toEqual(other);
    expect(anyManifestSchema.parse(other)).toEqual(other);
    expect(manifestSchema.safeParse(other).success).toBe(false);
    const view = currentManifestView(tiny);
    expect(view.format).toBe('transmittal-manifest/1');
    expect(view.boxes[0]).toMatchObject({ dispositionDate: '2023-01-01', dispositionWaitsFor: null, eligibleWhenSent: false });
    expect(view.boxes[0]).not.toHaveProperty('earliestDispositionDate');
  });

  it('gives a box the date the whole box may go: its latest folder, or why it waits', () => {
    const box = structuredClone(tiny.boxes[0]);
    box.folders.push({ ...box.folders[0], position: 2, dispositionDate: '2027-07-01' });
    const view = currentManifestView({ ...tiny, transfer: { ...tiny.transfer, sentAt: '2026-03-01T00:00:00.000Z' }, boxes: [box] });
    expect(view.boxes[0]).toMatchObject({ dispositionDate: '2027-07-01', dispositionWaitsFor: null, eligibleWhenSent: false });
    box.folders.push({ ...box.folders[0], position: 3, dispositionStatus: 'on-hold', legalHold: true });
    expect(currentManifestView({ ...tiny, boxes: [box] }).boxes[0]).toMatchObject({ dispositionDate: null, dispositionWaitsFor: 'on-hold' });
  });

  const broken: [string, (manifest: ManifestV1) => void][] = [
    ['an unknown top-level field', (m) => Object.assign(m, { extra: 1 })],
    ['an unknown box field', (m) => Object.assign(m.boxes[0], { barcode: 'x' })],
    ['an unknown folder field', (m) => Object.assign(m.boxes[0].folders[0], { color: 'red' })],
    ['another format', (m) => Object.assign(m, { format: 'transmittal-manifest/3' })],
    ['month 13', (m) => Object.assign(m.boxes[0].folders[0], { beginDate: '2019-13' })],
    ['a US date', (m) => Object.assign(m.boxes[0].folders[0], { endDate: '3/15/2019' })],
    ['a timestamp without zone', (m) => Object.assign(m.transfer, { createdAt: '2026-01-02 03:04:05' })],
    ['an upper-case checksum', (m) => m.electronicItems.push({ relativePath: 'a.pdf', size: 1, sha256: 'A'.repeat(64), mediaType: 'application/pdf' })],
    ['a negative box count', (m) => Object.assign(m.transfer.totals, { boxes: -1 })],
    ['an unknown delivery option', (m) => Object.assign(m.recordsCenter, { deliveryOptions: ['drone'] })],
    ['a rule with an unknown kind', (m) => Object.assign(m.scheduleItems[0], { rule: { kind: 'forever' } })],
  ];
  it.each(broken)('refuses %s', (_, spoil) => {
    const manifest = structuredClone(tiny);
    spoil(manifest);
    expect(anyManifestSchema.safeParse(manifest).success).toBe(false);
  });
});

describe('canonical form and fingerprint', () => {
  it('does not depend on key order or formatting', () => {
    const sample = sampleManifest();
    const reordered = reverseKeys(sample) as Manifest;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(sample));
    expect(canonicalManifestJson(reordered)).toBe(canonicalManifestJson(sample));
    expect(manifestFingerprint(JSON.parse(JSON.stringify(sample, null, 4)))).toBe(manifestFingerprint(sample));
  });

  it('writes numbers and strings as RFC 8785 does (the RFC\'s own example, section 3.2.2)', () => {
    const input = JSON.parse('{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
      '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}');
    expect(canonicalManifestJson(input as Manifest)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units and keeps non-ASCII text as UTF-8', () => {
    expect(canonicalManifestJson({ b: 1, a: 'Zoë', é: 2, A: 3 } as unknown as Manifest)).toBe('{"A":3,"a":"Zoë","b":1,"é":2}');
  });

  it('matches a known vector', () => {
    expect(manifestFingerprint(tiny)).toBe(TINY_FINGERPRINT);
  });

  it('changes when any character of the manifest changes', () => {
    const changed = structuredClone(tiny);
    changed.boxes[0].folders[0].title = 'Ærø =1+2';
    expect(manifestFingerprint(changed)).toMatch(/^[0-9a-f]{64}$/);
    expect(manifestFingerprint(changed)).not.toBe(manifestFingerprint(tiny));
  });

  it.skipIf(missingTools(SYSTEM_PYTHON).length > 0)('agrees with an independent implementation (Python json + hashlib)', () => {
    // Python's sorted, compact, UTF-8 JSON equals RFC 8785 for this data: ASCII keys, integers and short decimals.
    const script = 'import json,hashlib,sys\n' +
      'm=json.load(sys.stdin)\n' +
      "print(hashlib.sha256(json.dumps(m,sort_keys=True,separators=(',',':'),ensure_ascii=False).encode('utf-8')).hexdigest())";
    const sample = sampleManifest();
    expect(run(SYSTEM_PYTHON, ['-c', script], JSON.stringify(sample)).trim()).toBe(manifestFingerprint(sample));
    expect(run(SYSTEM_PYTHON, ['-c', script], JSON.stringify(tiny)).trim()).toBe(TINY_FINGERPRINT);
  });
});

describe('published JSON Schema', () => {
  it('is the committed file, generated from the zod schema (run npx tsx scripts/write-schemas.ts after a change)', () => {
    for (const file of schemaFiles()) {
      expect(readFileSync(join(root, file.path), 'utf8'), file.path).toBe(file.text);
    }
  });

  it('closes every object and requires every field the spec lists', () => {
    const schema = JSON.parse(schemaFiles().find((file) => file.path.endsWith('manifest-2.schema.json'))!.text);
    expect(schema.properties.boxes.items.required).toEqual(expect.arrayContaining(['dispositionDate', 'dispositionWaitsFor', 'eligibleWhenSent']));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['format', 'transfer', 'department', 'recordsCenter', 'scheduleItems', 'boxes', 'electronicItems']);
    const folder = schema.properties.boxes.items.properties.folders.items;
    expect(folder.additionalProperties).toBe(false);
    expect(folder.required).toContain('dispositionStatus');
    expect(folder.properties.beginDate.anyOf[0].pattern).toBeTruthy();
  });
});
