import type { IpcMain } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiMethods, type ApiHandlers } from '../../../shared/api/contract';
import { createDispatcher } from '../../../electron/session/dispatch';
import { registerApiHandlers, trustedSenderCheck } from '../../../electron/main/ipc';
import { createTrustedUrlCheck } from '../../../electron/main/trusted-url';
import * as electron from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const APP_PAGE = 'app://transmittal/index.html';
const isTrustedUrl = createTrustedUrlCheck({});

function setUp() {
  const handlers = Object.fromEntries(
    apiMethods.map((method) => [method, vi.fn(async (input: unknown) => ({ handledBy: method, input }))]),
  ) as unknown as Record<string, ReturnType<typeof vi.fn>>;
  const dispatch = vi.fn(createDispatcher(handlers as unknown as ApiHandlers));
  const unregister = registerApiHandlers(electron.ipcMain as unknown as IpcMain, dispatch, trustedSenderCheck(isTrustedUrl));
  return { handlers, dispatch, unregister };
}

beforeEach(() => electron.resetFakeElectron());

describe('registerApiHandlers', () => {
  it('registers one handler per contract method, on the channel of the same name, and nothing else', () => {
    setUp();
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...apiMethods].sort());
  });

  it('removes every handler it registered', () => {
    setUp().unregister();
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it.each([
    ['a foreign web page', 'https://evil.test/'],
    ['another local file', 'file:///tmp/evil.html'],
    ['a frame that has gone away', null],
  ])('refuses %s without running anything', async (_name, sender) => {
    const { handlers, dispatch } = setUp();
    const response = await electron.ipcMain.invokeFrom(sender, 'boxes.delete', { ids: [1, 2, 3] });
    expect(response).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((response as { error: { message: string } }).error.message).toContain('boxes.delete');
    expect(dispatch).not.toHaveBeenCalled();
    expect(handlers['boxes.delete']).not.toHaveBeenCalled();
  });

  it('refuses bad input with a message naming the field, before the handler runs', async () => {
    const { handlers } = setUp();
    const response = await electron.ipcMain.invokeFrom(APP_PAGE, 'boxes.create', { label: 'Box 1', cubicFeet: -2 });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { field: 'cubicFeet' } } });
    expect((response as { error: { message: string } }).error.message).toMatch(/^Cubic feet: /);
    expect(handlers['boxes.create']).not.toHaveBeenCalled();
  });

  it('passes good input from the app page to the handler, validated', async () => {
    const { handlers } = setUp();
    const response = await electron.ipcMain.invokeFrom(`${APP_PAGE}#/boxes`, 'boxes.create', { label: 'Box 1' });
    expect(response).toMatchObject({ ok: true, value: { handledBy: 'boxes.create' } });
    // The contract's defaults were applied on the way in.
    expect(handlers['boxes.create']).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ label: 'Box 1', cubicFeet: 1.2 }),
    );
  });

  it('passes on only the first argument a caller sends', async () => {
    const { dispatch } = setUp();
    await electron.ipcMain.invokeFrom(APP_PAGE, 'catalog.open', { path: '/tmp/a.transmittal' }, 'extra', { more: 1 });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('catalog.open', { path: '/tmp/a.transmittal' });
  });
});
