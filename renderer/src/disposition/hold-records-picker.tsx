// Choosing boxes and single folders for a legal hold: find a box by its label, then hold it whole or tick some of its
// folders (number, title, file code); what is chosen is listed below, each with a button to take it off again.
// Opened from a box's page, that box starts chosen whole and open, so some of its folders can be held instead.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Role } from '../../../shared/api/contract-kit';
import { useDebounced, useQuery } from '../api/use-api';
import { ErrorMessage } from '../ui/error-message';
import { plural } from '../ui/format';
import { departmentBoxById, findBoxes, foldersOfBox, type BoxChoice, type FolderChoice } from './hold-records-source';

const FIND_DEBOUNCE_MS = 200;

/** A box chosen for the hold: whole, or some of its folders (never both: ticking the whole box takes it all). */
type ChosenBox = { box: BoxChoice; whole: true } | { box: BoxChoice; whole: false; folders: FolderChoice[] };

/** Boxes or folders the opening screen chose, listed in its words until (or unless) they are known by name. */
export interface PresetRecords {
  boxIds?: number[];
  folderIds?: number[];
  what?: string;
}

export interface HoldRecords {
  chosen: ChosenBox[];
  preset: PresetRecords | null;
  /** The box whose folders are shown. */
  open: BoxChoice | null;
  /** True when the person opened it (focus follows); false for the box the dialog was opened from. */
  openedByPerson: boolean;
  /** What the hold scope names, in this role's ids. */
  boxIds: number[];
  folderIds: number[];
  openBox: (box: BoxChoice) => void;
  setWhole: (box: BoxChoice, whole: boolean) => void;
  setFolder: (box: BoxChoice, folder: FolderChoice, on: boolean) => void;
  dropPreset: () => void;
}

export function useHoldRecords(role: Role, initial: PresetRecords | undefined): HoldRecords {
  const [chosen, setChosen] = useState<ChosenBox[]>([]);
  const [preset, setPreset] = useState<PresetRecords | null>(initial && (initial.boxIds?.length || initial.folderIds?.length) ? initial : null);
  const [open, setOpen] = useState<BoxChoice | null>(null);
  const [openedByPerson, setOpenedByPerson] = useState(false);

  // A box page hands in its box by id: in a department, look it up so it can be shown open, whole or folder by folder.
  useEffect(() => {
    const boxIds = initial?.boxIds ?? [];
    if (role !== 'department' || boxIds.length === 0 || (initial?.folderIds?.length ?? 0) > 0) return;
    let current = true;
    Promise.all(boxIds.map(departmentBoxById)).then(
      (boxes) => {
        if (!current) return;
        setChosen((before) => [...boxes.filter((box) => !before.some((each) => each.box.id === box.id)).map((box) => ({ box, whole: true as const })), ...before]);
        setOpen((before) => before ?? boxes[0]);
        setPreset(null);
      },
      // The preset still says what it covers and still goes into the hold; the preview reports a box that is gone.
      () => undefined,
    );
    return () => {
      current = false;
    };
    // The opening screen's choice is read once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const { boxIds, folderIds } = useMemo(() => {
    const boxes = new Set(preset?.boxIds ?? []);
    const folders = new Set(preset?.folderIds ?? []);
    for (const entry of chosen) {
      if (entry.whole) boxes.add(entry.box.id);
      else for (const folder of entry.folders) folders.add(folder.id);
    }
    return { boxIds: [...boxes], folderIds: [...folders] };
  }, [chosen, preset]);

  /** Puts what `change` makes of a box's entry in its place (null takes the box off). */
  const update = (box: BoxChoice, change: (entry: ChosenBox | undefined) => ChosenBox | null) =>
    setChosen((before) => {
      const at = before.findIndex((each) => each.box.id === box.id);
      const entry = change(at < 0 ? undefined : before[at]);
      if (at < 0) return entry ? [...before, entry] : before;
      return entry ? before.map((each, index) => (index === at ? entry : each)) : before.filter((_, index) => index !== at);
    });

  return {
    chosen,
    preset,
    open,
    openedByPerson,
    boxIds,
    folderIds,
    openBox: (box) => {
      setOpen(box);
      setOpenedByPerson(true);
    },
    setWhole: (box, whole) => update(box, () => (whole ? { box, whole: true } : null)),
    setFolder: (box, folder, on) =>
      update(box, (entry) => {
        const folders = entry && !entry.whole ? entry.folders.filter((each) => each.id !== folder.id) : [];
        if (on) folders.push(folder);
        folders.sort((a, b) => a.position - b.position);
        return folders.length > 0 ? { box, whole: false, folders } : null;
      }),
    dropPreset: () => setPreset(null),
  };
}

/** "Folder 2 “Elm Street permits” in box PW-001", the way the hold's page will list it. */
function folderWords(box: BoxChoice, folder: FolderChoice): string {
  return `Folder ${folder.position} “${folder.title}” in box ${box.name}`;
}

export function HoldRecordsPicker({ role, records }: { role: Role; records: HoldRecords }) {
  const findField = useRef<HTMLInputElement>(null);
  return (
    <fieldset className="plain-fieldset hold-records">
      <legend className="field-legend">Boxes and folders</legend>
      <p className="hint">Find a box, then hold it whole or tick single folders in it. You can choose folders from several boxes.</p>
      <BoxFinder role={role} records={records} field={findField} />
      {records.open && <OpenBox key={records.open.id} role={role} box={records.open} records={records} />}
      <ChosenRecords records={records} whenEmptyFocus={findField} />
    </fieldset>
  );
}

function BoxFinder({ role, records, field }: { role: Role; records: HoldRecords; field: RefObject<HTMLInputElement | null> }) {
  const [text, setText] = useState('');
  const words = useDebounced(text.trim(), FIND_DEBOUNCE_MS);
  const found = useQuery(() => findBoxes(role, words), [role, words]);
  const list = useRef<HTMLUListElement>(null);
  const listId = useId();
  const options = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
  const fresh = words === text.trim() && !found.loading;

  const onFieldKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      options()[0]?.focus();
    } else if (event.key === 'Enter') {
      // Enter in the finder opens the first box found: it never places the hold half-chosen.
      event.preventDefault();
      if (fresh) options()[0]?.click();
    }
  };
  const onOptionKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const all = options();
    const at = all.indexOf(event.currentTarget);
    const next = event.key === 'ArrowDown' ? all[at + 1] : (all[at - 1] ?? field.current);
    next?.focus();
  };
  const chosenWords = (box: BoxChoice) => {
    const entry = records.chosen.find((each) => each.box.id === box.id);
    if (!entry) return '';
    return entry.whole ? ' · chosen whole' : ` · ${plural(entry.folders.length, 'folder', 'folders')} chosen`;
  };

  const boxes = found.value?.boxes ?? [];
  return (
    <div className="hold-box-finder">
      <label className="field field-search">
        <span>Find a box</span>
        <input
          ref={field}
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onFieldKey}
          maxLength={200}
          autoComplete="off"
          aria-controls={listId}
          placeholder={role === 'department' ? 'Its label, e.g. PW-001' : 'Its label, its box id, or words of a folder'}
        />
      </label>
      <ErrorMessage error={found.error} />
      {found.value && boxes.length === 0 && (
        <p className="hint">{words ? `No box matches “${words}”.` : role === 'department' ? 'This catalog has no boxes yet.' : 'Nothing is held yet.'}</p>
      )}
      <ul ref={list} id={listId} className="hold-box-results" aria-label="Boxes found" hidden={boxes.length === 0}>
        {boxes.map((box) => (
          <li key={box.id}>
            <button
              type="button"
              className="hold-box-option"
              aria-pressed={records.open?.id === box.id}
              disabled={box.gone !== null}
              onClick={() => records.openBox(box)}
              onKeyDown={onOptionKey}
            >
              <span className="hold-box-label">Box {box.label}</span>{' '}
              <span className="muted">
                {box.details}
                {box.gone ? ` · ${box.gone}: nothing left to hold` : chosenWords(box)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {found.value?.more && <p className="hint">More boxes match than are listed: type more of the label.</p>}
    </div>
  );
}

function OpenBox({ role, box, records }: { role: Role; box: BoxChoice; records: HoldRecords }) {
  const folders = useQuery(() => foldersOfBox(role, box), [role, box.id]);
  const titleId = useId();
  const wholeBox = useRef<HTMLInputElement>(null);
  const entry = records.chosen.find((each) => each.box.id === box.id);
  const whole = entry?.whole ?? false;
  const ticked = new Set(entry && !entry.whole ? entry.folders.map((folder) => folder.id) : []);

  // Chosen from the finder, the box's own choices come next for a keyboard; the box a page opened with leaves focus on the name.
  useEffect(() => {
    if (records.openedByPerson) wholeBox.current?.focus();
    // Only when this box opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="hold-open-box" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>Box {box.name}</h3>
      <p className="hint">{box.details}</p>
      <label className="radio-line">
        <input ref={wholeBox} type="checkbox" checked={whole} onChange={(event) => records.setWhole(box, event.target.checked)} /> Hold the whole box{' '}
        {box.label} ({role === 'department' ? 'every folder in it, and any put in it later' : 'every folder in it'})
      </label>
      <fieldset className="plain-fieldset" disabled={whole}>
        <legend className="field-legend">{whole ? 'Its folders (all held with the box)' : 'Or only some of its folders'}</legend>
        {folders.error ? (
          <ErrorMessage error={folders.error} />
        ) : !folders.value ? (
          <p className="muted">Loading its folders…</p>
        ) : folders.value.length === 0 ? (
          <p className="hint">No folders are listed in this box: hold it whole.</p>
        ) : (
          <ul className="hold-folder-list">
            {folders.value.map((folder) => (
              <li key={folder.id}>
                <label>
                  <input type="checkbox" checked={whole || ticked.has(folder.id)} onChange={(event) => records.setFolder(box, folder, event.target.checked)} />
                  <span className="hold-folder-number">{folder.position}.</span>
                  <span>
                    {folder.title}
                    {folder.fileCode && <span className="muted"> · file code {folder.fileCode}</span>}
                    {folder.alreadyHeld && <span className="muted"> · already on hold</span>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </div>
  );
}

interface ChosenLine {
  key: string;
  words: string;
  remove: () => void;
}

function ChosenRecords({ records, whenEmptyFocus }: { records: HoldRecords; whenEmptyFocus: RefObject<HTMLInputElement | null> }) {
  const list = useRef<HTMLUListElement>(null);
  const [refocus, setRefocus] = useState<number | null>(null);
  const lines: ChosenLine[] = [];
  if (records.preset) {
    const { boxIds = [], folderIds = [], what } = records.preset;
    const counted = [boxIds.length ? plural(boxIds.length, 'whole box', 'whole boxes') : '', folderIds.length ? plural(folderIds.length, 'folder', 'folders') : ''];
    lines.push({ key: 'preset', words: what || counted.filter(Boolean).join(' and '), remove: records.dropPreset });
  }
  for (const entry of records.chosen) {
    if (entry.whole) lines.push({ key: `box:${entry.box.id}`, words: `Box ${entry.box.name} (whole box)`, remove: () => records.setWhole(entry.box, false) });
    else {
      for (const folder of entry.folders) {
        lines.push({ key: `folder:${folder.id}`, words: folderWords(entry.box, folder), remove: () => records.setFolder(entry.box, folder, false) });
      }
    }
  }

  // A removed line's button is gone: focus moves to the line that took its place (or the finder, when none is left).
  useEffect(() => {
    if (refocus === null) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
    (buttons.length > 0 ? buttons[Math.min(refocus, buttons.length - 1)] : whenEmptyFocus.current)?.focus();
    setRefocus(null);
  }, [refocus, lines.length, whenEmptyFocus]);

  if (lines.length === 0) return <p className="hint">No box or folder chosen.</p>;
  return (
    <div className="hold-chosen">
      <p className="field-legend">Chosen</p>
      <ul ref={list} aria-label="Boxes and folders chosen">
        {lines.map((line, index) => (
          <li key={line.key}>
            <span>{line.words}</span>
            <button
              type="button"
              className="button-link"
              aria-label={`Remove ${line.words.charAt(0).toLowerCase()}${line.words.slice(1)}`}
              onClick={() => {
                line.remove();
                setRefocus(index);
              }}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
