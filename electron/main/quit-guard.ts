// Quitting waits for pending changes to be saved: the first before-quit is held back until the session has closed.
// If saving fails the user chooses: stay (and fix the problem, e.g. free disk space) or quit and lose the changes.
import type { App } from 'electron';

export interface QuitGuardOptions {
  /** Saves pending changes and closes the catalog (the API session's close). */
  close: () => Promise<void>;
  /** Asks whether to quit although saving failed; true to quit. */
  quitAnyway: (error: unknown) => boolean;
  /** Called when the user chose to stay, so there is a window to act in (closing the last one is how most quit). */
  onStay: () => void;
}

export function guardQuit(app: Pick<App, 'on' | 'quit'>, options: QuitGuardOptions): void {
  let closed = false;
  let closing = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    options
      .close()
      .then(
        () => true,
        (error: unknown) => options.quitAnyway(error),
      )
      .then((quit) => {
        closing = false;
        if (!quit) {
          options.onStay();
          return;
        }
        closed = true;
        app.quit();
      });
  });
}
