/** Types shared by the interface catalogues. */
import type { uk } from './uk';

/** The same tree of keys as `T`, with every leaf a string: what each language must provide. */
export type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The renderer's own catalogue shape (Ukrainian is the reference). */
export type Catalogue = Strings<typeof uk>;
