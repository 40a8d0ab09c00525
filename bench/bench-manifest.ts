// The manifests the center benches take in: a department's transfer of `boxes` boxes of 25 folders, titled from a
// small vocabulary so word searches hit a known share of them. Undated unless the bench gives each box a disposition
// date (then every folder of the box carries it under schedule item GS 1010, CY+6, destroy).
import { manifestFingerprint } from '../electron/exchange/fingerprint';
import type { IntakeSource } from '../electron/center/read-intake-source';
import { MANIFEST_FORMAT, type Manifest } from '../shared/exchange/manifest';

export const FOLDERS_PER_BOX = 25;
export const WORDS = ['permits', 'minutes', 'payroll', 'contracts', 'zoning', 'oak', 'elm', 'maple', 'street', 'appeal', 'audit', 'grant'];

const GS_1010: Manifest['scheduleItems'][number] = {
  itemNumber: 'GS 1010', title: 'Building permits', description: '', retentionText: 'CY+6', rule: { kind: 'period', years: 6, months: 0, trigger: 'calendar-year' },
  disposition: 'destroy', citation: 'State Records Act §12',
};

export interface BenchTransfer {
  department: number;
  /** The transfer's number within the department and year: "D05-2026-001". */
  transfer: number;
  year: number;
  boxes: number;
  /** Each box's disposition date, by its index; null or absent leaves the boxes undated. */
  dispositionDate?: (boxIndex: number) => string | null;
  /** Every tenth box confidential. */
  someConfidential?: boolean;
}

export function benchManifest(spec: BenchTransfer): Manifest {
  const { boxes } = spec;
  const code = `D${String(spec.department).padStart(2, '0')}`;
  const number = `${code}-${spec.year}-${String(spec.transfer).padStart(3, '0')}`;
  const dated = spec.dispositionDate !== undefined;
  return {
    format: MANIFEST_FORMAT,
    transfer: {
      number, createdAt: `${spec.year}-01-05T10:00:00.000Z`, sentAt: `${spec.year}-01-06T10:00:00.000Z`, notes: '', eligibleReason: '', accessRestrictions: '',
      totals: { boxes, folders: boxes * FOLDERS_PER_BOX, cubicFeet: boxes * 1.2 }, dateSpan: { from: '2015', to: '2019' },
    },
    department: {
      name: `Department ${code}`, code, address: '', contactName: '', contactPhone: '', contactEmail: '', fiscalYearStartMonth: 7, officialName: '', officialTitle: '',
    },
    recordsCenter: {
      name: 'City Records Center', address: '', contactName: '', contactPhone: '', contactEmail: '', retrievalInstructions: '', turnaround: '',
      turnaroundWorkingDays: 1, deliveryOptions: [], dispositionNoticeDays: 90, lossPolicy: '', acceptsMixedBoxes: false,
    },
    scheduleItems: dated ? [GS_1010] : [],
    boxes: Array.from({ length: boxes }, (_, index) => {
      const date = spec.dispositionDate?.(index) ?? null;
      return {
        boxId: `${number}-${String(index + 1).padStart(boxes > 999 ? 4 : 3, '0')}`, sequence: index + 1, of: boxes, label: `${code}-${index + 1}`, cubicFeet: 1.2, officeLocation: '',
        itemNumbers: dated ? ['GS 1010'] : [], dateSpan: { from: '2015', to: '2019' }, dispositionDate: date, dispositionWaitsFor: date === null ? ('no-schedule' as const) : null,
        eligibleWhenSent: false, confidential: spec.someConfidential === true && index % 10 === 0, centerBoxNumber: null, location: null,
        folders: Array.from({ length: FOLDERS_PER_BOX }, (_, position) => ({
          position: position + 1, title: `${WORDS[(index + position) % WORDS.length]} ${WORDS[(index * 7 + position) % WORDS.length]} file ${index}.${position}`,
          fileCode: `FC-${position}`, itemNumber: dated ? 'GS 1010' : null, beginDate: '2015', endDate: '2019', eventDate: '', beginPrecision: 'year' as const, endPrecision: 'year' as const,
          confidential: false, medium: 'paper' as const, notes: '', legalHold: false, legalHoldReason: '', dispositionDate: date,
          dispositionStatus: date === null ? ('no-schedule' as const) : ('scheduled' as const),
        })),
      };
    }),
    electronicItems: [],
  };
}

/** The manifest as the core's intake reads it from a file (the package check is the verify bench's). */
export function intakeSource(manifest: Manifest): IntakeSource {
  return { source: 'manifest', text: JSON.stringify(manifest), received: manifest, view: manifest, fingerprint: manifestFingerprint(manifest), warnings: [] };
}
