// The column headings box lists and retention schedules use in the field, per meaning. Headings are compared after
// normalizeHeading, so "Box #", "Box No." and "BOX NUMBER" are one heading; within a field, earlier words are the
// stronger claim when two columns want the same meaning.
import type { InventoryField, ScheduleField } from './types';

const WORD_FORMS: Record<string, string> = {
  no: 'number', nbr: 'number', num: 'number', nr: 'number', desc: 'description', descr: 'description', dept: 'department',
};

/** Lower case, no accents or punctuation, "#"/"No."/"Nbr" as "number": "Box No." → "box number". */
export function normalizeHeading(heading: string): string {
  return heading
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[#№]/g, ' number ')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .map((word) => WORD_FORMS[word] ?? word)
    .join(' ');
}

const fileDescriptions = (n: number) => [`file description ${n}`, `description ${n}`, `folder description ${n}`, `file title ${n}`];

export const INVENTORY_HEADINGS: Record<InventoryField, string[]> = {
  boxNumber: [
    'box number', 'box', 'customer box number', 'customer box', 'agency box number', 'agency box numbers', 'department box number',
    'office box number', 'box id', 'box label', 'box numbers', 'carton', 'carton number', 'container', 'container number',
  ],
  barcode: ['barcode', 'bar code', 'box barcode', 'barcode number', 'item barcode', 'label barcode'],
  folderNumber: ['folder number', 'folder', 'file number', 'folder sequence', 'sequence', 'sequence number', 'seq', 'folder id', 'file folder number'],
  title: [
    'folder title', 'title', 'description', 'folder description', 'file description', 'file title', 'folder name', 'file name',
    'folder label', 'folder contents', 'subject', 'file folder title', 'record title', 'document title', 'description of records',
    'item description', 'folder tab', 'title of folder',
  ],
  boxTitle: ['box title', 'box description', 'box name'],
  contentsDescription: ['contents description', 'contents', 'box contents', 'description of contents', 'content description', 'contents of box'],
  fileDescription1: fileDescriptions(1),
  fileDescription2: fileDescriptions(2),
  fileDescription3: fileDescriptions(3),
  fileDescription4: fileDescriptions(4),
  fileCode: [
    'file code', 'code', 'file plan code', 'filing code', 'classification', 'classification code', 'department file code', 'file reference',
    'reference code', 'local code', 'office code', 'subject code',
  ],
  recordCode: ['record code', 'records code', 'record series code', 'records series code'],
  seriesNumber: [
    'series number', 'schedule item', 'schedule item number', 'item number', 'retention code', 'series id', 'series code', 'schedule number',
    'retention schedule number', 'retention schedule item', 'records retention schedule number', 'gs number', 'rrs number',
    'disposition authority', 'disposal authority', 'disposition authority number', 'authority number',
  ],
  seriesTitle: [
    'series title', 'record series', 'records series', 'series', 'series name', 'record series title', 'records series title',
    'series description', 'record type', 'records type', 'type of record', 'type of records', 'schedule title',
  ],
  beginDate: [
    'beginning date', 'begin date', 'begin', 'beginning', 'start date', 'start', 'from date', 'from', 'date from', 'earliest date',
    'opening date', 'open date', 'date opened', 'first date', 'start year', 'from year', 'begin year', 'beginning year',
  ],
  endDate: [
    'ending date', 'end date', 'end', 'ending', 'to date', 'to', 'date to', 'latest date', 'closing date', 'close date', 'closed date',
    'date closed', 'closed', 'last date', 'through', 'thru', 'end year', 'to year', 'ending year',
  ],
  dateRange: [
    'date range', 'dates', 'date span', 'inclusive dates', 'date', 'years', 'year', 'span', 'covering dates', 'date of records',
    'record dates', 'records dates', 'series dates', 'folder dates', 'file dates', 'box dates', 'date range of records',
  ],
  confidential: [
    'confidential', 'restricted', 'restriction code', 'restriction', 'restrictions', 'confidentiality', 'access restriction',
    'access restrictions', 'confidential y n', 'restricted y n', 'sensitive', 'contains pii', 'pii', 'private', 'security classification',
  ],
  notes: ['notes', 'note', 'remarks', 'remark', 'comments', 'comment', 'additional information', 'additional info', 'other information', 'memo'],
  dispositionDate: [
    'destruction date', 'disposition date', 'destroy date', 'disposal date', 'date of destruction', 'destruction eligibility date',
    'eligible destruction date', 'eligible for destruction', 'destroy on', 'destroy after', 'destroy by', 'scheduled destruction date',
    'disposition eligibility date', 'retention end date', 'destruction year', 'disposal year',
  ],
  triggerDate: ['retention trigger date', 'trigger date', 'trigger', 'retention trigger', 'event date', 'cutoff date', 'cut off date', 'retention start date'],
  reviewDate: ['review date', 'next review date', 'next review', 'review'],
  department: [
    'department', 'department name', 'division', 'agency', 'office', 'unit', 'owning department', 'program', 'section', 'bureau',
    'originating office', 'office of origin', 'department code',
  ],
  cubicFeet: [
    'cubic feet', 'cu ft', 'cuft', 'cubic ft', 'volume', 'volume cubic feet', 'volume cu ft', 'volume in cubic feet', 'cf', 'box size', 'size',
    'cubic footage',
  ],
  officeLocation: ['location', 'office location', 'current location', 'storage location', 'box location', 'shelf', 'room'],
};

export const SCHEDULE_HEADINGS: Record<ScheduleField, string[]> = {
  itemNumber: [
    'item number', 'schedule item number', 'schedule number', 'schedule item', 'item', 'records code', 'record code', 'series number',
    'series id', 'series code', 'item code', 'retention code', 'rule number', 'records series number', 'record series number', 'gs number',
    'rrs number', 'authority number', 'disposition authority number', 'code', 'number',
  ],
  seriesTitle: [
    'series title', 'title', 'record series', 'records series', 'record series title', 'records series title', 'series', 'series name',
    'record title', 'records title', 'record type', 'records type', 'record name', 'name', 'records', 'record',
  ],
  description: [
    'description', 'series description', 'record description', 'records description', 'description of records', 'scope', 'scope note',
    'scope and content', 'definition', 'explanation', 'contents', 'remarks', 'notes', 'comments',
  ],
  retention: [
    'retention', 'retention period', 'total retention', 'total retention period', 'retention requirement', 'retention requirements',
    'retention rule', 'minimum retention', 'retain', 'retention and disposition', 'retention disposition', 'retention period and disposition',
    'how long to keep', 'period', 'retention schedule',
  ],
  disposition: [
    'disposition', 'final disposition', 'disposition action', 'disposition instructions', 'disposition method', 'dispositions',
    'disposal action', 'disposal method', 'method of disposal', 'disposal', 'action',
  ],
  citation: [
    'citation', 'legal citation', 'authority', 'legal authority', 'citations', 'authorities', 'statute', 'statutes', 'statutory authority',
    'legal reference', 'reference', 'regulation', 'law', 'legal requirement', 'disposition authority', 'disposal authority',
  ],
};

export type HeadingKind = 'inventory' | 'schedule';

interface Synonym {
  field: string;
  rank: number;
}

function index(table: Record<string, string[]>): Map<string, Synonym> {
  const map = new Map<string, Synonym>();
  for (const [field, words] of Object.entries(table)) {
    words.forEach((word, rank) => {
      const key = normalizeHeading(word);
      if (!map.has(key)) map.set(key, { field, rank });
    });
  }
  return map;
}

export const HEADING_INDEX: Record<HeadingKind, Map<string, Synonym>> = {
  inventory: index(INVENTORY_HEADINGS),
  schedule: index(SCHEDULE_HEADINGS),
};
