// Functions that run inside the page, handed to page.evaluate / page.waitForFunction. Playwright sends their source
// text to the browser, so each must be self-contained (no variables from this module). The Node type-check has no
// DOM types, so the few browser globals they use are declared here, for this module only.
declare const document: any;
declare const window: any;
declare const sessionStorage: any;
declare const CSS: any;
declare const DataTransfer: any;
declare const ClipboardEvent: any;
declare const MutationObserver: any;

/** The status bar says the catalog is saved ("Saved" or "Saved 10:42 AM"). */
export function saveStateIsSaved(): boolean {
  return /^Saved\b/.test(document.querySelector('[data-save-state]')?.textContent?.trim() ?? '');
}

/** The list's count line has its answer. */
export function listCountSettled(): boolean {
  const text = document.querySelector('[data-list-count]')?.textContent ?? '';
  return text !== '' && text !== 'Counting…';
}

/** The named grid exists and is not marked busy. */
export function gridNotBusy(name: string): boolean {
  const grid = document.querySelector(`[role="grid"][aria-label="${CSS.escape(name)}"]`);
  return grid !== null && grid.getAttribute('aria-busy') !== 'true';
}

/** The keyboard focus is on the grid cell at this aria-rowindex and aria-colindex. */
export function focusIsOnCell([row, col]: [number, number]): boolean {
  const active = document.activeElement;
  return active?.getAttribute('aria-colindex') === String(col) && active.parentElement?.getAttribute('aria-rowindex') === String(row);
}

/** The keyboard focus is somewhere in the folder grid's empty new-folder row. */
export function focusIsInNewRow(): boolean {
  return Boolean(document.activeElement?.closest('tr')?.classList.contains('grid-new-row'));
}

/** A paste as the browser fires it when the person presses Ctrl+V, carrying text/plain, at the focused element. */
export function dispatchPaste(text: string): void {
  const target = document.activeElement ?? document.body;
  const data = new DataTransfer();
  data.setData('text/plain', text);
  target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
}

export function goToHash(hash: string): void {
  window.location.hash = hash;
}

export function blurFocused(): void {
  document.activeElement?.blur?.();
}

export function storedToken(): string | null {
  return sessionStorage.getItem('transmittal.token');
}

export interface ProgressSeen {
  appeared: boolean;
  values: number[];
  label: string;
}

/** Starts noting every progress bar that shows, however briefly (a fast job may come and go between two looks). */
export function watchProgressBars(): void {
  const seen: ProgressSeen = { appeared: false, values: [], label: '' };
  window.progressSeen = seen;
  const look = () => {
    const bar = document.querySelector('[role="progressbar"]');
    if (!bar) return;
    seen.appeared = true;
    seen.values.push(Number(bar.getAttribute('aria-valuenow')));
    const labelId = bar.getAttribute('aria-labelledby');
    if (labelId) seen.label = document.getElementById(labelId)?.textContent ?? seen.label;
  };
  new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
}

export function progressBarsSeen(): ProgressSeen {
  return window.progressSeen;
}

export interface FetchAnswer {
  status: number;
  body: { ok: boolean; error?: { code: string; message: string }; value?: any };
}

/** POSTs an API call from the page's own origin, with a token header or without. */
export async function postApi({ method, header, token }: { method: string; header: string; token: string | null }): Promise<FetchAnswer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token !== null) headers[header] = token;
  const response = await window.fetch(`/api/${method}`, { method: 'POST', headers, body: '{}' });
  return { status: response.status, body: await response.json() };
}

/** From a page on another site: what the browser lets it do against the web shell at `target`. */
export async function postFromElsewhere({ target, header, token }: { target: string; header: string; token: string }): Promise<string[]> {
  const results: string[] = [];
  const body = JSON.stringify({ fileName: 'Planted', department: { name: 'Intruder' } });
  // A "simple" request the browser sends without asking first: the shell sees the foreign Origin.
  await window.fetch(`${target}/api/catalog.create`, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body }).then(
    () => results.push('sent'),
    () => results.push('failed'),
  );
  // With the token header the browser asks first (a CORS preflight), and the shell gives no permission.
  await window.fetch(`${target}/api/catalog.create`, { method: 'POST', headers: { 'Content-Type': 'application/json', [header]: token }, body }).then(
    (response: { status: number }) => results.push(`answered ${response.status}`),
    () => results.push('blocked'),
  );
  return results;
}

/** The id of the element that has the keyboard focus ('' when it has none). */
export function focusedElementId(): string {
  return String(document.activeElement?.id ?? '');
}
