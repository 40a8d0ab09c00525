// Acknowledgments, format "transmittal-acknowledgment/1": what a records center found when it took in a transfer,
// sent back to the department. It names the manifest it answers by fingerprint, the accession number the center
// gave the transfer, each box as the manifest listed it with what the center found (received, damaged, missing),
// its center box number and shelf location, every discrepancy in plain words (boxes that came but were not listed
// too), and the custody events the center recorded, so both sides' timelines agree. Its own fingerprint is the
// SHA-256 of its RFC 8785 canonical form; the center's acknowledgment receipt prints both fingerprints.
import canonicalize from 'canonicalize';
import { z } from 'zod';

export const ACKNOWLEDGMENT_FORMAT = 'transmittal-acknowledgment/1';

const timestamp = z.iso.datetime({ offset: true });
const fingerprint = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a lowercase SHA-256 in hex');

/** What the center found for a box the manifest listed. */
export const acknowledgedBoxStatuses = ['received', 'damaged', 'missing'] as const;
export type AcknowledgedBoxStatus = (typeof acknowledgedBoxStatuses)[number];

export const discrepancyKinds = ['missing', 'damaged', 'extra', 'folder-missing', 'folder-extra', 'folder-different', 'other'] as const;
export type DiscrepancyKind = (typeof discrepancyKinds)[number];

/** The custody events a center records and a department takes into its own timeline. */
export const acknowledgedEventKinds = ['received', 'discrepancy', 'located'] as const;

export const acknowledgmentSchema = z
  .strictObject({
    format: z.literal(ACKNOWLEDGMENT_FORMAT),
    transfer: z.strictObject({
      /** The department's transfer number, as on its manifest. */
      number: z.string().min(1),
      /** The fingerprint of the manifest this answers (SHA-256 of its canonical form). */
      manifestFingerprint: fingerprint,
    }),
    department: z.strictObject({ name: z.string().min(1), code: z.string() }),
    recordsCenter: z.strictObject({
      name: z.string().min(1),
      contactName: z.string(),
      contactPhone: z.string(),
      contactEmail: z.string(),
      /** How to ask for a box or folder back, in the center's words. */
      retrievalInstructions: z.string(),
    }),
    accession: z.strictObject({
      /** The center's number for this transfer, e.g. "PW-2026-0042". */
      number: z.string().min(1),
      receivedAt: timestamp,
      /** Who checked the boxes in. */
      receivedBy: z.string().min(1),
      acknowledgedAt: timestamp,
    }),
    /** Every box the manifest listed, in its order, with what the center found. */
    boxes: z.array(
      z.strictObject({
        sequence: z.number().int().min(1),
        /** The box id printed as the label's barcode (e.g. "PW-2026-003-001"). */
        boxId: z.string().min(1),
        /** The department's own label, as sent. */
        label: z.string(),
        status: z.enum(acknowledgedBoxStatuses),
        /** The center's own number for the box; null when it was not received. */
        centerBoxNumber: z.string().nullable(),
        /** Where it is shelved, in words ("Building A / Row 3 / Bay 2 / Shelf 4 / Position 1"); null when not shelved. */
        location: z.string().nullable(),
        /** What the center noted about the box ("" when nothing). */
        note: z.string(),
      }),
    ),
    /** Boxes that came with the transfer but were not on its manifest. */
    extraBoxes: z.array(
      z.strictObject({
        /** What was written on it, as the center read it. */
        description: z.string().min(1),
        centerBoxNumber: z.string().nullable(),
        location: z.string().nullable(),
        note: z.string(),
      }),
    ),
    /** Everything that did not match the manifest, in plain words; never silently fixed. */
    discrepancies: z.array(
      z.strictObject({
        kind: z.enum(discrepancyKinds),
        /** The manifest box it concerns; null for an extra box. */
        boxSequence: z.number().int().min(1).nullable(),
        /** The folder it concerns, by its position in the box; null for the box itself. */
        folderPosition: z.number().int().min(1).nullable(),
        description: z.string().min(1),
        recordedAt: timestamp,
        recordedBy: z.string().min(1),
      }),
    ),
    /** The custody events the center recorded for the listed boxes, oldest first. */
    events: z.array(
      z.strictObject({
        boxSequence: z.number().int().min(1),
        kind: z.enum(acknowledgedEventKinds),
        at: timestamp,
        actor: z.string().min(1),
        /** Plain words for the timeline ("Checked in", "Shelved at Building A / Row 3 …", the discrepancy). */
        detail: z.string(),
      }),
    ),
  })
  .meta({
    title: 'Transmittal acknowledgment, format 1',
    description:
      'What a records center found when it took in a transfer, answering the manifest whose fingerprint it names: the ' +
      'accession number, each box\u2019s status, center number and location, every discrepancy, and the custody events ' +
      'recorded. Its own fingerprint is the SHA-256 of its RFC 8785 canonical form.',
  });
export type Acknowledgment = z.infer<typeof acknowledgmentSchema>;
export type AcknowledgedBox = Acknowledgment['boxes'][number];
export type Discrepancy = Acknowledgment['discrepancies'][number];

export function canonicalAcknowledgmentJson(acknowledgment: Acknowledgment): string {
  const canonical = canonicalize(acknowledgment);
  if (canonical === undefined) throw new Error('The acknowledgment cannot be put in canonical form');
  return canonical;
}
