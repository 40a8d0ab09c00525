// The receipt's last part: every box with its folders, titles and codes exactly as the department wrote them, so
// the paper copy alone is enough to ask for any folder back.
import type { Manifest, ManifestBox, ManifestFolder } from '../exchange/manifest';
import { MARGIN, PageWriter } from './pdf-layout';
import { keepTogether, wrapText } from './pdf-text';
import { cubicFeetText, spanText } from './receipt-text';
import { dispositionWaitText } from '../transfer/box-disposition';

const boxTitle = (box: ManifestBox) => `Box ${box.sequence} of ${box.of} · ${box.boxId}`;

function boxDetails(box: ManifestBox): string {
  return [
    `Label: ${box.label}`,
    box.itemNumbers.length > 0 ? `series ${box.itemNumbers.map(keepTogether).join(', ')}` : 'no series',
    `dates ${spanText(box.dateSpan.from, box.dateSpan.to)}`,
    cubicFeetText(box.cubicFeet),
    box.dispositionDate ? `${box.eligibleWhenSent ? 'eligible for disposition since' : 'may go from'} ${box.dispositionDate}` : box.dispositionWaitsFor ? dispositionWaitText[box.dispositionWaitsFor] : null,
    box.confidential ? 'confidential' : null,
    box.centerBoxNumber ? `center box ${box.centerBoxNumber}` : null,
    box.location ? `shelf ${box.location}` : null,
  ].filter((part): part is string => part !== null).join(' · ');
}

function folderTitle(folder: ManifestFolder): string {
  const marks = [
    folder.confidential ? '[confidential]' : null,
    folder.legalHold ? `[legal hold${folder.legalHoldReason ? `: ${folder.legalHoldReason}` : ''}]` : null,
  ].filter((mark): mark is string => mark !== null);
  return marks.length > 0 ? `${folder.title} ${marks.join(' ')}` : folder.title;
}

const folderDates = (folder: ManifestFolder) =>
  folder.beginDate || folder.endDate ? spanText(folder.beginDate, folder.endDate) : '—';

export function writeBoxList(writer: PageWriter, manifest: Manifest): void {
  writer.space(10);
  writer.heading('Box-by-box folder list', 15, 120);
  const count = manifest.boxes.length;
  writer.paragraph(count === 0
    ? `Transfer ${manifest.transfer.number} has no boxes yet.`
    : `${count === 1 ? 'The box' : `All ${count} boxes`} of transfer ${manifest.transfer.number}, with folder titles and file ` +
      'codes as your office wrote them.');
  writer.space(6);
  const { regular, bold } = writer.faces;
  for (const box of manifest.boxes) {
    const title = wrapText(bold, boxTitle(box), 11.5, writer.width);
    const details = wrapText(regular, boxDetails(box), 10, writer.width);
    // The box's title and details go on the page of its table's header and first row (see ensure).
    writer.keepWithNext(8 + title.length * writer.lineHeight(11.5) + details.length * writer.lineHeight(10) + 3, () => {
      writer.space(4);
      writer.rule();
      writer.space(4);
      for (const text of title) {
        writer.drawLine(text, MARGIN, 11.5, bold);
        writer.space(writer.lineHeight(11.5));
      }
      for (const text of details) {
        writer.drawLine(text, MARGIN, 10, regular);
        writer.space(writer.lineHeight(10));
      }
      writer.space(3);
    });
    if (box.folders.length === 0) {
      writer.paragraph('No folders are listed in this box.');
      continue;
    }
    writer.table(
      [{ header: 'No.', weight: 0.5, keepWhole: true }, { header: 'Title as written', weight: 3.9 },
        { header: 'File code', weight: 1.3, keepWhole: true }, { header: 'Dates', weight: 2.05, keepWhole: true },
        { header: 'Item', weight: 1.05, keepWhole: true }],
      box.folders.map((folder) => [String(folder.position), folderTitle(folder), keepTogether(folder.fileCode), folderDates(folder),
        keepTogether(folder.itemNumber ?? '—')]),
      { size: 10, continuedTitle: boxTitle(box) },
    );
  }
}
