import { describe, expect, it, vi } from 'vitest';
import { TOKEN_HEADER } from '../../../shared/api/bridge';
import {
  ApiCallError,
  bridgeCall,
  createApiClient,
  httpCall,
  isReadOnlyCall,
  takeToken,
  TOKEN_STORAGE_KEY,
  type FetchLike,
} from '../../../renderer/src/api/transport';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

describe('takeToken', () => {
  it('takes the token from the address, keeps it for the tab and removes it from the address', () => {
    const storage = memoryStorage();
    const history = { replaceState: vi.fn() };
    const token = takeToken('http://127.0.0.1:4000/?token=abc123&x=1#/catalog/box/2', storage, history);
    expect(token).toBe('abc123');
    expect(storage.items.get(TOKEN_STORAGE_KEY)).toBe('abc123');
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/?x=1#/catalog/box/2');
  });

  it('after a reload (no token in the address) uses the kept one and leaves the address alone', () => {
    const storage = memoryStorage({ [TOKEN_STORAGE_KEY]: 'kept' });
    const history = { replaceState: vi.fn() };
    expect(takeToken('http://127.0.0.1:4000/#/schedule', storage, history)).toBe('kept');
    expect(history.replaceState).not.toHaveBeenCalled();
  });

  it('a new token in the address replaces the kept one', () => {
    const storage = memoryStorage({ [TOKEN_STORAGE_KEY]: 'old' });
    expect(takeToken('http://127.0.0.1:4000/?token=new', storage, { replaceState: () => {} })).toBe('new');
    expect(storage.items.get(TOKEN_STORAGE_KEY)).toBe('new');
  });

  it('still works when storage is switched off', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const history = { replaceState: vi.fn() };
    expect(takeToken('http://127.0.0.1:4000/?token=t', broken, history)).toBe('t');
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/');
    expect(takeToken('http://127.0.0.1:4000/', broken, history)).toBeNull();
    expect(takeToken('http://127.0.0.1:4000/', null, history)).toBeNull();
  });
});

describe('httpCall', () => {
  const answer = (status: number, body: string): FetchLike => vi.fn(async () => ({ status, text: async () => body }));

  it('posts the input as JSON to /api/<method> with the token header', async () => {
    const fetchFn = answer(200, JSON.stringify({ ok: true, value: { id: 3 } }));
    const result = await httpCall(fetchFn, 'secret')('boxes.get', { id: 3 });
    expect(result).toEqual({ ok: true, value: { id: 3 } });
    expect(fetchFn).toHaveBeenCalledWith('/api/boxes.get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: 'secret' },
      body: '{"id":3}',
    });
  });

  it('sends no token header when there is no token', async () => {
    const fetchFn = answer(200, JSON.stringify({ ok: true, value: null }));
    await httpCall(fetchFn, null)('app.status', {});
    expect(vi.mocked(fetchFn).mock.calls[0][1].headers).toEqual({ 'Content-Type': 'application/json' });
  });

  it('passes a refusal from the server through as it is, whatever the HTTP status', async () => {
    const refusal = { ok: false, error: { code: 'forbidden', message: 'Open the address Transmittal printed.' } };
    expect(await httpCall(answer(403, JSON.stringify(refusal)), 'x')('app.status', {})).toEqual(refusal);
  });

  it('turns a non-JSON or malformed answer into an error for people, naming the HTTP status', async () => {
    for (const body of ['<html>Bad gateway</html>', '{"ok":true}', '{"ok":false,"error":"nope"}', 'null']) {
      const result = await httpCall(answer(502, body), 'x')('app.status', {});
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('internal');
        expect(result.error.message).toContain('HTTP 502');
      }
    }
  });

  it('turns a network failure into "could not reach" rather than a stack trace', async () => {
    const fetchFn: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    const result = await httpCall(fetchFn, 'x')('app.status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).toMatch(/could not reach/);
  });
});

describe('createApiClient', () => {
  it('resolves with the value, and throws ApiCallError carrying code, message and details', async () => {
    const client = createApiClient(async (method) =>
      method === 'boxes.get'
        ? { ok: true, value: { id: 1, label: 'Box 1' } }
        : { ok: false, error: { code: 'invalid-input', message: 'End date: before the begin date', details: { field: 'endDate' } } },
    );
    await expect(client['boxes.get']({ id: 1 })).resolves.toEqual({ id: 1, label: 'Box 1' });
    const failure = await client['folders.update']({ id: 1, changes: { endDate: '2001' } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiCallError);
    expect(failure).toMatchObject({ code: 'invalid-input', message: 'End date: before the begin date', details: { field: 'endDate' } });
  });

  it('counts every call as work while it runs, and reports calls that may change the catalog', async () => {
    const events: string[] = [];
    let release: () => void = () => {};
    const call = vi.fn(
      (method: string) =>
        new Promise<{ ok: true; value: null }>((resolve) => {
          release = () => resolve({ ok: true, value: null });
          events.push(`call ${method}`);
        }),
    );
    const client = createApiClient(call, {
      begin: () => {
        events.push('begin');
        return () => events.push('end');
      },
      afterChange: (method) => events.push(`changed ${method}`),
    });
    const pending = client['folders.create']({ boxId: 1, folder: { title: 'Minutes' } });
    expect(events).toEqual(['begin', 'call folders.create']);
    release();
    await pending;
    expect(events).toEqual(['begin', 'call folders.create', 'end', 'changed folders.create']);

    events.length = 0;
    const read = client['folders.list']({ filter: { query: '' } });
    release();
    await read;
    expect(events).toEqual(['begin', 'call folders.list', 'end']);
  });

  it('reports a change even when the call was refused (the server may have half-known state to show)', async () => {
    const changed = vi.fn();
    const client = createApiClient(async () => ({ ok: false, error: { code: 'invalid-input', message: 'no' } }), { afterChange: changed });
    await expect(client['history.undo']({})).rejects.toBeInstanceOf(ApiCallError);
    expect(changed).toHaveBeenCalledWith('history.undo');
  });

  it('has one method per contract call, sent through the Electron bridge by name', async () => {
    const bridge = new Proxy({}, { get: (_target, method: string) => async (input: unknown) => ({ ok: true, value: { method, input } }) });
    const client = createApiClient(bridgeCall(bridge as never));
    await expect(client['schedule.list']({})).resolves.toEqual({ method: 'schedule.list', input: {} });
    expect(Object.keys(client)).toContain('folders.paste');
  });
});

describe('isReadOnlyCall', () => {
  it.each([
    ['app.status', true],
    ['boxes.list', true],
    ['boxes.get', true],
    ['jobs.get', true],
    ['catalog.summary', true],
    ['history.list', true],
    ['boxes.create', false],
    ['folders.paste', false],
    ['history.undo', false],
    ['catalog.save', false],
    ['jobs.cancel', false],
    // What the old name-guessing got wrong: a check that writes the transfer's verdict, a preview that writes nothing.
    ['transfers.validate', false],
    ['import.preview', true],
    ['transfers.packageFile', true],
  ] as const)('%s → %s', (method, readOnly) => {
    expect(isReadOnlyCall(method)).toBe(readOnly);
  });
});
