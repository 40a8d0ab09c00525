// Registers one IPC handler per API call. Each checks who is asking before anything else: only the app's own page
// may call the API, never a page that got into the window some other way, nor a frame whose document has gone.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { apiMethods } from '../../shared/api/contract';
import type { ApiResponse } from '../../shared/api/errors';
import type { Dispatch } from '../session/dispatch';
import type { IsTrustedUrl } from './trusted-url';

export type IsTrustedSender = (event: IpcMainInvokeEvent) => boolean;

/** The sender is trusted when the frame that sent the message shows one of the app's own pages. */
export function trustedSenderCheck(isTrustedUrl: IsTrustedUrl): IsTrustedSender {
  return (event) => {
    const frame = event.senderFrame;
    return frame !== null && frame !== undefined && isTrustedUrl(frame.url);
  };
}

function forbidden(method: string): ApiResponse<never> {
  return {
    ok: false,
    error: {
      code: 'forbidden',
      message: `"${method}" was refused: only Transmittal's own window may call it.`,
    },
  };
}

/**
 * Channel name = method name, so the preload's explicit list and this loop meet on the contract's keys.
 * Returns a function removing the handlers again (tests, and a clean shutdown).
 */
export function registerApiHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  isTrustedSender: IsTrustedSender,
): () => void {
  for (const method of apiMethods) {
    // Only the first argument is the input: anything else a caller sends is ignored rather than passed on.
    ipcMain.handle(method, (event, input: unknown) => {
      if (!isTrustedSender(event)) return forbidden(method);
      return dispatch(method, input);
    });
  }
  return () => {
    for (const method of apiMethods) ipcMain.removeHandler(method);
  };
}
