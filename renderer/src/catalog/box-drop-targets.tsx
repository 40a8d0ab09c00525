// Drag and drop for moving folders: rows dragged by their number cell are dropped on one of these boxes. The
// keyboard way to the same move is "Move to box…" (and cut and paste); this list is for the mouse.
import { useState } from 'react';
import type { Box } from '../../../shared/domain/types';
import { api } from '../api/client';
import { useQuery } from '../api/use-api';

/** The drag's data type: the folder ids, as JSON. */
export const FOLDER_DRAG_TYPE = 'application/x-transmittal-folders';

export function BoxDropTargets({ currentBoxId, onDropFolders }: { currentBoxId: number; onDropFolders: (folderIds: number[], box: Box) => void }) {
  const [query, setQuery] = useState('');
  const [over, setOver] = useState<number | null>(null);
  const boxes = useQuery(() => api['boxes.list']({ filter: { query }, offset: 0, limit: 9 }), [query]);
  const targets = (boxes.value?.rows ?? []).filter((box) => box.id !== currentBoxId && box.lockedReason === null).slice(0, 8);

  return (
    <section className="box-drop-targets" aria-label="Move folders by dragging">
      <p className="hint">Drag folders by their number onto a box to move them there.</p>
      <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="Find a box" aria-label="Find a box to drop on" />
      <ul>
        {targets.map((box) => (
          <li
            key={box.id}
            data-drop-box={box.label}
            className={over === box.id ? 'is-drop-target' : undefined}
            onDragOver={(event) => {
              if (!event.dataTransfer.types.includes(FOLDER_DRAG_TYPE)) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = 'move';
              setOver(box.id);
            }}
            onDragLeave={() => setOver((current) => (current === box.id ? null : current))}
            onDrop={(event) => {
              event.preventDefault();
              setOver(null);
              const ids = JSON.parse(event.dataTransfer.getData(FOLDER_DRAG_TYPE) || '[]') as unknown;
              if (Array.isArray(ids) && ids.every((id) => Number.isInteger(id))) onDropFolders(ids as number[], box);
            }}
          >
            Box {box.label}
          </li>
        ))}
        {boxes.value && targets.length === 0 && <li className="muted">No other box {query ? `matches “${query}”` : 'can take folders'}.</li>}
      </ul>
    </section>
  );
}
