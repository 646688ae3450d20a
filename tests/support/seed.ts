/** The seed as the tests read it: independent of the project's parser. */
import { readFileSync } from 'node:fs';

export const seedPath = new URL('../../seeds/deepseek-r1.txt', import.meta.url);
export const seedLines = readFileSync(seedPath, 'utf8').split('\n');

/** Collapses runs of white space, as a browser's text rendering does. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
