// How an import speaks of numbers, the same way in the history, the API's messages and the CLI.

/** "1 folder", "1,234 folders". */
export function count(total: number, singular: string, plural = `${singular}s`): string {
  return `${total.toLocaleString('en-US')} ${total === 1 ? singular : plural}`;
}
