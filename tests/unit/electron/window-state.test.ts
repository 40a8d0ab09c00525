import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  parseWindowState,
  readWindowState,
  trackWindowState,
  writeWindowState,
  type WindowState,
} from '../../../electron/main/window-state';
import { FakeWebContents } from './fake-electron';

const laptop = [{ x: 0, y: 0, width: 1440, height: 900 }];
const twoScreens = [...laptop, { x: 1440, y: 0, width: 2560, height: 1440 }];

describe('parseWindowState', () => {
  it('keeps a saved size and place that is on a screen', () => {
    const saved = JSON.stringify({ x: 1600, y: 100, width: 1400, height: 1000, maximized: true });
    expect(parseWindowState(saved, twoScreens)).toEqual({ x: 1600, y: 100, width: 1400, height: 1000, maximized: true });
  });

  it('forgets the place when the screen it was on is gone, but keeps the size', () => {
    const saved = JSON.stringify({ x: 1600, y: 100, width: 1200, height: 800, maximized: false });
    expect(parseWindowState(saved, laptop)).toEqual({ width: 1200, height: 800, maximized: false });
  });

  it('forgets a place where only a sliver of the window would show', () => {
    const saved = JSON.stringify({ x: 1400, y: 880, width: 1000, height: 700, maximized: false });
    expect(parseWindowState(saved, laptop)).not.toHaveProperty('x');
  });

  it('keeps the window within the minimum size and the largest screen', () => {
    expect(parseWindowState(JSON.stringify({ width: 200, height: 100 }), laptop)).toMatchObject({ width: 900, height: 600 });
    expect(parseWindowState(JSON.stringify({ width: 9000, height: 9000 }), laptop)).toMatchObject({
      width: 1440,
      height: 900,
    });
  });

  it.each([
    ['no file', null],
    ['an empty file', ''],
    ['a damaged file', '{"width": 12'],
    ['a JSON number', '42'],
    ['JSON null', 'null'],
    ['text in place of numbers', '{"x":"0","y":"0","width":"1e9","height":"wide","maximized":"yes"}'],
    ['non-integer numbers', '{"width":1000.5,"height":1e400}'],
  ])('falls back to the default for %s', (_name, text) => {
    expect(parseWindowState(text, laptop)).toEqual(DEFAULT_WINDOW_STATE);
  });
});

describe('reading, writing and tracking', () => {
  let folder: string | null = null;
  afterEach(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = null;
  });

  it('round-trips through the file, creating its folder', () => {
    folder = mkdtempSync(join(tmpdir(), 'transmittal-window-'));
    const file = join(folder, 'nested', 'window-state.json');
    const state: WindowState = { x: 10, y: 20, width: 1000, height: 700, maximized: false };
    writeWindowState(file, state);
    expect(readWindowState(file, laptop)).toEqual(state);
  });

  it('reads a missing file as the default', () => {
    folder = mkdtempSync(join(tmpdir(), 'transmittal-window-'));
    expect(readWindowState(join(folder, 'absent.json'), laptop)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('does not throw when the file cannot be written', () => {
    folder = mkdtempSync(join(tmpdir(), 'transmittal-window-'));
    const blocker = join(folder, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => writeWindowState(join(blocker, 'window-state.json'), DEFAULT_WINDOW_STATE)).not.toThrow();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    expect(readFileSync(blocker, 'utf8')).toBe('x');
  });

  it('saves the normal bounds and the maximized flag when the window closes', () => {
    const window = Object.assign(new FakeWebContents(), {
      getNormalBounds: () => ({ x: 5, y: 6, width: 1100, height: 750 }),
      isMaximized: () => true,
    });
    const saved: WindowState[] = [];
    trackWindowState(window as never, (state) => saved.push(state));
    expect(saved).toEqual([]);
    window.emit('close', {});
    expect(saved).toEqual([{ x: 5, y: 6, width: 1100, height: 750, maximized: true }]);
  });
});
