// The transfer manifest, format "transmittal-manifest/2": the authoritative record of what a transfer holds. The
// XLSX, CSV, receipt and labels are renderings of it; its fingerprint is what both sides compare. Format 1 (whose
// box carried its earliest folder date, not the date the whole box may go) is still read: a manifest is frozen
// when sent, and one sent before format 2 keeps its bytes and fingerprint for good.
// The schema checks a manifest without changing it (no defaults, no trimming): a verifier must judge the bytes it
// was given, and the published JSON Schema (schemas/transmittal-manifest-1.schema.json) is generated from it.
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { boxDisposition } from '../transfer/box-disposition';

export const MANIFEST_FORMAT = 'transmittal-manifest/2';
export const MANIFEST_FORMAT_1 = 'transmittal-manifest/1';

/** Partial dates as the department wrote them: "2019-03-15", "2019-03", "2019" or "FY2019". */
const PARTIAL_DATE = /^(?:FY\d{4}|\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)$/;
const ISO_DATE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

const partialDate = z.string().regex(PARTIAL_DATE, 'Expected a date as 2019-03-15, 2019-03, 2019 or FY2019');
const partialDateOrEmpty = z.union([partialDate, z.literal('')]);
const isoDate = z.string().regex(ISO_DATE, 'Expected a date as YYYY-MM-DD');
const timestamp = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);
const precision = z.enum(['day', 'month', 'year', 'fiscal-year']).nullable();
const dateSpan = z.strictObject({ from: partialDate.nullable(), to: partialDate.nullable() });

// The same rules as shared/domain/types.ts retentionRuleSchema accepts, minus its defaults (see above).
const retentionRule = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('period'),
    years: z.number().int().min(0).max(200),
    months: z.number().int().min(0).max(11).optional(),
    trigger: z.enum(['calendar-year', 'fiscal-year', 'event']),
    eventName: z.string().optional(),
  }),
  z.strictObject({ kind: z.literal('permanent') }),
  z.strictObject({ kind: z.literal('until-superseded'), yearsAfter: z.number().int().min(0).max(200).optional() }),
]);

const folder = z.strictObject({
  position: z.number().int().min(1),
  title: z.string(),
  fileCode: z.string(),
  itemNumber: z.string().nullable(),
  beginDate: partialDateOrEmpty,
  endDate: partialDateOrEmpty,
  eventDate: partialDateOrEmpty,
  beginPrecision: precision,
  endPrecision: precision,
  confidential: z.boolean(),
  medium: z.enum(['paper', 'electronic', 'mixed', 'microfilm', 'audiovisual', 'other']),
  notes: z.string(),
  legalHold: z.boolean(),
  legalHoldReason: z.string(),
  dispositionDate: isoDate.nullable(),
  dispositionStatus: z.enum(['scheduled', 'on-hold', 'permanent', 'awaiting-event', 'no-schedule', 'undated']),
});

/** What a folder's medium and disposition status may be, for readers of the manifest's renderings. */
export const manifestFolderMedia = folder.shape.medium.options;
export const manifestDispositionStatuses = folder.shape.dispositionStatus.options;

const boxHead = {
  /** "<transfer number>-<sequence padded to 3>", printed as the label's barcode. */
  boxId: z.string().min(1),
  sequence: z.number().int().min(1),
  of: z.number().int().min(1),
  label: z.string(),
  cubicFeet: z.number().min(0),
  officeLocation: z.string(),
  itemNumbers: z.array(z.string()),
  dateSpan,
};
const boxTail = {
  confidential: z.boolean(),
  centerBoxNumber: z.string().nullable(),
  location: z.string().nullable(),
  folders: z.array(folder),
};

const boxV1 = z.strictObject({ ...boxHead, earliestDispositionDate: isoDate.nullable(), ...boxTail });

const box = z.strictObject({
  ...boxHead,
  /** When the whole box may go: the latest eligible date of its folders; null while any folder waits. */
  dispositionDate: isoDate.nullable(),
  /** Why there is no date yet (a hold first), or null when there is one. */
  dispositionWaitsFor: z.enum(['on-hold', 'awaiting-event', 'permanent', 'no-schedule', 'undated']).nullable(),
  /** True when the box was already eligible on the day it was sent (it should have been destroyed instead). */
  eligibleWhenSent: z.boolean(),
  ...boxTail,
});

const transferShape = {
  number: z.string().min(1),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
  notes: z.string(),
  totals: z.strictObject({ boxes: count, folders: count, cubicFeet: z.number().min(0) }),
  dateSpan,
};

const centerShapeV1 = {
  name: z.string().min(1),
  address: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string(),
  retrievalInstructions: z.string(),
  turnaround: z.string(),
  turnaroundWorkingDays: count,
  deliveryOptions: z.array(z.enum(['box-returned', 'scan-on-demand', 'review-on-site', 'pickup'])),
  dispositionNoticeDays: count,
};

const departmentShape = {
  name: z.string().min(1),
  code: z.string(),
  address: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  contactEmail: z.string(),
  fiscalYearStartMonth: z.number().int().min(1).max(12),
};

const manifestShape = {
    transfer: z.strictObject(transferShape),
    department: z.strictObject(departmentShape),
    recordsCenter: z.strictObject(centerShapeV1),
    scheduleItems: z.array(
      z.strictObject({
        itemNumber: z.string().min(1),
        title: z.string(),
        description: z.string(),
        retentionText: z.string(),
        rule: retentionRule,
        disposition: z.enum(['destroy', 'archives', 'review']),
        citation: z.string(),
      }),
    ),
    boxes: z.array(box),
    /** Files under data/records/ in the bag; may be empty. */
    electronicItems: z.array(
      z.strictObject({
        relativePath: z.string().min(1),
        size: count,
        sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Expected a lowercase SHA-256 in hex'),
        mediaType: z.string(),
      }),
    ),
};

export const manifestV1Schema = z
  .strictObject({ format: z.literal(MANIFEST_FORMAT_1), ...manifestShape, boxes: z.array(boxV1) })
  .meta({
    title: 'Transmittal transfer manifest, format 1',
    description: 'What one transfer of boxes from a department to a records center holds. Its fingerprint is the ' +
      'SHA-256 (lowercase hex) of the UTF-8 bytes of its RFC 8785 canonical form.',
  });

export const manifestSchema = z
  .strictObject({
    format: z.literal(MANIFEST_FORMAT),
    ...manifestShape,
    transfer: z.strictObject({
      ...transferShape,
      /** Why boxes already eligible for destruction were sent anyway ("" when none was). */
      eligibleReason: z.string(),
      /** Who may see these records and under what authority, in the department's words ("" when none stated). */
      accessRestrictions: z.string(),
    }),
    department: z.strictObject({
      ...departmentShape,
      /** The official who releases the records (the receipt's "Released by"), and that official's title. */
      officialName: z.string(),
      officialTitle: z.string(),
    }),
    // Only what the center stated: a DRAFT preview may lack a number (null); a sent transfer never does.
    recordsCenter: z.strictObject({
      ...centerShapeV1,
      turnaroundWorkingDays: count.nullable(),
      deliveryOptions: z.array(z.enum(['box-returned', 'folder-returned', 'scan-on-demand', 'review-on-site', 'pickup'])),
      dispositionNoticeDays: count.nullable(),
      /** What the center does if a box is lost or damaged in its care, in its own words. */
      lossPolicy: z.string(),
      /** The center keeps a box mixing series with different dates until the box's latest date. */
      acceptsMixedBoxes: z.boolean(),
    }),
    boxes: z.array(box),
  })
  .meta({
    title: 'Transmittal transfer manifest, format 2',
    description: 'What one transfer of boxes from a department to a records center holds. Its fingerprint is the ' +
      'SHA-256 (lowercase hex) of the UTF-8 bytes of its RFC 8785 canonical form. Format 2: each box carries the ' +
      'date the whole box may go (the latest of its folders\u2019 dates), or why it waits.',
  });

/** Every manifest format this version reads. */
export const anyManifestSchema = z.discriminatedUnion('format', [manifestSchema, manifestV1Schema]);
export type ManifestV1 = z.infer<typeof manifestV1Schema>;

/**
 * A manifest of any format as format 2 describes it, for printing (receipt, spreadsheet, labels): a format 1 box
 * gets the date the whole box may go from its own folders. The manifest itself (its bytes, its fingerprint) is
 * never replaced by this view.
 */
export function currentManifestView(manifest: Manifest | ManifestV1): Manifest {
  if (manifest.format === MANIFEST_FORMAT) return manifest;
  const sentOn = manifest.transfer.sentAt?.slice(0, 10) ?? null;
  return {
    ...manifest,
    transfer: { ...manifest.transfer, eligibleReason: '', accessRestrictions: '' },
    department: { ...manifest.department, officialName: '', officialTitle: '' },
    recordsCenter: { ...manifest.recordsCenter, lossPolicy: '', acceptsMixedBoxes: false },
    // The format it was written in stays what the spreadsheet prints; only the boxes are read the format 2 way.
    format: manifest.format as unknown as typeof MANIFEST_FORMAT,
    boxes: manifest.boxes.map(({ earliestDispositionDate: _earliest, ...box }) => {
      const disposition = boxDisposition(box.folders);
      return {
        ...box,
        dispositionDate: disposition.date,
        dispositionWaitsFor: disposition.waitsFor,
        eligibleWhenSent: sentOn !== null && disposition.date !== null && disposition.date <= sentOn,
      };
    }),
  };
}


export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestBox = Manifest['boxes'][number];
export type ManifestFolder = ManifestBox['folders'][number];
export type ManifestScheduleItem = Manifest['scheduleItems'][number];

/**
 * RFC 8785 (JSON Canonicalization Scheme): sorted keys, no whitespace, ECMAScript number form. Key order and
 * formatting of manifest.json then cannot change the fingerprint; only its content can.
 */
export function canonicalManifestJson(manifest: Manifest | ManifestV1): string {
  const canonical = canonicalize(manifest);
  if (canonical === undefined) throw new TypeError('A manifest must be a JSON object');
  return canonical;
}
