// Where the Place a legal hold dialog finds boxes and their folders, with the ids holds.create expects in each role:
// in a department its own boxes and folders (boxes.list, folders.list); at a records center the holding boxes and
// folders it keeps (center.search, which finds a box by its label, its barcode or words of its folders).
import type { HoldingFolderHit } from '../../../shared/api/contract-center';
import type { Role } from '../../../shared/api/contract-kit';
import type { Box, Folder } from '../../../shared/domain/types';
import { api } from '../api/client';
import { boxStatusLabels, formatDateRange, plural } from '../ui/format';

/** Boxes listed at once: a catalog has thousands, so the finder asks for more of the label rather than scrolling. */
const BOXES_SHOWN = 50;
const CENTER_PAGE = 500;
const FOLDERS_PAGE = 1000;

export interface BoxChoice {
  /** The department's box id, or the center's holding box id: what a hold scope's boxIds names in that role. */
  id: number;
  /** The box as a hold names it: the department's label; at a center, the label with its accession ("PW-001 (PW-2026-0042)"). */
  name: string;
  /** The label alone, as written on the box. */
  label: string;
  /** "3 folders · 2018 – 2019 · At records center", or the barcode, accession and department at a center. */
  details: string;
  /** Why nothing in it can be held any more ("destroyed"), or null. */
  gone: string | null;
  /** At a center, what lists its folders: its barcode and accession (a box the list did not name has no barcode). */
  boxCode: string | null;
  accessionNumber: string | null;
}

export interface FolderChoice {
  /** The department's folder id, or the center's holding folder id: what a hold scope's folderIds names. */
  id: number;
  position: number;
  title: string;
  fileCode: string;
  /** Already held by another hold (a department knows; the center's search does not say). */
  alreadyHeld: boolean;
}

export interface BoxesFound {
  boxes: BoxChoice[];
  /** More boxes match than are listed: type more of the label. */
  more: boolean;
}

function departmentBox(box: Box): BoxChoice {
  const gone = box.status === 'disposed' ? 'disposed of' : box.status === 'transferred-to-archives' ? 'transferred to the archives' : null;
  return {
    id: box.id,
    name: box.label,
    label: box.label,
    details: [plural(box.folderCount, 'folder', 'folders'), formatDateRange(box.dateFrom, box.dateTo), boxStatusLabels[box.status]].filter(Boolean).join(' · '),
    gone,
    boxCode: null,
    accessionNumber: null,
  };
}

function centerBox(hit: HoldingFolderHit): BoxChoice {
  const gone = hit.disposed ? (hit.disposed.action === 'destroyed' ? 'destroyed' : 'transferred to the archives') : null;
  return {
    id: hit.holdingBoxId,
    // The same words the hold's page and its preview use for a holding box.
    name: `${hit.boxLabel} (${hit.accessionNumber})`,
    label: hit.boxLabel,
    details: [hit.boxCode ? `box id ${hit.boxCode}` : '', `accession ${hit.accessionNumber}`, hit.departmentName, hit.location ?? ''].filter(Boolean).join(' · '),
    gone,
    boxCode: hit.boxCode,
    accessionNumber: hit.accessionNumber,
  };
}

/** Boxes whose label has these words (at a center also: whose barcode is this, or whose folders have these words). */
export async function findBoxes(role: Role, words: string): Promise<BoxesFound> {
  if (role === 'department') {
    const page = await api['boxes.list']({ offset: 0, limit: BOXES_SHOWN, filter: { query: words } });
    return { boxes: page.rows.map(departmentBox), more: page.total > page.rows.length };
  }
  // The center's search is over folders: a scanned or typed barcode finds its box exactly, words find boxes by label
  // or by their folders. Each box once, barcode hits first.
  const [byCode, byWords] = await Promise.all([
    words ? api['center.search']({ query: '', boxCode: words, offset: 0, limit: 1 }) : Promise.resolve(null),
    api['center.search']({ query: words, offset: 0, limit: CENTER_PAGE }),
  ]);
  const boxes = new Map<number, BoxChoice>();
  for (const hit of [...(byCode?.rows ?? []), ...byWords.rows]) {
    if (!boxes.has(hit.holdingBoxId)) boxes.set(hit.holdingBoxId, centerBox(hit));
  }
  const listed = [...boxes.values()];
  return { boxes: listed.slice(0, BOXES_SHOWN), more: listed.length > BOXES_SHOWN || byWords.total > byWords.rows.length };
}

/** Every folder of a box, in the box's order. */
export async function foldersOfBox(role: Role, box: BoxChoice): Promise<FolderChoice[]> {
  if (role === 'department') {
    const folders: Folder[] = [];
    for (;;) {
      const page = await api['folders.list']({ offset: folders.length, limit: FOLDERS_PAGE, filter: { query: '', boxId: box.id } });
      folders.push(...page.rows);
      if (page.rows.length === 0 || folders.length >= page.total) break;
    }
    return folders.map((folder) => ({ id: folder.id, position: folder.position, title: folder.title, fileCode: folder.fileCode, alreadyHeld: folder.dispositionStatus === 'on-hold' }));
  }
  // A box the list did not name (found extra at check-in) has no barcode and no folders described.
  if (box.boxCode === null || box.accessionNumber === null) return [];
  const hits: HoldingFolderHit[] = [];
  for (;;) {
    const page = await api['center.search']({ query: '', boxCode: box.boxCode, accessionNumber: box.accessionNumber, offset: hits.length, limit: CENTER_PAGE });
    hits.push(...page.rows);
    if (page.rows.length < CENTER_PAGE) break;
  }
  return hits
    .filter((hit) => hit.holdingBoxId === box.id)
    .sort((a, b) => a.position - b.position)
    .map((hit) => ({ id: hit.folderId, position: hit.position, title: hit.title, fileCode: hit.fileCode, alreadyHeld: false }));
}

/** A department's box by its id (the box page that opened the dialog names it so). */
export async function departmentBoxById(id: number): Promise<BoxChoice> {
  return departmentBox(await api['boxes.get']({ id }));
}
