import { describe, expect, it } from 'vitest';
import { beginWork, isBusy, onBusyChange, trackWork } from '../../../renderer/src/api/busy';

describe('busy tracker behind data-app-state', () => {
  it('is busy while any work is outstanding, and each end counts once', () => {
    const seen: boolean[] = [];
    const stop = onBusyChange((busy) => seen.push(busy));
    const first = beginWork();
    const second = beginWork();
    first();
    first();
    expect(isBusy()).toBe(true);
    second();
    expect(isBusy()).toBe(false);
    stop();
    beginWork()();
    expect(seen).toEqual([true, true, true, false]);
  });

  it('ends tracked work even when it fails', async () => {
    await expect(trackWork(async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(isBusy()).toBe(false);
    await expect(trackWork(async () => 5)).resolves.toBe(5);
    expect(isBusy()).toBe(false);
  });
});
