import type { App } from 'electron';
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { guardQuit, type QuitChoice } from '../../../electron/main/quit-guard';
import { fakeEvent } from './fake-electron';

function setUp(close: (options?: { discard?: boolean }) => Promise<void>, answers: QuitChoice[] = []) {
  const app = Object.assign(new EventEmitter(), { quit: vi.fn() });
  const onSaveAs = vi.fn();
  const ask = vi.fn(() => answers.shift() ?? 'save-as');
  guardQuit(app as unknown as App, { close, ask, onSaveAs });
  const beforeQuit = () => {
    const event = fakeEvent();
    app.emit('before-quit', event);
    return event.defaultPrevented;
  };
  return { app, onSaveAs, ask, beforeQuit };
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

  it('tries again when told to, and quits once the save works', async () => {
    const failure = new Error('disk full');
    const close = vi.fn().mockRejectedValueOnce(failure).mockResolvedValueOnce(undefined);
    const { app, ask, beforeQuit } = setUp(close, ['retry']);
    beforeQuit();
    await settle();
    await settle();
    expect(ask).toHaveBeenCalledExactlyOnceWith(failure);
    expect(close).toHaveBeenCalledTimes(2);
    expect(close).toHaveBeenLastCalledWith();
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('stays open and asks the window to save as, keeping the changes', async () => {
    const close = vi.fn().mockRejectedValue(new Error('disk full'));
    const { app, onSaveAs, beforeQuit } = setUp(close, ['save-as']);
    beforeQuit();
    await settle();
    expect(onSaveAs).toHaveBeenCalledOnce();
    expect(close).not.toHaveBeenCalledWith({ discard: true });
    expect(app.quit).not.toHaveBeenCalled();
    // Quitting again asks again: nothing was dropped meanwhile.
    expect(beforeQuit()).toBe(true);
  });

  it('drops the changes only when the user says to quit without saving', async () => {
    const close = vi.fn((options?: { discard?: boolean }) => (options?.discard ? Promise.resolve() : Promise.reject(new Error('disk full'))));
    const { app, onSaveAs, beforeQuit } = setUp(close, ['discard']);
    beforeQuit();
    await settle();
    await settle();
    expect(close).toHaveBeenLastCalledWith({ discard: true });
    expect(onSaveAs).not.toHaveBeenCalled();
    expect(app.quit).toHaveBeenCalledOnce();
  });
});
