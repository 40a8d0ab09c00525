// Keeps <body data-app-state> honest: "loading" while any call, debounced search or job is outstanding, "ready" once
// the first status has arrived and the screen has settled. End-to-end tests wait on it instead of sleeping.
import { useEffect } from 'react';
import { isBusy, onBusyChange } from '../api/busy';

/** Long enough for React to paint what the last answer brought, short enough that nobody waits on it. */
const SETTLE_MS = 40;

export function useReadyMarker(statusLoaded: boolean): void {
  useEffect(() => {
    let timer: number | undefined;
    const update = () => {
      window.clearTimeout(timer);
      if (!statusLoaded || isBusy()) {
        document.body.dataset.appState = 'loading';
        return;
      }
      timer = window.setTimeout(() => {
        document.body.dataset.appState = statusLoaded && !isBusy() ? 'ready' : 'loading';
      }, SETTLE_MS);
    };
    update();
    const unsubscribe = onBusyChange(update);
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [statusLoaded]);
}
