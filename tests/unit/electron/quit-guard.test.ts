import type { App } from 'electron';
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { guardQuit } from '../../../electron/main/quit-guard';
import { fakeEvent } from './fake-electron';

function setUp(close: () => Promise<void>, quitAnyway = vi.fn(() => false)) {
  const app = Object.assign(new EventEmitter(), { quit: vi.fn() });
  const onStay = vi.fn();
  guardQuit(app as unknown as App, { close, quitAnyway, onStay });
  const beforeQuit = () => {
    const event = fakeEvent();
    app.emit('before-quit', event);
    return event.defaultPrevented;
  };
  return { app, onStay, quitAnyway, beforeQuit };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('guardQuit', () => {
  it('holds the quit until saving is done, then quits once', async () => {
    let finishSaving!: () => void;
    const close = vi.fn(() => new Promise<void>((resolve) => (finishSaving = resolve)));
    const { app, beforeQuit } = setUp(close);
    expect(beforeQuit()).toBe(true);
    expect(beforeQuit()).toBe(true); // a second Quit while saving waits for the same save
    await settle();
    expect(close).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();
    finishSaving();
    await settle();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(beforeQuit()).toBe(false); // the quit it started goes through
  });

  it('asks when saving fails and stays when told to, ready to try again', async () => {
    const failure = new Error('disk full');
    const close = vi.fn().mockRejectedValueOnce(failure).mockResolvedValueOnce(undefined);
    const { app, onStay, quitAnyway, beforeQuit } = setUp(close);
    expect(beforeQuit()).toBe(true);
    await settle();
    expect(quitAnyway).toHaveBeenCalledExactlyOnceWith(failure);
    expect(onStay).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();

    expect(beforeQuit()).toBe(true);
    await settle();
    expect(close).toHaveBeenCalledTimes(2);
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('quits without saving when the user says so', async () => {
    const { app, onStay, beforeQuit } = setUp(
      () => Promise.reject(new Error('disk full')),
      vi.fn(() => true),
    );
    beforeQuit();
    await settle();
    expect(onStay).not.toHaveBeenCalled();
    expect(app.quit).toHaveBeenCalledOnce();
  });
});
