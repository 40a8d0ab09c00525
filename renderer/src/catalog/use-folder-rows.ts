// A box's folders as the grid edits them. Edits show at once and are sent one after another in the order they were
// made (a folder typed into the new row may still be on its way when its next cell is filled); when the catalog
// refuses one, that cell goes back to what it was.
import { useCallback, useRef, useState } from 'react';
import type { Folder, FolderInput } from '../../../shared/domain/types';
import type { PasteColumn } from '../../../shared/api/contract';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';

export const GRID_LIMIT = 1000;

export type Outcome = { ok: true } | { ok: false; error: unknown };

export interface FolderRows {
  folders: Folder[];
  /** How many folders the box holds (the grid shows at most GRID_LIMIT). */
  total: number;
  loading: boolean;
  error: unknown;
  /** A stable React key for a row, the same before and after a new folder gets its real id. */
  keyOf(folder: Folder): string;
  update(folderId: number, changes: Partial<FolderInput>, shown: Partial<Folder>): Promise<Outcome>;
  create(title: string): Promise<Outcome>;
  remove(ids: number[]): Promise<Outcome & { deleted?: number }>;
  paste(request: { boxId: number; startRow: number; columns: PasteColumn[]; rows: string[][] }): Promise<
    { ok: true; created: number; updated: number } | { ok: false; error: unknown }
  >;
  reload(): void;
}

export function useFolderRows(boxId: number): FolderRows {
  const query = useQuery(() => api['folders.list']({ filter: { query: '', boxId }, offset: 0, limit: GRID_LIMIT }), [boxId]);
  const [edited, setEdited] = useState<{ source: unknown; folders: Folder[] } | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const realIds = useRef(new Map<number, number>());
  const keys = useRef(new Map<number, string>());
  const nextTempId = useRef(-1);

  // Local edits ride on top of the last answer; a fresh answer (reload, undo) replaces them.
  const folders = edited && edited.source === query.value ? edited.folders : (query.value?.rows ?? []);
  const foldersRef = useRef(folders);
  foldersRef.current = folders;

  const setFolders = useCallback(
    (change: (current: Folder[]) => Folder[]) => {
      const next = change(foldersRef.current);
      foldersRef.current = next;
      setEdited({ source: query.value, folders: next });
    },
    [query.value],
  );

  const enqueue = <T,>(task: () => Promise<T>): Promise<T> => {
    const run = queue.current.then(task, task);
    queue.current = run.catch(() => undefined);
    return run;
  };

  const resolveId = (id: number) => (id < 0 ? realIds.current.get(id) : id);
  const sameFolder = (id: number) => (folder: Folder) => folder.id === id || folder.id === resolveId(id);

  const update = (folderId: number, changes: Partial<FolderInput>, shown: Partial<Folder>): Promise<Outcome> => {
    const before = foldersRef.current.find(sameFolder(folderId));
    const revert: Partial<Folder> = {};
    if (before) for (const field of Object.keys(shown) as (keyof Folder)[]) (revert as Record<string, unknown>)[field] = before[field];
    setFolders((rows) => rows.map((folder) => (sameFolder(folderId)(folder) ? { ...folder, ...shown } : folder)));
    return enqueue(async () => {
      const id = resolveId(folderId);
      if (id === undefined) return { ok: false as const, error: new Error('The folder was not created.') };
      try {
        const saved = await api['folders.update']({ id, changes });
        setFolders((rows) => rows.map((folder) => (sameFolder(folderId)(folder) ? saved : folder)));
        return { ok: true as const };
      } catch (error) {
        setFolders((rows) => rows.map((folder) => (sameFolder(folderId)(folder) ? { ...folder, ...revert } : folder)));
        return { ok: false as const, error };
      }
    });
  };

  const create = (title: string): Promise<Outcome> => {
    const tempId = nextTempId.current--;
    const last = foldersRef.current[foldersRef.current.length - 1];
    const now = new Date().toISOString();
    const draft: Folder = {
      id: tempId,
      boxId,
      boxLabel: last?.boxLabel ?? '',
      position: (last?.position ?? 0) + 1,
      title: title.trim(),
      fileCode: '',
      scheduleItemId: null,
      beginDate: '',
      endDate: '',
      eventDate: '',
      confidential: false,
      medium: 'paper',
      notes: '',
      legalHold: false,
      legalHoldReason: '',
      // Only a box still in the office takes new folders, so until the catalog answers it is where its neighbours are.
      where: last?.where ?? { status: 'in-office', since: null, words: 'in the office', dueBack: null, overdue: false, request: null },
      seriesTitle: null,
      itemNumber: null,
      dispositionDate: null,
      dispositionStatus: 'no-schedule',
      createdAt: now,
      updatedAt: now,
    };
    keys.current.set(tempId, `new-${tempId}`);
    setFolders((rows) => [...rows, draft]);
    return enqueue(async () => {
      try {
        const saved = await api['folders.create']({ boxId, folder: { title: draft.title } });
        realIds.current.set(tempId, saved.id);
        keys.current.set(saved.id, `new-${tempId}`);
        // Cells typed while the folder was on its way are re-sent by their own queued updates.
        setFolders((rows) => rows.map((folder) => (folder.id === tempId ? { ...saved, ...pendingFields(folder, draft) } : folder)));
        return { ok: true as const };
      } catch (error) {
        setFolders((rows) => rows.filter((folder) => folder.id !== tempId));
        return { ok: false as const, error };
      }
    });
  };

  const remove = (ids: number[]) =>
    enqueue(async () => {
      const real = ids.map(resolveId).filter((id): id is number => id !== undefined && id > 0);
      if (real.length === 0) return { ok: true as const, deleted: 0 };
      try {
        const { deleted } = await api['folders.delete']({ ids: real });
        setFolders((rows) => rows.filter((folder) => !real.includes(folder.id)));
        return { ok: true as const, deleted };
      } catch (error) {
        return { ok: false as const, error };
      }
    });

  const paste: FolderRows['paste'] = (request) =>
    enqueue(async () => {
      try {
        const result = await api['folders.paste'](request);
        query.reload();
        return { ok: true as const, ...result };
      } catch (error) {
        return { ok: false as const, error };
      }
    });

  return {
    folders,
    total: query.value?.total ?? 0,
    loading: query.loading && !query.value,
    error: query.error,
    keyOf: (folder) => keys.current.get(folder.id) ?? String(folder.id),
    update,
    create,
    remove,
    paste,
    reload: query.reload,
  };
}

/** Fields changed on screen since the draft was made, which the server's answer must not wipe out. */
function pendingFields(current: Folder, draft: Folder): Partial<Folder> {
  const pending: Record<string, unknown> = {};
  for (const field of Object.keys(current) as (keyof Folder)[]) {
    if (field !== 'id' && current[field] !== draft[field]) pending[field] = current[field];
  }
  return pending;
}
