import { IANAZone } from 'luxon';
import { offsetOf, type ZoneTable, zoneTableOf } from './zoneTable.js';

const zones = new Map<string, IANAZone>();

/**
 * The luxon zone for an IANA name, created once per name; `undefined` when the name is unknown.
 *
 * @example
 * zoneFor('America/New_York')?.name //=> 'America/New_York'
 * zoneFor('Mars/Base') //=> undefined
 */
export function zoneFor(name: string): IANAZone | undefined {
  let zone = zones.get(name);
  if (zone === undefined) {
    if (name.length > 64 || !IANAZone.isValidZone(name)) return undefined;
    zone = IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}

let lastZone: IANAZone | undefined;
let lastTable: ZoneTable | undefined;

/**
 * UTC offset of `zone` at instant `ms`, in milliseconds, from the zone's compiled table (luxon is
 * asked once per span of time, not per instant).
 *
 * @example
 * offsetMs(zoneFor('America/New_York')!, Date.UTC(2025, 6, 14)) //=> -14_400_000
 */
export function offsetMs(zone: IANAZone, ms: number): number {
  if (zone !== lastZone) {
    lastZone = zone;
    lastTable = zoneTableOf(zone);
  }
  return offsetOf(lastTable as ZoneTable, ms);
}
