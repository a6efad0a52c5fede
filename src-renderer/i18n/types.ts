/** Types shared by the interface catalogues. */
import type { uk } from './uk';

/**
 * What each language must provide for a catalogue written first in Ukrainian (`as const`): the same
 * tree of keys as `T`, every text leaf a string, every function a function of the same parameters
 * returning a string. Each catalogue file is shaped
 * `export const uk = {…} as const; export const en: Strings<typeof uk> = {…};`.
 */
export type Strings<T> = {
  readonly [K in keyof T]: T[K] extends string
    ? string
    : T[K] extends (...args: infer A) => unknown
      ? (...args: A) => string
      : Strings<T[K]>;
};

/** The renderer's own catalogue shape (Ukrainian is the reference). */
export type Catalogue = Strings<typeof uk>;
