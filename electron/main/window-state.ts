// Remembers the window's size and place between runs (userData/window-state.json). A saved place is used only if
// the window would still be reachable on a screen attached now, since monitors come and go between runs.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const MIN_WINDOW_SIZE = { width: 900, height: 600 } as const;
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, maximized: false };
/** How much of the window must lie on a screen for the user to grab its title bar. */
const MIN_VISIBLE = { width: 120, height: 40 } as const;

const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** The state saved in `text`, cleaned up; the default for anything missing, damaged or off every screen. */
export function parseWindowState(text: string | null, workAreas: readonly Rectangle[]): WindowState {
  let saved: Record<string, unknown>;
  try {
    const parsed: unknown = text === null ? null : JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return { ...DEFAULT_WINDOW_STATE };
    saved = parsed as Record<string, unknown>;
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
  const largest = workAreas.reduce(
    (size, area) => ({ width: Math.max(size.width, area.width), height: Math.max(size.height, area.height) }),
    { width: 0, height: 0 },
  );
  const clamp = (value: unknown, min: number, fallback: number, max: number) =>
    isInteger(value) ? Math.max(min, max > 0 ? Math.min(value, max) : value) : fallback;
  const state: WindowState = {
    width: clamp(saved.width, MIN_WINDOW_SIZE.width, DEFAULT_WINDOW_STATE.width, largest.width),
    height: clamp(saved.height, MIN_WINDOW_SIZE.height, DEFAULT_WINDOW_STATE.height, largest.height),
    maximized: saved.maximized === true,
  };
  if (isInteger(saved.x) && isInteger(saved.y)) {
    const bounds = { x: saved.x, y: saved.y, width: state.width, height: state.height };
    const reachable = workAreas.some((area) => {
      const shared = overlap(bounds, area);
      return shared.width >= MIN_VISIBLE.width && shared.height >= MIN_VISIBLE.height;
    });
    if (reachable) Object.assign(state, { x: saved.x, y: saved.y });
  }
  return state;
}

export function readWindowState(file: string, workAreas: readonly Rectangle[]): WindowState {
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // First run, or the file was removed: the default is right.
  }
  return parseWindowState(text, workAreas);
}

/** Best effort: losing the window's place is not worth an error dialog while the app quits. */
export function writeWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, JSON.stringify(state));
    renameSync(temporary, file);
  } catch (error) {
    console.warn(`Could not remember the window's size in ${file}:`, error);
  }
}

/** Saves the window's normal (un-maximized) bounds when it closes, so un-maximizing next time restores them. */
export function trackWindowState(
  window: Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized'>,
  save: (state: WindowState) => void,
): void {
  window.on('close', () => {
    save({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
}
