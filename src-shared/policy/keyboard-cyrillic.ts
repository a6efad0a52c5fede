/**
 * Keyboard-walk graphs for the Ukrainian and Russian ЙЦУКЕН layouts, derived from zxcvbn's qwerty
 * graph: the physical keys are the same, only the letters printed on them differ. With these graphs
 * zxcvbn's spatial matcher sees "йцукен" or "фівапролдж" as the walks they are.
 */
import type { OptionsGraph, OptionsGraphEntry } from '@zxcvbn-ts/core';

// The qwerty key (unshifted) → the letter on the same key. Digits and keys not listed stay as they are.
// prettier-ignore
const SHARED: Record<string, string> = {
  q: 'й', w: 'ц', e: 'у', r: 'к', t: 'е', y: 'н', u: 'г', i: 'ш', o: 'щ', p: 'з', '[': 'х',
  a: 'ф', d: 'в', f: 'а', g: 'п', h: 'р', j: 'о', k: 'л', l: 'д', ';': 'ж',
  z: 'я', x: 'ч', c: 'с', v: 'м', b: 'и', n: 'т', m: 'ь', ',': 'б', '.': 'ю',
};
const UKRAINIAN: Record<string, string> = { ...SHARED, s: 'і', ']': 'ї', "'": 'є' };
const RUSSIAN: Record<string, string> = { ...SHARED, s: 'ы', ']': 'ъ', "'": 'э' };

// The shifted twin of each qwerty punctuation key we remap, so "[{" and "{" resolve to the same key.
const SHIFTED_PUNCTUATION: Record<string, string> = {
  '{': '[',
  '}': ']',
  ':': ';',
  '"': "'",
  '<': ',',
  '>': '.',
};

function mapKeyCap(keyCap: string, layout: Record<string, string>): string {
  // A key cap is "xX" (unshifted, shifted): map both halves through the unshifted key.
  const unshifted = keyCap[0] ?? '';
  const letter = layout[unshifted.toLowerCase()] ?? layout[SHIFTED_PUNCTUATION[unshifted] ?? ''];
  return letter === undefined ? keyCap : letter + letter.toUpperCase();
}

function deriveGraph(qwerty: OptionsGraphEntry, layout: Record<string, string>): OptionsGraphEntry {
  const graph: OptionsGraphEntry = {};
  for (const [key, neighbours] of Object.entries(qwerty)) {
    const mapped = neighbours.map(cap => (cap === null ? null : mapKeyCap(cap, layout)));
    const cap = mapKeyCap(key, layout);
    // Register the unshifted and shifted characters of the key, as the qwerty graph does.
    for (const character of new Set(cap.split(''))) {
      if (graph[character] === undefined) graph[character] = mapped;
    }
  }
  return graph;
}

/** Builds the `ukrainian` and `russian` adjacency graphs from zxcvbn's qwerty graph. */
export function cyrillicGraphs(qwerty: OptionsGraphEntry): OptionsGraph {
  return { ukrainian: deriveGraph(qwerty, UKRAINIAN), russian: deriveGraph(qwerty, RUSSIAN) };
}
