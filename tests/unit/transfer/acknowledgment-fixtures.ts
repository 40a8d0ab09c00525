// An acknowledgment as a records center writes one, for a department's sent manifest: every box received and
// shelved except those named missing, with the center's custody events. Built here from the manifest alone, so the
// department's side is tested against the published format, not against the center's code.
import type { Acknowledgment } from '../../../shared/exchange/acknowledgment';
import type { Manifest } from '../../../shared/exchange/manifest';

export function acknowledgmentFor(manifest: Manifest, manifestFingerprint: string, options: { missing?: number[]; extra?: string } = {}): Acknowledgment {
  const at = '2026-03-10T14:00:00.000Z';
  const missing = new Set(options.missing ?? []);
  const boxes = manifest.boxes.map((box, index) => ({
    sequence: box.sequence,
    boxId: box.boxId,
    label: box.label,
    status: missing.has(box.sequence) ? ('missing' as const) : ('received' as const),
    centerBoxNumber: missing.has(box.sequence) ? null : String(118 + index),
    location: missing.has(box.sequence) ? null : `Building A / Row 3 / Bay 2 / Shelf 4 / Position ${index + 1}`,
    note: missing.has(box.sequence) ? 'Not in the delivery' : '',
  }));
  return {
    format: 'transmittal-acknowledgment/1',
    transfer: { number: manifest.transfer.number, manifestFingerprint },
    department: { name: manifest.department.name, code: manifest.department.code },
    recordsCenter: {
      name: manifest.recordsCenter.name, contactName: manifest.recordsCenter.contactName, contactPhone: manifest.recordsCenter.contactPhone,
      contactEmail: manifest.recordsCenter.contactEmail, retrievalInstructions: manifest.recordsCenter.retrievalInstructions,
    },
    accession: { number: 'PW-2026-0042', receivedAt: at, receivedBy: 'Lee Park', acknowledgedAt: '2026-03-11T09:00:00.000Z' },
    boxes,
    extraBoxes: options.extra ? [{ description: options.extra, centerBoxNumber: '900', location: null, note: 'Held until the department says what it is' }] : [],
    discrepancies: [
      ...boxes.filter((box) => box.status === 'missing').map((box) => ({
        kind: 'missing' as const, boxSequence: box.sequence, folderPosition: null, description: `Box ${box.sequence} (${box.label}) was not in the delivery.`, recordedAt: at, recordedBy: 'Lee Park',
      })),
      ...(options.extra ? [{ kind: 'extra' as const, boxSequence: null, folderPosition: null, description: `A box not on the manifest came with the transfer: “${options.extra}”.`, recordedAt: at, recordedBy: 'Lee Park' }] : []),
    ],
    events: boxes.flatMap((box): Acknowledgment['events'] =>
      box.status === 'missing'
        ? [{ boxSequence: box.sequence, kind: 'discrepancy' as const, at, actor: 'Lee Park', detail: 'Not in the delivery' }]
        : [
            { boxSequence: box.sequence, kind: 'received' as const, at, actor: 'Lee Park', detail: 'Checked in' },
            { boxSequence: box.sequence, kind: 'located' as const, at: '2026-03-10T15:00:00.000Z', actor: 'Lee Park', detail: `Shelved at ${box.location}` },
          ],
    ),
  };
}
