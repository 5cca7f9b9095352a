/**
 * A plain object, also from another realm: its prototype is null or a realm's `Object.prototype`.
 *
 * @example
 * isPlainObject({ days: 1 }) //=> true
 * isPlainObject(new Map()) //=> false
 */
export function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}
