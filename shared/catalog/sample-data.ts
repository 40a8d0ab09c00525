// A realistic sample catalog for trying Transmittal: a fictional city's permits office with its records centers,
// retention schedule and boxes of folders. Deterministic: the same seed always gives the same catalog.
import type {
  BoxInput,
  BoxStatus,
  Department,
  DispositionAction,
  FolderInput,
  RecordsCenterInput,
  RetentionRule,
  ScheduleItemInput,
} from '../domain/types';
import { folderWriters, SampleCounters, seededRandom, type FolderDraft, type SeededRandom } from './sample-folders';

export type SampleFolder = FolderInput & { itemNumber: string };
/** A sample box may start at the records center: the story the sample tells, not something a person types. */
export type SampleBox = BoxInput & { status: BoxStatus; folders: SampleFolder[] };

export interface SampleCatalog {
  department: Department;
  recordsCenters: RecordsCenterInput[];
  scheduleItems: ScheduleItemInput[];
  boxes: SampleBox[];
}

export const DEFAULT_SAMPLE_SEED = 20_190_412;
const LAST_YEAR = 2021;

const department: Department = {
  name: 'City of Riverton — Department of Public Works, Permits Division',
  code: 'PW',
  address: 'Riverton City Hall, Room 204\n400 N. Main St.\nRiverton, OR 97000',
  contactName: 'Dana Whitfield, Permit Records Coordinator',
  contactPhone: '(541) 555-0142',
  contactEmail: 'permits.records@riverton.example',
  officialName: 'Marcus Oyelaran',
  officialTitle: 'Director of Public Works',
  fiscalYearStartMonth: 7,
};

const recordsCenters: RecordsCenterInput[] = [
  {
    name: 'Riverton Municipal Records Center',
    address: '2200 Industrial Pkwy., Building C\nRiverton, OR 97000',
    contactName: 'Marcus Lee, Records Center Supervisor',
    contactPhone: '(541) 555-0178',
    contactEmail: 'records.center@riverton.example',
    retrievalInstructions:
      'Email records.center@riverton.example or call (541) 555-0178. Quote the accession number, the box number ' +
      '(the center box number or your own label) and the folder title. Say whether you need the box back (temporary ' +
      'loan), a scan of the folder, or to review it at the center. Return loaned boxes within 30 days with the ' +
      'retrieval slip inside; never add new records to a returned box.',
    turnaround: 'Same afternoon by city courier if requested by 10 a.m.; otherwise the next working day',
    turnaroundWorkingDays: 1,
    deliveryOptions: ['box-returned', 'folder-returned', 'scan-on-demand', 'review-on-site', 'pickup'],
    dispositionNoticeDays: 90,
    lossPolicy:
      'The center reports any lost or damaged box to the department within one working day, searches for a lost box ' +
      'for ten working days, and pays for recovering damaged records; the city’s property insurance covers the rest.',
    acceptsMixedBoxes: false,
  },
  {
    name: 'Cascade Secure Records Storage (county contract)',
    address: '88 Quarry Rd., Unit 4\nMillbrook, OR 97001',
    contactName: 'Client Services',
    contactPhone: '(541) 555-0190',
    contactEmail: 'requests@cascade-records.example',
    retrievalInstructions:
      'Order through the county records office (ext. 2231) with the customer box number and folder title. Scans ' +
      'arrive by secure email link; boxes come back by the county van on Tuesdays and Fridays.',
    turnaround: 'Two working days; rush (4 hours) billed to the department',
    turnaroundWorkingDays: 2,
    deliveryOptions: ['box-returned', 'scan-on-demand'],
    dispositionNoticeDays: 90,
    lossPolicy: 'Liability is limited to $1.50 per box under the county contract (section 9); loss is reported within 48 hours.',
    acceptsMixedBoxes: true,
  },
];

const LOCAL = 'State General Records Retention Schedule for Local Government, item';
const PW = 'Riverton Public Works Records Retention Schedule (Res. 2016-44), item';

const period = (years: number, trigger: 'calendar-year' | 'fiscal-year'): RetentionRule => ({ kind: 'period', years, months: 0, trigger, eventName: '' });
const afterEvent = (years: number, eventName: string, months = 0): RetentionRule => ({ kind: 'period', years, months, trigger: 'event', eventName });

function item(itemNumber: string, title: string, rule: RetentionRule, retentionText: string, citation: string, description: string, disposition: DispositionAction = 'destroy'): ScheduleItemInput {
  return { itemNumber, title, description, rule, retentionText, disposition, citation };
}

const scheduleItems: ScheduleItemInput[] = [
  item('PW 2010', 'Building permit files', period(10, 'calendar-year'),
    'Retain 10 years after end of calendar year in which permit finaled, then destroy', `${PW} PW 2010`,
    'Applications, approved plans, permit card, correspondence and certificate of occupancy for issued permits.'),
  item('PW 2015', 'Permit applications, withdrawn or expired', afterEvent(1, 'application expired', 6),
    'Retain 18 months after application withdrawn or expired, then destroy', `${PW} PW 2015`,
    'Applications never issued: withdrawn by the applicant or expired without action.'),
  item('PW 2030', 'Building inspection reports and logs', period(6, 'calendar-year'), 'CY+6, then destroy', `${PW} PW 2030`,
    'Field inspection reports, correction notices and daily inspection logs.'),
  item('PW 2050', 'Code enforcement case files', afterEvent(3, 'case closed'),
    'Retain 3 years after case closed, then review for historical value', `${PW} PW 2050`,
    'Complaints, notices of violation, photographs and compliance records.', 'review'),
  item('GS 1010', 'General correspondence', period(3, 'calendar-year'),
    'Retain 3 years after end of calendar year, then destroy', `${LOCAL} GS 1010`,
    'Routine letters and email with the public and other agencies that are not part of a case or permit file.'),
  item('GS 1001', 'Advisory board minutes and agendas', { kind: 'permanent' },
    'Permanent; transfer to City Archives when no longer needed for reference', `${LOCAL} GS 1001; Riverton Municipal Code 2.12.080`,
    'Adopted minutes, agendas and meeting packets of the Public Works Advisory Board.', 'archives'),
  item('GS 1050', 'Policies and procedures', { kind: 'until-superseded', yearsAfter: 2 },
    'Retain until superseded + 2 years, then destroy', `${LOCAL} GS 1050`,
    'Division policies, procedures and directives, with revision history.'),
  item('GS 1030', 'Contracts and agreements', afterEvent(6, 'contract completed'),
    'Retain 6 years after contract completed or terminated, then destroy', `${LOCAL} GS 1030; ORS 12.080 (limitation of actions)`,
    'Executed contracts, amendments, insurance certificates and closeout documents.'),
  item('GS 2010', 'Budget preparation records', period(6, 'fiscal-year'),
    'Retain 6 years after end of fiscal year (FY+6), then destroy', `${LOCAL} GS 2010`,
    'Worksheets, division requests and reconciliations used to prepare the adopted budget.'),
  item('GS 2040', 'Purchase orders and requisitions', period(3, 'fiscal-year'),
    'FY+3 (department copy), then destroy', `${LOCAL} GS 2040`,
    'Department copies; the Finance Department keeps the record copy.'),
  item('GS 3010', 'Employee personnel files', afterEvent(6, 'employee separated'),
    'Retain 6 years after employee separated, then destroy securely', `${LOCAL} GS 3010`,
    'Division copies of hiring, evaluation and training records. Confidential.'),
];

/**
 * How often each series fills a box, the earliest year the office still holds, and how its folders are filed:
 * numbered files (permits, cases, contracts, budget parts) by file code, personnel by name, the rest by date.
 */
const seriesMix: Record<string, { weight: number; firstYear: number; filed: 'by-code' | 'by-name' | 'by-date' }> = {
  'PW 2010': { weight: 12, firstYear: 2011, filed: 'by-code' },
  'PW 2015': { weight: 2, firstYear: 2016, filed: 'by-code' },
  'PW 2030': { weight: 5, firstYear: 2015, filed: 'by-date' },
  'PW 2050': { weight: 3, firstYear: 2014, filed: 'by-code' },
  'GS 1010': { weight: 4, firstYear: 2013, filed: 'by-date' },
  'GS 1001': { weight: 1, firstYear: 2010, filed: 'by-date' },
  'GS 1050': { weight: 1, firstYear: 2012, filed: 'by-date' },
  'GS 1030': { weight: 3, firstYear: 2013, filed: 'by-code' },
  'GS 2010': { weight: 2, firstYear: 2014, filed: 'by-code' },
  'GS 2040': { weight: 3, firstYear: 2016, filed: 'by-code' },
  'GS 3010': { weight: 2, firstYear: 2012, filed: 'by-name' },
};

const OFFICE_LOCATIONS = ['Room 204, cabinet 3', 'Room 204, cabinet 4', 'Room 110 (permit counter), lateral file 2',
  'Basement storage B-12, shelf 4', 'Basement storage B-12, shelf 5', 'Room 206 workroom, under the plan table'];
const BOX_NOTES = ['Lid taped; box is full', 'Oversize plans in a separate tube labeled with this box number',
  'Water stain on one corner; contents dry', 'Folders moved here from the old permit counter files'];

function pickSeries(random: SeededRandom): string {
  const entries = Object.entries(seriesMix);
  let ticket = random.next() * entries.reduce((sum, [, mix]) => sum + mix.weight, 0);
  for (const [itemNumber, mix] of entries) {
    ticket -= mix.weight;
    if (ticket < 0) return itemNumber;
  }
  return entries[entries.length - 1][0];
}

function toFolder(draft: FolderDraft, itemNumber: string, position: number): SampleFolder {
  return { position, ...draft, scheduleItemId: null, legalHold: false, legalHoldReason: '', itemNumber };
}

/** Puts a box's folders in the order the office files them, and numbers repeated tabs "(1 of 2)" as clerks do. */
function fileFolders(drafts: FolderDraft[], filed: 'by-code' | 'by-name' | 'by-date'): FolderDraft[] {
  const ordered = [...drafts];
  const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  if (filed === 'by-name') ordered.sort((a, b) => natural(a.title, b.title));
  if (filed === 'by-code') ordered.sort((a, b) => natural(a.fileCode, b.fileCode));
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  if (filed === 'by-date') ordered.sort((a, b) => byText(a.beginDate, b.beginDate) || byText(a.title, b.title));
  // Same tab and same file code is one file in several folders; two people with one name keep their own codes.
  const fileOf = (draft: FolderDraft) => `${draft.title}\u0000${draft.fileCode}`;
  const total = new Map<string, number>();
  for (const draft of ordered) total.set(fileOf(draft), (total.get(fileOf(draft)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return ordered.map((draft) => {
    const count = total.get(fileOf(draft))!;
    if (count === 1) return draft;
    const part = (seen.get(fileOf(draft)) ?? 0) + 1;
    seen.set(fileOf(draft), part);
    return { ...draft, title: `${draft.title} (${part} of ${count})` };
  });
}

/** Two holds a permits office really sees: litigation over a contract, and an open-records request. */
function placeLegalHolds(boxes: SampleBox[], random: SeededRandom): void {
  const folders = boxes.flatMap((box) => box.folders);
  const holds = [
    { itemNumber: 'GS 1030', reason: 'Litigation: Valley Asphalt Co. v. City of Riverton, No. 21-CV-0192 (City Attorney)' },
    { itemNumber: 'PW 2010', reason: 'Public records request PRR-2023-118; hold until the request is closed' },
  ];
  for (const hold of holds) {
    const candidates = folders.filter((folder) => !folder.legalHold && folder.itemNumber === hold.itemNumber);
    const pool = candidates.length > 0 ? candidates : folders.filter((folder) => !folder.legalHold);
    if (pool.length === 0) return;
    const folder = random.pick(pool);
    folder.legalHold = true;
    folder.legalHoldReason = hold.reason;
  }
}

/** The sample catalog: 40 boxes of 15–40 folders by default; folders name their schedule item by its number. */
export function buildSampleCatalog(options: { boxes?: number; seed?: number } = {}): SampleCatalog {
  const boxCount = Math.max(0, Math.floor(options.boxes ?? 40));
  const random = seededRandom(options.seed ?? DEFAULT_SAMPLE_SEED);
  const counters = new SampleCounters();
  const itemNumbers = scheduleItems.map((item) => item.itemNumber);

  // Every series appears once before the mix takes over, so even a small sample shows every kind of rule.
  const plans = Array.from({ length: boxCount }, (_, index) => {
    const itemNumber = index < itemNumbers.length ? itemNumbers[index] : pickSeries(random);
    return { itemNumber, year: random.int(seriesMix[itemNumber].firstYear, LAST_YEAR) };
  });
  // The office numbers boxes by year as it fills them: PW-2017-01, PW-2017-02...
  plans.sort((a, b) => a.year - b.year);

  const boxesPerYear = new Map<number, number>();
  let mixedBoxPlaced = false;
  const boxes = plans.map((plan, index): SampleBox => {
    const sequence = (boxesPerYear.get(plan.year) ?? 0) + 1;
    boxesPerYear.set(plan.year, sequence);
    const write = folderWriters[plan.itemNumber];
    const drafts = Array.from({ length: random.int(15, 40) }, () => write(random, plan.year, counters));
    const folders = fileFolders(drafts, seriesMix[plan.itemNumber].filed).map((draft, at) => toFolder(draft, plan.itemNumber, at + 1));
    // Real boxes are not always pure: one correspondence box ends with two purchase-order folders filed there.
    if (!mixedBoxPlaced && plan.itemNumber === 'GS 1010') {
      mixedBoxPlaced = true;
      for (const at of [folders.length - 2, folders.length - 1]) {
        const misfiled = folderWriters['GS 2040'](random, plan.year, counters);
        folders[at] = toFolder({ ...misfiled, notes: 'Found filed with correspondence' }, 'GS 2040', at + 1);
      }
    }
    // The two oldest boxes went to the records center on paper, before the office used Transmittal.
    const sentEarlier = index < 2 && boxCount > 10;
    const personnel = plan.itemNumber === 'GS 3010';
    return {
      label: `PW-${plan.year}-${String(sequence).padStart(2, '0')}`,
      cubicFeet: random.chance(0.85) ? 1.2 : 1.0,
      officeLocation: sentEarlier ? '' : personnel ? 'Room 212, locked HR cabinet' : random.pick(OFFICE_LOCATIONS),
      status: sentEarlier ? 'at-records-center' : 'in-office',
      notes: sentEarlier
        ? `Sent on paper transmittal T-${plan.year + 3}-0${index + 31}; center accession ${plan.year + 3}-11${index + 4}`
        : random.chance(0.1) ? random.pick(BOX_NOTES) : '',
      folders,
    };
  });
  placeLegalHolds(boxes, random);

  return {
    department: { ...department },
    recordsCenters: recordsCenters.map((center) => ({ ...center, deliveryOptions: [...center.deliveryOptions] })),
    scheduleItems: scheduleItems.map((item) => ({ ...item, rule: { ...item.rule } })),
    boxes,
  };
}
