// The words of a records center's holdings: what check-in finds for a box, and an accession's statuses.

/** What check-in found: a listed box not yet checked is "expected"; "extra" came without being listed. */
export const holdingBoxStatuses = ['expected', 'received', 'damaged', 'missing', 'extra'] as const;
export type HoldingBoxStatus = (typeof holdingBoxStatuses)[number];

export const holdingBoxStatusLabels: Record<HoldingBoxStatus, string> = {
  expected: 'Expected (not checked in yet)',
  received: 'Received',
  damaged: 'Received damaged',
  missing: 'Missing',
  extra: 'Not on the manifest',
};

/** Taken in (its manifest is here) → accessioned (numbered and shelved). */
export const accessionStatuses = ['received', 'accessioned'] as const;
export type AccessionStatus = (typeof accessionStatuses)[number];

/** A box on the shelf: received, even damaged, or extra. Missing and still expected boxes have no place. */
export function isOnHand(status: HoldingBoxStatus): boolean {
  return status === 'received' || status === 'damaged' || status === 'extra';
}
