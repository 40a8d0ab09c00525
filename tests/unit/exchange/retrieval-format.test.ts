// The retrieval exchange files' rules that live in shared/: which services a center's stated delivery options offer,
// the due date a turnaround in working days gives, and the seal that tells a file changed by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sealFingerprint } from '../../../electron/exchange/fingerprint';
import { deliveryOptions } from '../../../shared/domain/types';
import { addWorkingDays, RETRIEVAL_REQUEST_FORMAT, retrievalRequestSchema, servicesOffered, type RetrievalRequest } from '../../../shared/exchange/retrieval';

const request: Omit<RetrievalRequest, 'fingerprint'> = {
  format: RETRIEVAL_REQUEST_FORMAT,
  request: {
    number: 'PW-RQ-2026-0001', createdAt: '2026-12-07T10:00:00.000Z', service: 'folder-loan', urgency: 'routine', neededBy: null, dueBy: '2026-12-09',
    requestedBy: 'ana', neededFor: 'the permits clerk', deliverTo: 'Room 12', note: '',
  },
  department: { name: 'Public Works', code: 'PW', contactName: 'Ana Ruiz', contactPhone: '', contactEmail: 'ana@city.example' },
  recordsCenter: { name: 'City Records Center' },
  items: [{
    transferNumber: 'PW-2026-001', manifestFingerprint: 'a'.repeat(64), accessionNumber: 'PW-2026-0001', boxSequence: 1, boxId: 'PW-2026-001-001',
    boxLabel: 'PW-1', centerBoxNumber: '118', location: 'Building A / Row 3', folder: { position: 2, title: 'Elm Street permits 2019', fileCode: 'BP-Elm' }, legalHold: false,
  }],
};

describe('services a center offers', () => {
  it('follow its stated delivery options; withdrawal is always there', () => {
    expect(servicesOffered([])).toEqual(['withdrawal']);
    expect(servicesOffered(['box-returned', 'scan-on-demand'])).toEqual(['box-loan', 'copy', 'withdrawal']);
    expect(servicesOffered(['pickup', 'folder-returned', 'review-on-site'])).toEqual(['box-loan', 'folder-loan', 'review', 'withdrawal']);
    expect(servicesOffered([...deliveryOptions])).toEqual(['box-loan', 'folder-loan', 'copy', 'review', 'withdrawal']);
  });
});

describe('due dates by working days', () => {
  it('skip Saturdays and Sundays', () => {
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07'); // Friday → Monday
    expect(addWorkingDays('2026-12-07', 2)).toBe('2026-12-09');
    expect(addWorkingDays('2026-12-10', 3)).toBe('2026-12-15'); // Thursday + 3 → Tuesday
    expect(addWorkingDays('2026-12-07', 0)).toBe('2026-12-07');
  });

  it('always land on a weekday, never earlier than the calendar days, never more than 3 days a working day later', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.integer({ min: 1, max: 60 }), (day, days) => {
        const from = day.toISOString().slice(0, 10);
        const due = addWorkingDays(from, days);
        const weekday = new Date(`${due}T00:00:00Z`).getUTCDay();
        const elapsed = (Date.parse(due) - Date.parse(from)) / 86_400_000;
        return weekday !== 0 && weekday !== 6 && elapsed >= days && elapsed <= days + 2 * Math.ceil(days / 5) + 2;
      }),
    );
  });
});

describe('the seal', () => {
  it('is the same for the same content in any key order, and changes with any field', () => {
    const seal = sealFingerprint(request);
    const sealed = retrievalRequestSchema.parse({ ...request, fingerprint: seal });
    expect(sealFingerprint(sealed)).toBe(seal);
    const reordered = JSON.parse(JSON.stringify({ items: request.items, format: request.format, recordsCenter: request.recordsCenter, department: request.department, request: request.request }));
    expect(sealFingerprint(reordered)).toBe(seal);
    const changed = { ...request, items: [{ ...request.items[0], boxLabel: 'PW-2' }] };
    expect(sealFingerprint(changed)).not.toBe(seal);
    expect(sealFingerprint({ ...sealed, fingerprint: '0'.repeat(64) })).toBe(seal);
  });
});
