// The scaffold every list/edit/delete screen shares (the retention schedule, the records centers): load the list,
// say when it is loading, could not load (with Try again) or is empty (with what to do), remember which row is
// being edited or deleted, and announce what was saved.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { messageOfError } from './field-errors';

export type Editing<T> = { mode: 'add' } | { mode: 'edit'; row: T } | null;

export interface ListScreenState<T> {
  rows: T[] | null;
  loadProblem: string | null;
  editing: Editing<T>;
  setEditing: (editing: Editing<T>) => void;
  deleting: T | null;
  setDeleting: (row: T | null) => void;
  notice: string;
  load: () => Promise<void>;
  /** After a dialog saved a row: reload, close the dialog, and say so ("Saved GS 1010 Permits."). */
  saved: (name: string) => Promise<void>;
  /** Deletes through `remove`, reloads, closes the confirmation, and says so. */
  deleteRow: (row: T, remove: (row: T) => Promise<unknown>, name: string) => Promise<void>;
}

export function useListScreen<T>(list: () => Promise<T[]>): ListScreenState<T> {
  const [rows, setRows] = useState<T[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing<T>>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    try {
      setRows(await list());
      setLoadProblem(null);
    } catch (error) {
      setLoadProblem(messageOfError(error));
    }
  }, [list]);

  useEffect(() => {
    void load();
  }, [load]);

  const saved = async (name: string) => {
    const verb = editing?.mode === 'edit' ? 'Saved' : 'Added';
    await load();
    setEditing(null);
    setNotice(`${verb} ${name}.`);
  };

  const deleteRow = async (row: T, remove: (row: T) => Promise<unknown>, name: string) => {
    await remove(row);
    await load();
    setDeleting(null);
    setNotice(`Deleted ${name}.`);
  };

  return { rows, loadProblem, editing, setEditing, deleting, setDeleting, notice, load, saved, deleteRow };
}

interface ListScreenProps<T> {
  state: ListScreenState<T>;
  className: string;
  headingId: string;
  title: string;
  actions: ReactNode;
  intro: ReactNode;
  /** "the retention schedule", as in "… could not be loaded" and "Loading …". */
  what: string;
  empty: ReactNode;
  children: (rows: T[]) => ReactNode;
  /** Dialogs (edit, delete, import) rendered after the list. */
  dialogs?: ReactNode;
}

export function ListScreen<T>({ state, className, headingId, title, actions, intro, what, empty, children, dialogs }: ListScreenProps<T>) {
  const { rows, loadProblem, notice, load } = state;
  return (
    <section className={className} aria-labelledby={headingId} aria-busy={rows === null && !loadProblem}>
      <header className={`${className.split(' ')[0].replace(/-screen$/, '')}-header`}>
        <h1 id={headingId} tabIndex={-1}>
          {title}
        </h1>
        {actions}
      </header>
      {intro}
      <p role="status" className="form-status">
        {notice}
      </p>
      {loadProblem ? (
        <div role="alert" className="form-problem">
          <p>
            {what.charAt(0).toUpperCase() + what.slice(1)} could not be loaded. {loadProblem}
          </p>
          <button type="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : rows === null ? (
        <p className="list-loading">Loading {what}…</p>
      ) : rows.length === 0 ? (
        empty
      ) : (
        children(rows)
      )}
      {dialogs}
    </section>
  );
}
