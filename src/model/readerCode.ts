import { globalConfig } from 'zod/v4/core';
import { isPlainObject } from './plainObject.js';
import { type FieldReader, MISS, type Read } from './readers.js';

/**
 * Whether readers may be generated as code of their own: only where no page can see the attempt
 * (a server runtime without a DOM: a browser reports even a caught `new Function` to the page's
 * Content-Security-Policy endpoint), and not when zod is told to stay `jitless`. Asked once per
 * schema read (the readers are made once).
 *
 * @example
 * mayGenerate() //=> true under Node
 */
export function mayGenerate(): boolean {
  const g = globalThis as { process?: { versions?: { node?: unknown } }; document?: unknown };
  if (typeof g.process?.versions?.node !== 'string' || g.document !== undefined || globalConfig.jitless === true) return false;
  try {
    return typeof new Function('return 1')() === 'number';
  } catch {
    // --disallow-code-generation-from-strings: the readers stay closures.
    return false;
  }
}

/**
 * A function made from `body` with `names` bound to `values`. Made per schema node, each reader
 * has call sites of its own that V8 sees calling one function each (and inlines), where one closure
 * shared by every node sees all of them.
 */
function generated(names: readonly string[], values: readonly unknown[], body: string): Read {
  return new Function('MISS', ...names, `"use strict";return function read(v){${body}}`)(MISS, ...values) as Read;
}

const lit = (key: string) => JSON.stringify(key);

/** Bits per word of the mask of keys found: 30 keep each word a small integer. */
const BITS = 30;

/**
 * A strict object's reader as code: every key enumerated (inherited ones too, as zod's strict
 * check sees them) must be a field, and is marked in a mask; then each field is read once and its
 * value read, in the shape's order, into a new object, as zod reads it (`v[key]`, inherited or
 * not). A value under a key not enumerated (not enumerable, or added by a getter meanwhile) is
 * zod's to read. One difference, of no consequence: undefined under a key not enumerated is left
 * out, where zod keeps the key (normalising drops undefined values; looking for such keys would
 * cost a lookup per absent field).
 *
 * @example
 * objectCode([{ key: 'days', read: (v) => v, mustHave: true }])({ days: 1 }) //=> { days: 1 }
 */
export function objectCode(fields: readonly FieldReader[]): Read {
  const bit = (i: number) => `m${Math.floor(i / BITS)}&${1 << i % BITS}`;
  const words = Array.from({ length: Math.ceil(fields.length / BITS) }, (_, w) => `m${w}=0`).join(',');
  const cases = fields.map((f, i) => `case ${lit(f.key)}:m${Math.floor(i / BITS)}|=${1 << i % BITS};break;`).join('');
  const reads = fields
    .map((f, i) => {
      const k = lit(f.key);
      const take = `{y=r${i}(x);if(y===MISS)return MISS;out[${k}]=y}`;
      // Undefined under a key found is kept, as zod keeps it, if the key is still there (a getter may remove one).
      return `x=v[${k}];if(x!==undefined){if(!(${bit(i)}))return MISS;${take}}else if((${bit(i)})&&${k} in v)${take}${f.mustHave ? 'else return MISS;' : ''}`;
    })
    .join('');
  return generated(
    ['isArray', 'isPlainObject', ...fields.map((_, i) => `r${i}`)],
    [Array.isArray, isPlainObject, ...fields.map((f) => f.read)],
    `if(typeof v!=="object"||v===null||isArray(v)||!isPlainObject(v))return MISS;let ${words || 'm0=0'};` +
      `for(const key in v){switch(key){${cases}default:return MISS}}` +
      `const out={};let x,y;${reads}return out;`,
  );
}

/**
 * A list's reader as code: each item read into a plain array of its own.
 *
 * @example
 * itemsCode((v) => v)(['a']) //=> ['a']
 */
export function itemsCode(read: Read): Read {
  return generated(
    ['isArray', 'r'],
    [Array.isArray, read],
    'if(!isArray(v))return MISS;const n=v.length;const out=new Array(n);for(let i=0;i<n;i++){const y=r(v[i]);if(y===MISS)return MISS;out[i]=y}return out;',
  );
}

/**
 * A reader followed by checks, as code: the value read must pass each, in order.
 *
 * @example
 * checkedCode((v) => v, [(v) => v !== ''])('') === MISS //=> true
 */
export function checkedCode(read: Read, checks: readonly ((value: unknown) => boolean)[]): Read {
  const names = checks.map((_, i) => `c${i}`);
  return generated(['r', ...names], [read, ...checks], `const y=r(v);if(y===MISS)return MISS;${names.map((c) => `if(!${c}(y))return MISS;`).join('')}return y;`);
}

/**
 * An optional value's reader as code: undefined stays undefined.
 *
 * @example
 * optionalCode((v) => v)(undefined) //=> undefined
 */
export function optionalCode(read: Read): Read {
  return generated(['r'], [read], 'return v===undefined?undefined:r(v);');
}

/**
 * A union's reader as code: the first option that reads the value, as zod's union takes it.
 *
 * @example
 * firstOfCode([() => MISS, (v) => v])(1) //=> 1
 */
export function firstOfCode(reads: readonly Read[]): Read {
  const names = reads.map((_, i) => `r${i}`);
  return generated(names, reads, `let y;${names.map((r) => `y=${r}(v);if(y!==MISS)return y;`).join('')}return MISS;`);
}
