// Folders cut from one box's grid (Ctrl+X) wait here until pasted into another box's grid (Ctrl+V), which moves
// them. The clipboard carries their rows as text too, so a paste elsewhere (a spreadsheet) still gets the text; a
// paste into a grid moves them only when the clipboard still holds exactly what was cut.
export interface CutFolders {
  folderIds: number[];
  fromBoxId: number;
  fromLabel: string;
  text: string;
}

let cut: CutFolders | null = null;

export function rememberCut(folders: CutFolders): void {
  cut = folders;
}

/** The folders cut, if the pasted text is what was cut (else the paste is ordinary rows of text). */
export function cutMatching(text: string): CutFolders | null {
  return cut && cut.text === text ? cut : null;
}

export function forgetCut(): void {
  cut = null;
}
