// Box label ranges ("PW-001" to "PW-040", "Box 9" to "Box 12"): offices number their boxes, and "9 to 12" must
// mean 9, 10, 11, 12, not the text order that puts "10" before "9".

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural order of box labels: digits compare as numbers, case is ignored. */
export function compareLabels(a: string, b: string): number {
  return collator.compare(a.trim(), b.trim());
}

/** Whether `label` falls between `from` and `to` (inclusive, in either order) in natural label order. */
export function inLabelRange(label: string, from: string, to: string): boolean {
  const [low, high] = compareLabels(from, to) <= 0 ? [from, to] : [to, from];
  return compareLabels(label, low) >= 0 && compareLabels(label, high) <= 0;
}
