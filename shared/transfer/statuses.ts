// A transfer's life, as domain.md tells it: draft → ready (validated) → sent (frozen) → received → accessioned.
import { z } from 'zod';

export const transferStatuses = ['draft', 'ready', 'sent', 'received', 'accessioned'] as const;
export const transferStatusSchema = z.enum(transferStatuses);
export type TransferStatus = z.infer<typeof transferStatusSchema>;

export const transferStatusLabels: Record<TransferStatus, string> = {
  draft: 'Draft',
  ready: 'Ready to send',
  sent: 'Sent',
  received: 'Received by the center',
  accessioned: 'Accessioned',
};

/** Boxes may still be added or removed: nothing has left the office. */
export function isEditable(status: TransferStatus): boolean {
  return status === 'draft' || status === 'ready';
}

/** What was sent is fixed: its manifest and fingerprint never change again. */
export function isFrozen(status: TransferStatus): boolean {
  return !isEditable(status);
}

/** Until the center has checked the boxes in, a box in this transfer may not go into another one. */
export function isOpen(status: TransferStatus): boolean {
  return status !== 'accessioned';
}
