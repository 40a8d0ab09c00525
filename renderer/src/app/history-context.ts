// Undo and Redo as the shell performs them (refreshing every screen afterwards), for screens that offer an
// "Undo" right after a change, such as the toast after deleting a box.
import { createContext, useContext } from 'react';

export interface HistoryActions {
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

export const HistoryContext = createContext<HistoryActions>({
  undo: async () => {},
  redo: async () => {},
});

export function useHistoryActions(): HistoryActions {
  return useContext(HistoryContext);
}
