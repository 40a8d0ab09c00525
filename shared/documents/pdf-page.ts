// The page every document is printed on, and its inks: US Letter with 0.75" margins, near-black text.
import { rgb } from 'pdf-lib';

export const LETTER: [number, number] = [612, 792];
export const MARGIN = 54;
/** Body text size: readable at 100% zoom. */
export const BODY_SIZE = 10.5;
export const INK = rgb(0.1, 0.1, 0.1);
export const MUTED = rgb(0.35, 0.35, 0.35);
export const RULE = rgb(0.75, 0.75, 0.75);
