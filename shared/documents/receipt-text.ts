// The receipt's words: plain-language answers to a department's fears ("can I get it back?", "will they throw it
// away?"), filled in with this transfer's facts. Kept apart from the layout so the wording is easy to review.
import type { Manifest, ManifestBox, ManifestFolder, ManifestScheduleItem } from '../exchange/manifest';
import { count } from '../domain/words';
import { keepTogether } from './pdf-text';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 1, 2026" from an ISO timestamp or date, read in UTC so the same manifest always prints the same day. */
export function humanDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const date = new Date(iso.length > 10 ? iso : `${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}

/** A span of dates as written: "2015 – 2019-03", one date when both ends agree, "no dates" when there are none. */
export function spanText(from: string | null | undefined, to: string | null | undefined): string {
  const start = from || to;
  const end = to || from;
  if (!start || !end) return 'no dates';
  return start === end ? start : `${start} – ${end}`;
}

export const plural = (total: number, one: string, many: string) => count(total, one, many);

/** An address written on several lines, on one line. */
export const oneLine = (text: string) => text.split(/\r\n|\r|\n/).map((part) => part.trim()).filter(Boolean).join(', ');

export function contactLine(name: string, phone: string, email: string): string {
  return [name, phone, email].filter((part) => part.trim() !== '').join(' · ') || 'no contact given';
}

export function cubicFeetText(value: number): string {
  return `${Number(value.toFixed(2)).toLocaleString('en-US')} cubic ${value === 1 ? 'foot' : 'feet'}`;
}

export const actionText: Record<ManifestScheduleItem['disposition'], string> = {
  destroy: 'Destroy (securely if confidential)',
  archives: 'Transfer to the archives',
  review: 'Review before deciding',
};

export interface SeriesLine {
  item: ManifestScheduleItem;
  folders: number;
  boxes: number;
  /** Earliest disposition date (ISO) among this series' folders in the transfer, or null when none has one. */
  earliest: string | null;
  onHold: number;
}

/** The schedule items of this transfer with their folder counts and earliest disposition dates. */
export function seriesLines(manifest: Manifest): SeriesLine[] {
  return manifest.scheduleItems.map((item) => {
    const boxes = new Set<ManifestBox>();
    let folders = 0;
    let onHold = 0;
    let earliest: string | null = null;
    for (const box of manifest.boxes) {
      for (const folder of box.folders) {
        if (folder.itemNumber !== item.itemNumber) continue;
        boxes.add(box);
        folders += 1;
        if (folder.legalHold) onHold += 1;
        if (folder.dispositionDate && (earliest === null || folder.dispositionDate < earliest)) earliest = folder.dispositionDate;
      }
    }
    return { item, folders, boxes: boxes.size, earliest, onHold };
  });
}

export function earliestText(line: SeriesLine): string {
  if (line.item.rule.kind === 'permanent' || (line.item.disposition === 'archives' && line.earliest === null)) return 'Never destroyed (permanent)';
  if (line.earliest) return line.earliest;
  if (line.item.rule.kind === 'until-superseded') {
    const years = line.item.rule.yearsAfter ?? 0;
    return years > 0 ? `${plural(years, 'year', 'years')} after superseded` : 'When superseded';
  }
  if (line.item.rule.kind === 'period' && line.item.rule.trigger === 'event') {
    return `After the event (${line.item.rule.eventName || 'see schedule'})`;
  }
  return 'Not yet known';
}

export function allFolders(manifest: Manifest): ManifestFolder[] {
  return manifest.boxes.flatMap((box) => box.folders);
}

const deliveryExplained: Record<Manifest['recordsCenter']['deliveryOptions'][number], string> = {
  'box-returned': 'Temporary loan: the box comes to you, and you send it back when you are done; it goes back on its shelf.',
  'folder-returned': 'One folder: the folder you name comes to you on loan, and goes back in its box when you return it.',
  'review-on-site': 'Review on site: come to the records center and look at the records there.',
  'scan-on-demand': 'Copy or scan on demand: the center sends you copies of the folder or pages you name.',
  pickup: 'Pick up: collect the box at the records center yourself.',
};

export function retrievalOptions(manifest: Manifest): string[] {
  const offered = manifest.recordsCenter.deliveryOptions.map((option) => deliveryExplained[option]);
  return [
    ...offered,
    'Permanent withdrawal: the records come back to you for good and leave the center. A withdrawn record only ' +
      'goes back to the records center as part of a new transfer.',
  ];
}

export function whereTheyGo(manifest: Manifest): string[] {
  const { department, recordsCenter } = manifest;
  const address = oneLine(recordsCenter.address);
  return [
    `Your boxes go to ${recordsCenter.name}${address ? `, ${address}` : ''}.`,
    `They stay in the legal custody of ${department.name}. The records center stores them and acts for you; it does ` +
      'not own them and does not decide what happens to them.',
    'After check-in, each box gets a shelf location. The center then sends you an acknowledgment with its box numbers ' +
      'and locations, which updates your catalog, so you always know where each box is.',
  ];
}

export function howToGetBack(manifest: Manifest): string[] {
  const { transfer, recordsCenter: center } = manifest;
  const example = manifest.boxes[0];
  const quote =
    `What to quote: transfer number ${transfer.number}, the box id` +
    (example ? ` (for example ${example.boxId}, box ${example.sequence} of ${example.of})` : '') +
    ', and for a single folder its folder number and title as written.';
  const days = center.turnaroundWorkingDays;
  // Only the center's own word is printed as its commitment; a DRAFT may show what it has not stated yet.
  const turnaround = center.turnaround.trim() || 'not stated by the center';
  return [
    quote,
    `How to ask: ${center.retrievalInstructions.trim() || 'not stated by the center.'}`,
    `Contact: ${center.name}: ${contactLine(center.contactName, center.contactPhone, center.contactEmail)}.`,
    `Turnaround: ${turnaround}${days === null ? ' (working days not stated by the center)' : ` (${plural(days, 'working day', 'working days')} at most)`}.`,
    ...(center.lossPolicy.trim() ? [`If a box is lost or damaged in the center’s care: ${center.lossPolicy.trim()}`] : []),
  ];
}

export function destructionNotes(manifest: Manifest, lines: SeriesLine[]): string[] {
  const { recordsCenter: center, department } = manifest;
  const folders = allFolders(manifest);
  const onHold = folders.filter((folder) => folder.legalHold).length;
  const permanent = lines.filter((line) => line.item.disposition === 'archives' || line.item.rule.kind === 'permanent');
  const unscheduled = folders.filter((folder) => folder.dispositionStatus === 'no-schedule' || folder.dispositionStatus === 'undated').length;
  const eligible = manifest.boxes.filter((box) => box.eligibleWhenSent);
  const upcoming = manifest.boxes.length - eligible.length;
  return [
    ...(upcoming > 0
      ? [`${center.name} sends ${department.name} a written notice ${center.dispositionNoticeDays === null ? '(its notice period is not stated yet)' : plural(center.dispositionNoticeDays, 'day', 'days')} before ` +
          `${eligible.length > 0 ? 'any other box' : 'a box'} reaches its date.`]
      : []),
    // A past date gets no promise of a future notice: what is true for those boxes is said instead.
    ...(eligible.length > 0
      ? [`${eligible.length === 1 ? 'Box' : 'Boxes'} ${eligible.map((box) => `${box.sequence} (${box.label}, eligible since ${box.dispositionDate})`).join(', ')} ` +
          `${eligible.length === 1 ? 'was' : 'were'} already eligible for destruction when sent. ` +
          `${manifest.transfer.eligibleReason ? `Reason given for sending ${eligible.length === 1 ? 'it' : 'them'}: ${sentence(manifest.transfer.eligibleReason)} ` : ''}` +
          `${center.name} asks ${department.name} before destroying ${eligible.length === 1 ? 'it' : 'them'}.`]
      : []),
    'Nothing is destroyed without your written approval. You can approve, refuse with a reason, or ask for more time.',
    onHold > 0
      ? `${plural(onHold, 'folder is', 'folders are')} on legal hold. A folder on legal hold is never destroyed while the hold lasts.`
      : 'No folder in this transfer is on legal hold. Folders put on legal hold later are never destroyed while the hold lasts.',
    permanent.length > 0
      ? `Permanent records (${permanent.map((line) => keepTogether(line.item.itemNumber)).join(', ')}) are never destroyed: they go to the archives.`
      : 'Permanent records are never destroyed: they go to the archives.',
    ...(unscheduled > 0 ? [`${plural(unscheduled, 'folder has', 'folders have')} no disposition date yet and will not be destroyed until one is set.`] : []),
  ];
}

/** The event a series' retention waits for, in words: "employee separated", "superseded". */
function eventOf(item: ManifestScheduleItem): string | null {
  if (item.rule.kind === 'until-superseded') return 'superseded';
  if (item.rule.kind === 'period' && item.rule.trigger === 'event') return item.rule.eventName?.trim() || 'the event the schedule names';
  return null;
}

/**
 * Who reports the event a series waits for, and how. The center cannot see a case close or a permit expire: the
 * department records the date, and the center learns it only from the department's amendments file.
 */
export function eventOwnership(manifest: Manifest): string[] {
  const { department, recordsCenter: center } = manifest;
  return manifest.scheduleItems.flatMap((item) => {
    const event = eventOf(item);
    if (event === null) return [];
    const folders = allFolders(manifest).filter((folder) => folder.itemNumber === item.itemNumber);
    if (folders.length === 0) return [];
    const waiting = folders.filter((folder) => folder.dispositionStatus === 'awaiting-event').length;
    return [
      `${keepTogether(item.itemNumber)} ${item.title} (${item.retentionText || 'retention counted from an event'}): the clock starts when ${event}. ` +
        `${department.name} reports that date: it records it as the folder’s event date in its catalog and sends ` +
        `${center.name} the amendments file. ` +
        (waiting > 0
          ? `Until then ${plural(waiting, 'folder waits', 'folders wait')}, ${waiting === 1 ? 'its box waits' : 'their boxes wait'}, and nothing is destroyed.`
          : 'The event dates of these folders were recorded before sending.'),
    ];
  });
}

/** Access restrictions as the department stated them, and how many folders are marked confidential. */
export function restrictionsText(manifest: Manifest): string {
  const confidential = allFolders(manifest).filter((folder) => folder.confidential).length;
  const stated = manifest.transfer.accessRestrictions.trim();
  const marked = confidential > 0 ? `${plural(confidential, 'folder is', 'folders are')} marked confidential.` : '';
  if (stated) return [sentence(stated), marked].filter(Boolean).join(' ');
  return confidential > 0 ? `${marked} No further restriction stated.` : 'None stated.';
}

export const FINGERPRINT_MEANING =
  'This is the SHA-256 fingerprint of manifest.json, the list of everything in this transfer. Both sides hold the ' +
  'same manifest: anyone can compute this number again from their copy, and any change to the manifest, however ' +
  'small, changes this number. The QR code holds the transfer number and this fingerprint.';

/** A reason as one sentence: its own closing mark kept, a full stop added only when it has none. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
