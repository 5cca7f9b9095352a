/**
 * What every reader of a schema shares (`schemaReader.ts` builds them as closures, `readerCode.ts`
 * as code): the answer `MISS`, the kinds of readers, and where readers written as code are
 * installed. A module of its own so that the code writer is imported only by the entries that
 * install it.
 */

/** What a reader answers when it cannot vouch for a value: zod itself must read it. */
export const MISS: unique symbol = Symbol('miss');

/**
 * Reads a value as a schema would, or answers `MISS`.
 *
 * @example
 * const read: Read = (v) => (typeof v === 'string' ? v : MISS);
 */
export type Read = (value: unknown) => unknown;

/**
 * One field of an object shape, with the reader of its value.
 *
 * @example
 * const field: FieldReader = { key: 'days', read: (v) => v, mustHave: true };
 */
export interface FieldReader {
  readonly key: string;
  readonly read: Read;
  /** False only when the field may be absent (optional in and out). */
  readonly mustHave: boolean;
}

/**
 * Readers written as code per schema node (`readerCode.ts`): installed by the entries for server
 * runtimes (`src/index.node.ts`, the command line, `ultimatum/pg-boss`), so that no browser bundle
 * carries them; elsewhere the readers are closures.
 *
 * @example
 * import * as readerCode from './readerCode.js'; useReaderCode(readerCode);
 */
export interface ReaderCode {
  mayGenerate(): boolean;
  objectCode(fields: readonly FieldReader[]): Read;
  itemsCode(read: Read): Read;
  checkedCode(read: Read, checks: readonly ((value: unknown) => boolean)[]): Read;
  optionalCode(read: Read): Read;
  firstOfCode(reads: readonly Read[]): Read;
}

let installed: ReaderCode | undefined;

/**
 * Installs the readers written as code (see `ReaderCode`); readers made from then on use them where
 * `mayGenerate()` allows.
 *
 * @example
 * useReaderCode(readerCode);
 */
export function useReaderCode(code: ReaderCode): void {
  installed = code;
}

/**
 * The readers written as code, if an entry installed them.
 *
 * @example
 * installedReaderCode()?.mayGenerate() //=> true under Node, through src/index.node.ts
 */
export function installedReaderCode(): ReaderCode | undefined {
  return installed;
}
