// Amendments, format "transmittal-amendments/1": corrections a department made after sending, carried to the center
// beside the manifest they correct (never by changing it). Each names the manifest's fingerprint, the box (and
// folder) as the manifest lists it, the field, the value as sent and as corrected, and why.
import canonicalize from 'canonicalize';
import { z } from 'zod';

export const AMENDMENTS_FORMAT = 'transmittal-amendments/1';

/** The fields a correction may change: what describes the records, never what ties a box to its transfer. */
export const amendableBoxFields = ['label', 'cubicFeet', 'notes'] as const;
export const amendableFolderFields = ['title', 'fileCode', 'beginDate', 'endDate', 'eventDate', 'confidential', 'notes'] as const;
export type AmendableBoxField = (typeof amendableBoxFields)[number];
export type AmendableFolderField = (typeof amendableFolderFields)[number];

const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const amendmentSchema = z.strictObject({
  id: z.number().int().min(1),
  at: z.iso.datetime({ offset: true }),
  actor: z.string(),
  box: z.strictObject({ sequence: z.number().int().min(1), label: z.string() }),
  /** Null when the box itself was corrected. */
  folder: z.strictObject({ position: z.number().int().min(1), title: z.string() }).nullable(),
  field: z.string().min(1),
  before: value,
  after: value,
  reason: z.string().min(1),
});
export type Amendment = z.infer<typeof amendmentSchema>;

export const amendmentsFileSchema = z
  .strictObject({
    format: z.literal(AMENDMENTS_FORMAT),
    transfer: z.strictObject({
      number: z.string().min(1),
      manifestFingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'Expected a lowercase SHA-256 in hex'),
    }),
    department: z.strictObject({ name: z.string() }),
    writtenAt: z.iso.datetime({ offset: true }),
    amendments: z.array(amendmentSchema).min(1),
  })
  .meta({
    title: 'Transmittal amendments, format 1',
    description:
      'Corrections made after a transfer was sent, each against the manifest whose fingerprint it names. The manifest ' +
      'itself never changes. The file\u2019s own fingerprint is the SHA-256 of its RFC 8785 canonical form.',
  });
export type AmendmentsFile = z.infer<typeof amendmentsFileSchema>;

export function canonicalAmendmentsJson(file: AmendmentsFile): string {
  const canonical = canonicalize(file);
  if (canonical === undefined) throw new Error('The amendments cannot be put in canonical form');
  return canonical;
}
