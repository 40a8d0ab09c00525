// Which box a row is and where it stands at the center, as the first columns of every box table on the center's
// disposition screens (the due list, the boxes left out, a notice's boxes), so each table reads a box the same way.
import type { DispositionBox } from '../../../shared/api/contract-disposition';
import { centerNumbers, seriesWords } from './center-words';

export function BoxColumnHeads() {
  return (
    <>
      <th scope="col">Box (the department’s label)</th>
      <th scope="col">Accession, center box</th>
      <th scope="col">Location</th>
      <th scope="col">Disposition date</th>
      <th scope="col">Series</th>
    </>
  );
}

export function BoxCells({ box }: { box: DispositionBox }) {
  return (
    <>
      <td>
        {box.boxLabel} <span className="muted">({box.boxCode})</span>
      </td>
      <td>{centerNumbers(box)}</td>
      <td>{box.location ?? 'No shelf recorded'}</td>
      <td>{box.dispositionDate}</td>
      <td>{seriesWords(box)}</td>
    </>
  );
}
