// Messages the application menu sends to the window, for menu items whose work happens in the UI. Pure and
// dependency-free: the sandboxed preload bundles it and main imports the same list, so both agree on the names.
export const MENU_COMMAND_CHANNEL = 'menu-command';

export const menuCommands = [
  /** Show the "new catalog" form. */
  'catalog.new',
  /** Start building the sample catalog (the UI follows its job). */
  'catalog.openSample',
  'catalog.save',
  /** Save the open catalog under a new name (after a failed save, or from the menu). */
  'catalog.saveAs',
  /** Close the catalog (the UI asks first when there are unsaved changes). */
  'catalog.close',
  /** Main opened a catalog the user chose in the file dialog: reload everything shown. */
  'catalog.opened',
] as const;

export type MenuCommand = (typeof menuCommands)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (menuCommands as readonly string[]).includes(value);
}

/** What the preload adds to window.transmittal next to the API calls. */
export interface DesktopEvents {
  /** Calls back for each menu command; returns the function that stops listening. */
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
}
