// Folder tabs for the sample catalog, written the way a permits clerk writes them, one writer per record series.
// Everything draws on a seeded generator so the same seed always gives the same folders.
import { daysInMonth } from '../domain/partial-date';
import { addPeriod, dayAfter } from '../schedule/disposition';
import { pad } from '../domain/words';

/** Mulberry32: tiny, fast and good enough to shuffle sample data; never Math.random, so samples repeat. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability: number) => next() < probability,
    pick: <T>(choices: readonly T[]): T => choices[int(0, choices.length - 1)],
  };
}
export type SeededRandom = ReturnType<typeof seededRandom>;

/** What a series writer fills in; the builder adds position, schedule item and hold fields. */
export interface FolderDraft {
  title: string;
  fileCode: string;
  beginDate: string;
  endDate: string;
  eventDate: string;
  confidential: boolean;
  medium: 'paper' | 'mixed' | 'electronic';
  notes: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SURNAMES = ['Smith', 'Garcia', 'Nguyen', 'Johnson', 'Okafor', 'Lindqvist', 'Patel', 'Brown', 'Martinez', 'Kowalski',
  'Chen', 'Running Bear', "O'Neill", 'Haddad', 'Larsen', 'Whitfield', 'Romero', 'Takahashi', 'Dubois', 'Miller'];
const STREETS = ['Oak St.', 'Maple Ave.', 'River Rd.', 'Cedar Ln.', '3rd St.', 'Hillcrest Dr.', 'Mill St.', 'Elm St.',
  'Willow Way', 'Commerce Pkwy.', 'Birch Ct.', 'Lake St.', 'Fairview Ave.', 'Depot St.', 'Orchard Loop', 'N. Main St.'];
const WORK = ['addition', 'new SFR', 're-roof', 'deck', 'garage conversion', 'commercial TI', 'demolition', 'ADU',
  'solar PV', 'fence over 7 ft', 'retaining wall', 'sign', 'water heater', 'foundation repair', 'change of use'];
const VENDORS = ['Valley Asphalt Co.', 'Northside Electric', 'Hartwell Engineering', 'Riverton Concrete & Gravel',
  'Blue Heron Landscaping', 'Summit Traffic Control', 'Greer Plumbing', 'TriCounty Surveying'];
const PROJECTS = ['Mill St. resurfacing', 'sidewalk ADA ramps, Ph. 2', 'storm drain lining', 'permit software support',
  'plan review overflow', 'Depot St. signal upgrade', 'City Hall annex HVAC', 'street tree maintenance'];
const VIOLATIONS = ['inoperable vehicles', 'work without permit', 'overgrown vegetation', 'unsafe structure',
  'illegal dumping', 'sign in right-of-way', 'fence height'];
const POLICIES = ['Right-of-way excavation permits', 'Plan review turnaround', 'Fee waivers and refunds',
  'Inspection scheduling', 'After-hours emergency inspections', 'Permit expiration and extensions',
  'Records requests at the counter', 'Contractor registration'];
const CORRESPONDENTS = ['Riverton Heights HOA', 'State Building Codes Division', 'County Assessor', 'Fire Marshal',
  'Chamber of Commerce', 'Riverton School District', 'Council Member Alvarez'];

function dayIn(random: SeededRandom, year: number): string {
  const month = random.int(1, 12);
  return `${year}-${pad(month)}-${pad(random.int(1, daysInMonth(year, month)))}`;
}

const draft = (fields: Partial<FolderDraft> & Pick<FolderDraft, 'title' | 'fileCode'>): FolderDraft => ({
  beginDate: '',
  endDate: '',
  eventDate: '',
  confidential: false,
  medium: 'paper',
  notes: '',
  ...fields,
});

/** Running numbers a series uses (permit, case, contract, PO numbers), kept per year across boxes. */
export class SampleCounters {
  private readonly next = new Map<string, number>();
  private readonly lastDay = new Map<string, string>();
  take(key: string, random: SeededRandom, step = 1): number {
    const value = (this.next.get(key) ?? random.int(1, 40)) + random.int(1, step);
    this.next.set(key, value);
    return value;
  }
  /** Uses up a run of numbers (a folder holding PO 19-0301 to 19-0375). */
  skip(key: string, count: number): void {
    this.next.set(key, (this.next.get(key) ?? 0) + count);
  }
  /** A day a few days on from the last one drawn for this key, so numbers and dates rise together through a year. */
  nextDay(key: string, random: SeededRandom, year: number, maxStep: number): string {
    let day = this.lastDay.get(key) ?? `${year}-01-0${random.int(2, 9)}`;
    for (let step = random.int(0, maxStep); step > 0 && day < `${year}-12-31`; step -= 1) day = dayAfter(day);
    this.lastDay.set(key, day);
    return day;
  }
}

type SeriesWriter = (random: SeededRandom, year: number, counters: SampleCounters) => FolderDraft;

/** One writer per schedule item number; the item numbers are the sample schedule's. */
export const folderWriters: Record<string, SeriesWriter> = {
  'PW 2010': (random, year, counters) => {
    const number = `${year}-${pad(counters.take(`BP${year}`, random, 9), 4)}`;
    const title = `Permit ${number} — ${random.int(2, 49) * 10 + random.pick([0, 2, 4, 8])} ${random.pick(STREETS)} (${random.pick(WORK)})`;
    const fileCode = `BP-${number}`;
    if (random.chance(0.04)) return draft({ title, fileCode, beginDate: String(year), endDate: String(year), notes: 'Application form missing; year from permit stamp' });
    const applied = counters.nextDay(`BP${year}`, random, year, 3);
    const finaled = addPeriod(applied, 0, random.int(1, 10));
    const ending = random.next();
    return draft({
      title,
      fileCode,
      beginDate: applied,
      endDate: ending < 0.72 ? finaled : ending < 0.9 ? finaled.slice(0, 7) : '',
      medium: random.chance(0.08) ? 'mixed' : 'paper',
      notes: ending >= 0.9 ? 'No final inspection on file' : random.chance(0.06) ? 'Oversize plans rolled, in tube at end of box' : '',
    });
  },
  'PW 2015': (random, year, counters) => {
    const number = `${year}-${pad(counters.take(`BP${year}`, random, 9), 4)}`;
    const applied = counters.nextDay(`BP${year}`, random, year, 3);
    const expired = addPeriod(applied, 0, 6);
    const recorded = random.chance(0.88);
    return draft({
      title: `Withdrawn application ${number} — ${random.int(2, 49) * 10} ${random.pick(STREETS)} (${random.pick(WORK)})`,
      fileCode: `BP-${number}`,
      beginDate: applied,
      endDate: recorded ? expired : '',
      eventDate: recorded ? expired : '',
      notes: recorded ? '' : 'Expiration letter not in file; check permit system',
    });
  },
  'PW 2030': (random, year, counters) => {
    const month = random.int(1, 12);
    if (random.chance(0.5)) {
      return draft({ title: `Inspection log ${MONTHS[month - 1]} ${year}`, fileCode: `INS-${year}-${pad(month)}`, beginDate: `${year}-${pad(month)}`, endDate: `${year}-${pad(month)}` });
    }
    const permit = `${year}-${pad(counters.take(`INS${year}`, random, 30), 4)}`;
    const stage = random.pick(['final', 'framing', 'footing', 'insulation', 'reinspection']);
    const day = counters.nextDay(`INS${year}`, random, year, 3);
    return draft({ title: `Inspections — ${random.int(2, 49) * 10} ${random.pick(STREETS)} (${stage}, BP-${permit})`, fileCode: `INS-${permit}`, beginDate: day, endDate: day });
  },
  'PW 2050': (random, year, counters) => {
    const number = `CE-${year}-${pad(counters.take(`CE${year}`, random, 4), 3)}`;
    const opened = counters.nextDay(`CE${year}`, random, year, 8);
    const closed = addPeriod(opened, 0, random.int(1, 14));
    const isClosed = random.chance(0.75);
    return draft({
      title: `Case ${number} — ${random.int(1, 99)} ${random.pick(STREETS)} (${random.pick(VIOLATIONS)})`,
      fileCode: number,
      beginDate: opened,
      endDate: isClosed ? closed : '',
      eventDate: isClosed ? closed : '',
      confidential: random.chance(0.3),
      notes: isClosed ? '' : 'Case still open when boxed; closing date not recorded',
    });
  },
  'GS 1010': (random, year) => {
    if (random.chance(0.03)) return draft({ title: `Misc. correspondence ${year}`, fileCode: `ADM-COR-${year}`, beginDate: String(year), endDate: String(year) });
    if (random.chance(0.3)) {
      const index = random.int(0, CORRESPONDENTS.length - 1);
      return draft({ title: `Correspondence — ${CORRESPONDENTS[index]} ${year}`, fileCode: `ADM-COR-${year}-C${index + 1}`, beginDate: String(year), endDate: String(year) });
    }
    // The office filed correspondence by quarter until 2016, then by month.
    if (year < 2016) {
      const first = random.pick([1, 4, 7, 10]);
      return draft({
        title: `Correspondence ${MONTHS[first - 1]}–${MONTHS[first + 1]} ${year}`,
        fileCode: `ADM-COR-${year}-Q${(first + 2) / 3}`,
        beginDate: `${year}-${pad(first)}`,
        endDate: `${year}-${pad(first + 2)}`,
      });
    }
    const month = random.int(1, 12);
    return draft({ title: `Correspondence ${MONTHS[month - 1]} ${year}`, fileCode: `ADM-COR-${year}-${pad(month)}`, beginDate: `${year}-${pad(month)}`, endDate: `${year}-${pad(month)}` });
  },
  'GS 1001': (random, year) => {
    if (random.chance(0.6)) {
      const meeting = dayIn(random, year);
      return draft({ title: `PW Advisory Board — agenda, packet & minutes ${meeting}`, fileCode: `PWAB-${meeting.slice(0, 7)}`, beginDate: meeting, endDate: meeting });
    }
    const half = random.chance(0.5);
    return draft({
      title: `PW Advisory Board — minutes ${half ? 'Jan–Jun' : 'Jul–Dec'} ${year}`,
      fileCode: `PWAB-${year}-${half ? 'H1' : 'H2'}`,
      beginDate: `${year}-${half ? '01' : '07'}`,
      endDate: `${year}-${half ? '06' : '12'}`,
      medium: random.chance(0.2) ? 'mixed' : 'paper',
      notes: random.chance(0.2) ? 'Audio CD of meeting in sleeve' : '',
    });
  },
  'GS 1050': (random, year) => {
    // A policy box holds the superseded versions of many years, boxed together in the year named on the label.
    const number = random.int(1, POLICIES.length);
    const revised = random.int(year - 12, year);
    const adopted = dayIn(random, revised);
    const supersededOn = random.chance(0.7) ? dayIn(random, Math.min(revised + random.int(1, 4), 2023)) : '';
    return draft({
      title: `Policy PW-${number} ${POLICIES[number - 1]} (rev. ${revised})`,
      fileCode: `POL-PW-${pad(number)}`,
      beginDate: adopted,
      endDate: supersededOn,
      eventDate: supersededOn,
      notes: supersededOn ? '' : 'Superseded copy; date of new version not known',
    });
  },
  'GS 1030': (random, year, counters) => {
    const number = `C-${year}-${pad(counters.take(`C${year}`, random, 3))}`;
    const start = counters.nextDay(`C${year}`, random, year, 8);
    const completed = addPeriod(start, random.int(0, 2), random.int(2, 11));
    const known = random.chance(0.8);
    return draft({
      title: `Contract ${number} — ${random.pick(VENDORS)} (${random.pick(PROJECTS)})`,
      fileCode: `CON-${number.slice(2)}`,
      beginDate: start,
      endDate: completed,
      eventDate: known ? completed : '',
      notes: known ? '' : 'Final acceptance date to confirm with Engineering',
    });
  },
  'GS 2010': (random, year) => {
    const parts = ['budget worksheets', 'division requests', 'capital improvement requests', 'mid-year adjustments', 'year-end reconciliation'];
    const part = random.int(0, parts.length - 1);
    const fy = random.chance(0.7);
    return draft({
      title: `FY${year} ${parts[part]}`,
      fileCode: `BUD-FY${String(year).slice(2)}-${pad(part + 1)}`,
      beginDate: fy ? `FY${year}` : `${year - 1}-${pad(random.int(7, 12))}`,
      endDate: fy ? `FY${year}` : `${year}-${pad(random.int(1, 6))}`,
    });
  },
  'GS 2040': (random, year, counters) => {
    const yy = String(year).slice(2);
    const first = counters.take(`PO${year}`, random, 5);
    const last = first + random.int(20, 80);
    counters.skip(`PO${year}`, last - first);
    const month = Number(counters.nextDay(`PO${year}`, random, year, 9).slice(5, 7));
    // The department's fiscal year starts in July: orders from July on belong to the next FY.
    const fiscalYear = String(month >= 7 ? year + 1 : year).slice(2);
    return draft({
      title: `Purchase orders PO ${yy}-${pad(first, 4)} to ${yy}-${pad(last, 4)}`,
      fileCode: `PO-FY${fiscalYear}-${pad(month)}`,
      beginDate: `${year}-${pad(month)}`,
      endDate: `${year}-${pad(Math.min(12, month + random.int(0, 1)))}`,
    });
  },
  'GS 3010': (random, year) => {
    const hired = `${year - random.int(2, 20)}-${pad(random.int(1, 12))}`;
    const separated = dayIn(random, year);
    const known = random.chance(0.85);
    return draft({
      title: `${random.pick(SURNAMES)}, ${random.pick([...'ABCDEGJKLMNPRST'])}. — personnel`,
      fileCode: `PER-${random.int(1000, 1999)}`,
      beginDate: hired,
      endDate: separated,
      eventDate: known ? separated : '',
      confidential: true,
      notes: known ? '' : 'Separation date to confirm with HR',
    });
  },
};
