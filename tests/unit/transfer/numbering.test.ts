// Transfer numbers, box ids and label ranges: what gets printed on labels and quoted in retrieval requests.
import { describe, expect, it } from 'vitest';
import { compareLabels, inLabelRange } from '../../../shared/transfer/label-range';
import { manifestBoxId, nextTransferNumber, transferPrefix } from '../../../shared/transfer/numbering';

describe('transfer numbers', () => {
  it.each([
    ['PW', 'PW'],
    ['pw', 'PW'],
    [' Pub. Works ', 'PUBWORKS'],
    ['', 'T'],
    ['  ', 'T'],
    ['../..', 'T'],
    ['Épargne', 'EPARGNE'],
  ])('uses department code %j as prefix %j', (code, prefix) => {
    expect(transferPrefix(code)).toBe(prefix);
  });

  it('counts from 001 in each year and never reuses a number', () => {
    expect(nextTransferNumber([], 'PW', 2026)).toBe('PW-2026-001');
    expect(nextTransferNumber(['PW-2026-001', 'PW-2026-002'], 'PW', 2026)).toBe('PW-2026-003');
    expect(nextTransferNumber(['PW-2026-001', 'PW-2026-007'], 'PW', 2026)).toBe('PW-2026-008');
    expect(nextTransferNumber(['PW-2025-014'], 'PW', 2026)).toBe('PW-2026-001');
    expect(nextTransferNumber(['T-2026-004', 'PW-2026-001'], '', 2026)).toBe('T-2026-005');
    expect(nextTransferNumber(['PW-2026-999'], 'PW', 2026)).toBe('PW-2026-1000');
    expect(nextTransferNumber(['PW-2026-00x', 'pw-2026-004'], 'PW', 2026)).toBe('PW-2026-005');
  });

  it('gives each box an id of transfer number and padded sequence', () => {
    expect(manifestBoxId('PW-2026-003', 1)).toBe('PW-2026-003-001');
    expect(manifestBoxId('PW-2026-003', 42)).toBe('PW-2026-003-042');
  });
});

describe('box label ranges', () => {
  it('orders labels as offices number them', () => {
    const labels = ['Box 10', 'box 9', 'Box 1', 'PW-010', 'PW-002', 'A'];
    expect([...labels].sort(compareLabels)).toEqual(['A', 'Box 1', 'box 9', 'Box 10', 'PW-002', 'PW-010']);
  });

  it.each([
    ['9', '9', '12', true],
    ['10', '9', '12', true],
    ['12', '9', '12', true],
    ['13', '9', '12', false],
    ['1', '9', '12', false],
    ['PW-005', 'PW-001', 'PW-040', true],
    ['PW-041', 'PW-001', 'PW-040', false],
    ['pw-010', 'PW-001', 'PW-040', true],
    ['PW-010', 'PW-040', 'PW-001', true],
  ])('%s between %s and %s: %s', (label, from, to, inside) => {
    expect(inLabelRange(label, from, to)).toBe(inside);
  });
});
