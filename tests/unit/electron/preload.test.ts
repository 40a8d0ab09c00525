import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, FILE_BRIDGE_GLOBAL } from '../../../shared/api/bridge';
import { apiMethods } from '../../../shared/api/contract';
import { MENU_COMMAND_CHANNEL } from '../../../electron/preload/menu-command';
import * as electron from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

type Bridge = Record<string, (...args: unknown[]) => unknown>;

// The preload runs once, as in a window; what it exposed is captured before any test resets the fake.
await import('../../../electron/preload/index');
const exposedNames = [...electron.contextBridge.exposed.keys()];
const bridge = electron.contextBridge.exposed.get(BRIDGE_GLOBAL) as Bridge;
const fileBridge = electron.contextBridge.exposed.get(FILE_BRIDGE_GLOBAL) as Bridge;

beforeEach(() => electron.resetFakeElectron());

describe('the preload bridge', () => {
  it('exposes the API global and the file bridge, and nothing else', () => {
    expect(exposedNames).toEqual([BRIDGE_GLOBAL, FILE_BRIDGE_GLOBAL]);
  });

  it('names a chosen file by its path (webUtils), so no file crosses IPC as bytes', () => {
    expect(Object.keys(fileBridge)).toEqual(['pathForFile']);
    expect(fileBridge.pathForFile({ name: 'boxes.xlsx' })).toBe('/home/clerk/Documents/boxes.xlsx');
    expect(electron.webUtils.getPathForFile).toHaveBeenCalledWith({ name: 'boxes.xlsx' });
  });

  it('exposes exactly the contract calls plus onMenuCommand, all functions', () => {
    expect(Object.keys(bridge).sort()).toEqual([...apiMethods, 'onMenuCommand'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it.each(apiMethods)('forwards %s to the channel of the same name with its input only', async (method) => {
    const input = { probe: method };
    const response = await bridge[method](input, 'ignored extra argument');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(method, input);
    expect(response).toEqual({ ok: true, value: { channel: method, args: [input] } });
  });

  it('passes menu commands on, without the IPC event, and stops when asked', async () => {
    const received: unknown[][] = [];
    const stop = bridge.onMenuCommand((...args: unknown[]) => received.push(args)) as () => void;

    electron.ipcRenderer.emit(MENU_COMMAND_CHANNEL, { sender: electron.ipcRenderer }, 'catalog.save');
    expect(received).toEqual([['catalog.save']]);

    stop();
    electron.ipcRenderer.emit(MENU_COMMAND_CHANNEL, { sender: electron.ipcRenderer }, 'catalog.close');
    expect(received).toHaveLength(1);
    expect(electron.ipcRenderer.listenerCount(MENU_COMMAND_CHANNEL)).toBe(0);
  });

  it('drops messages on the menu channel that are not menu commands', async () => {
    const callback = vi.fn();
    bridge.onMenuCommand(callback);
    for (const junk of ['catalog.delete-everything', 42, null, { command: 'catalog.save' }]) {
      electron.ipcRenderer.emit(MENU_COMMAND_CHANNEL, {}, junk);
    }
    expect(callback).not.toHaveBeenCalled();
  });
});
