// Quitting waits for pending changes to be saved: the first before-quit is held back until the session has closed.
// If saving fails nothing is dropped silently: the user chooses to try again, save the changes under a new name
// (the window stays open for it), or quit and lose them.
import type { App } from 'electron';

export type QuitChoice = 'retry' | 'save-as' | 'discard';

export interface QuitGuardOptions {
  /** Saves pending changes and closes the catalog (the API session's close); throws when they could not be saved. */
  close: (options?: { discard?: boolean }) => Promise<void>;
  /** Asks what to do now that saving failed. */
  ask: (error: unknown) => QuitChoice;
  /** The user chose Save as: make sure there is a window and ask it to save under a new name. */
  onSaveAs: () => void;
}

export function guardQuit(app: Pick<App, 'on' | 'quit'>, options: QuitGuardOptions): void {
  let closed = false;
  let closing = false;

  async function closeOrAsk(): Promise<boolean> {
    for (;;) {
      try {
        await options.close();
        return true;
      } catch (error) {
        const choice = options.ask(error);
        if (choice === 'retry') continue;
        if (choice === 'save-as') {
          options.onSaveAs();
          return false;
        }
        await options.close({ discard: true });
        return true;
      }
    }
  }

  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    closeOrAsk()
      .catch(() => false)
      .then((quit) => {
        closing = false;
        if (!quit) return;
        closed = true;
        app.quit();
      });
  });
}
