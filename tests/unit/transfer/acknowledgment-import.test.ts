// The department takes in its records center's acknowledgment: locations, discrepancies and the center's custody
// events, only for the manifest it sent, once.
import { describe, expect, it } from 'vitest';
import { boxTimeline, verifyCustodyChain } from '../../../electron/custody/custody-events';
import { importAcknowledgment } from '../../../electron/transfer/acknowledgment-import';
import { sendTransfer } from '../../../electron/transfer/send-transfer';
import { getTransferDetail } from '../../../electron/transfer/transfer-detail';
import { frozenManifestJson } from '../../../electron/transfer/transfer-rows';
import { addBoxes, createTransfer } from '../../../electron/transfer/transfer-store';
import type { Acknowledgment } from '../../../shared/exchange/acknowledgment';
import type { Manifest } from '../../../shared/exchange/manifest';
import { acknowledgmentFor } from './acknowledgment-fixtures';
import { boxStatus, transferCatalog } from './transfer-fixtures';

const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

async function sent() {
  const catalog = await transferCatalog({ boxes: 3 });
  const { context, centerId, boxes } = catalog;
  const transfer = createTransfer(context, { recordsCenterId: centerId, notes: '' });
  addBoxes(context, { id: transfer.id, boxIds: [boxes.get('PW-001')!, boxes.get('PW-002')!] });
  const done = await sendTransfer(context, transfer.id, 'Evidence in an open appeal');
  const manifest = JSON.parse(frozenManifestJson(context, transfer.id)!) as Manifest;
  return { ...catalog, transfer: done, manifest };
}

describe('taking in an acknowledgment', () => {
  it('shows each box at the center with its accession, number and location, and the discrepancies; timelines carry the center’s events', async () => {
    const { context, transfer, manifest, boxes } = await sent();
    const acknowledgment = acknowledgmentFor(manifest, transfer.fingerprint!, { missing: [2], extra: 'Box marked “PW misc”' });
    const result = importAcknowledgment(context, bytes(acknowledgment), 'PW-ack.json');
    expect(result).toMatchObject({ transferNumber: transfer.number, accessionNumber: 'PW-2026-0042', alreadyImported: false });
    expect(result.message).toBe(`State Records Center took in ${transfer.number} as accession PW-2026-0042: 1 box of 2 received, 2 discrepancies noted.`);
    const detail = getTransferDetail(context, transfer.id);
    expect(detail.status).toBe('accessioned');
    expect(detail.acknowledgments).toHaveLength(1);
    expect(detail.acknowledgments[0].acknowledgment.discrepancies.map((each) => each.kind)).toEqual(['missing', 'extra']);
    const place = context.db.get<{ center_box_number: string; location: string; status: string }>('SELECT * FROM box_at_center WHERE box_id = ?', [boxes.get('PW-001')!]);
    expect(place).toMatchObject({ center_box_number: '118', location: 'Building A / Row 3 / Bay 2 / Shelf 4 / Position 1', status: 'received' });
    expect(boxStatus(context, boxes.get('PW-001')!)).toBe('at-records-center');
    // The missing box is still in transit as far as anyone knows, with the discrepancy on its timeline.
    expect(boxStatus(context, boxes.get('PW-002')!)).toBe('in-transit');
    const timeline = boxTimeline(context, boxes.get('PW-001')!);
    expect(timeline.map((event) => event.kind)).toEqual(['sent', 'received', 'located']);
    expect(timeline[1]).toMatchObject({ at: '2026-03-10T14:00:00.000Z', actor: 'Lee Park (State Records Center)' });
    expect(boxTimeline(context, boxes.get('PW-002')!).map((event) => event.kind)).toEqual(['sent', 'discrepancy']);
    expect(verifyCustodyChain(context).broken).toBeNull();
  });

  it('changes nothing the second time', async () => {
    const { context, transfer, manifest } = await sent();
    const file = bytes(acknowledgmentFor(manifest, transfer.fingerprint!));
    importAcknowledgment(context, file, 'ack.json');
    const events = context.db.get<{ n: number }>('SELECT count(*) AS n FROM custody_event')!.n;
    const again = importAcknowledgment(context, file, 'ack.json');
    expect(again).toMatchObject({ alreadyImported: true, message: `This acknowledgment of ${transfer.number} was taken in already: nothing changed.` });
    expect(context.db.get<{ n: number }>('SELECT count(*) AS n FROM custody_event')!.n).toBe(events);
  });

  it('refuses, changing nothing, an acknowledgment of another manifest, another transfer, a changed file, or something else', async () => {
    const { context, transfer, manifest } = await sent();
    const good = acknowledgmentFor(manifest, transfer.fingerprint!);
    const cases: [string, Uint8Array, RegExp][] = [
      ['another manifest', bytes({ ...good, transfer: { ...good.transfer, manifestFingerprint: 'f'.repeat(64) } }), /answers a different manifest of transfer .*fingerprint ffffffffffffffff…/],
      ['another transfer', bytes({ ...good, transfer: { ...good.transfer, number: 'HR-2026-009' } }), /answers transfer HR-2026-009, which is not in this catalog/],
      ['a box never sent', bytes({ ...good, boxes: [...good.boxes, { ...good.boxes[0], sequence: 7 }] } satisfies Acknowledgment), /lists box 7 .* which transfer .* did not send/],
      ['a changed field', bytes({ ...good, boxes: [{ ...good.boxes[0], status: 'lost' }] }), /damaged or was changed by hand: boxes\.0\.status/],
      ['a manifest', bytes(manifest), /is not an acknowledgment \(its format is “transmittal-manifest\/2”/],
      ['not JSON', bytes('PK\u0003\u0004 zip bytes'), /is not a JSON file/],
    ];
    for (const [what, file, message] of cases) {
      expect(() => importAcknowledgment(context, file, 'ack.json'), what).toThrow(message);
    }
    expect(context.db.get<{ n: number }>('SELECT count(*) AS n FROM acknowledgment')!.n).toBe(0);
    expect(getTransferDetail(context, transfer.id).status).toBe('sent');
  });

  it('refuses an acknowledgment of a transfer not yet sent', async () => {
    const { context, centerId, boxes, manifest, transfer } = await sent();
    const draft = createTransfer(context, { recordsCenterId: centerId, notes: '' });
    addBoxes(context, { id: draft.id, boxIds: [boxes.get('PW-003')!] });
    const file = bytes({ ...acknowledgmentFor(manifest, transfer.fingerprint!), transfer: { number: draft.number, manifestFingerprint: transfer.fingerprint! } });
    expect(() => importAcknowledgment(context, file, 'ack.json')).toThrow(/has not been sent from this catalog/);
  });
});
