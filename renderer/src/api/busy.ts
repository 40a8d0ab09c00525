// Counts the UI's outstanding work (calls in flight, debounced searches, running jobs) so the shell can mark
// <body data-app-state> "loading" or "ready": end-to-end tests wait on that marker instead of sleeping.
type BusyListener = (busy: boolean) => void;

let outstanding = 0;
const listeners = new Set<BusyListener>();

function notify(): void {
  const busy = outstanding > 0;
  for (const listener of listeners) listener(busy);
}

/** Marks the start of some work; call the returned function once it ends (extra calls are ignored). */
export function beginWork(): () => void {
  outstanding += 1;
  notify();
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    outstanding -= 1;
    notify();
  };
}

/** Runs `work` as outstanding work. */
export async function trackWork<T>(work: () => Promise<T>): Promise<T> {
  const end = beginWork();
  try {
    return await work();
  } finally {
    end();
  }
}

export function isBusy(): boolean {
  return outstanding > 0;
}

export function onBusyChange(listener: BusyListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
