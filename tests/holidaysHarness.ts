/** What the ultimatum/holidays tests share: what a call throws, and a holiday as date-holidays gives it. */
import { isUltimatumError } from 'ultimatum';

/** The first issue of the `UltimatumError` that `fn` throws; anything else thrown, or nothing, fails the test. */
export function thrown(fn: () => unknown): { code: string; path: unknown[]; message: string } {
  try {
    fn();
  } catch (e) {
    if (!isUltimatumError(e)) throw e;
    return { code: e.code, path: [...(e.issues[0]?.path ?? [])], message: e.issues[0]?.message ?? '' };
  }
  throw new Error('did not throw');
}

/** What `fn` throws, whatever it is. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

/** A holiday as date-holidays' `getHolidays(year)` gives it: `date` the country's wall clock, `start`/`end` instants. */
export interface Raw {
  date: string;
  start: Date;
  end: Date;
  type: string;
}
