import { DateTime } from 'luxon';
import { DURATION_UNITS, type DurationSpec } from '../model/units.js';
import type { Roll } from '../rules/duration.js';
import { isDateOnly } from '../rules/instant.js';
import type { DeadlineHow } from '../rules/resolveDeadline.js';
import type { ChangeHow } from '../status/compile.js';

/**
 * Says what a duration adds, naming calendar units as such: "50 calendar days", "240 hours".
 *
 * @example
 * describeDuration({ days: 50 }) //=> '50 calendar days'
 * describeDuration({ hours: 240 }) //=> '240 hours'
 */
export function describeDuration(spec: DurationSpec): string {
  if (spec.businessDays !== undefined) return `${spec.businessDays} business ${spec.businessDays === 1 ? 'day' : 'days'}`;
  if (spec.businessHours !== undefined || spec.businessMinutes !== undefined) {
    const h = spec.businessHours === undefined ? [] : [`${spec.businessHours} business ${spec.businessHours === 1 ? 'hour' : 'hours'}`];
    const m = spec.businessMinutes === undefined ? [] : [`${spec.businessMinutes} business ${spec.businessMinutes === 1 ? 'minute' : 'minutes'}`];
    return [...h, ...m].join(' ');
  }
  const parts: string[] = [];
  for (const u of DURATION_UNITS) {
    const value = spec[u];
    if (value === undefined) continue;
    const name = value === 1 ? u.slice(0, -1) : u;
    parts.push(u === 'weeks' || u === 'days' ? `${value} calendar ${name}` : `${value} ${name}`);
  }
  return parts.join(' ');
}

/** "+10 to +12 calendar days" when both ends are one amount of the same unit, else both in full. */
function describeRange(earliest: string, latest: string): string {
  const single = /^(\S+) (\D+)$/;
  const [, a, unitA] = single.exec(earliest) ?? [];
  const [, , unitB] = single.exec(latest) ?? [];
  return unitA !== undefined && unitA === unitB ? `+${a} to +${latest}` : `+${earliest} to +${latest}`;
}

function describeInstant(text: string, zoneName: string): string {
  return isDateOnly(text) ? `end of ${text} in ${zoneName}` : text;
}

function formatDay(day: number): string {
  return DateTime.fromMillis(day * 86_400_000, { zone: 'utc' }).setLocale('en-US').toFormat('ccc d LLL yyyy');
}

/**
 * Names every day a roll passed over: "Thu 25 Dec 2025 is a holiday → Fri 26 Dec 2025".
 *
 * @example
 * describeRoll({ from: 20447, to: 20448, skipped: [{ day: 20447, why: 'holiday' }] })
 * //=> 'Thu 25 Dec 2025 is a holiday → Fri 26 Dec 2025'
 */
export function describeRoll(roll: Roll): string {
  const why = roll.skipped.map((s) => `${formatDay(s.day)} is ${s.why === 'weekend' ? 'a weekend day' : 'a holiday'}`);
  return `${why.join(', ')} → ${formatDay(roll.to)}`;
}

function describeDeadline(how: DeadlineHow, zoneName: string, schedule?: string): string {
  switch (how.kind) {
    case 'fixed':
      return `fixed: ${describeInstant(how.at, zoneName)}`;
    case 'window':
      return `window from ${describeInstant(how.from, zoneName)} to ${describeInstant(how.to, zoneName)}`;
    case 'after': {
      const amount = how.latest ? describeRange(describeDuration(how.spec), describeDuration(how.latest)) : `+${describeDuration(how.spec)}`;
      const calendar = schedule !== undefined ? ` on ${schedule}` : how.zoned ? ` in ${zoneName}` : '';
      const rolled = how.rolls.map((r) => `; ${describeRoll(r)}`).join('');
      return `${amount}${calendar}${rolled}${how.endOfDay ? ', then to the end of that day' : ''}`;
    }
  }
}

/**
 * Words for one change of the deadline, as `explain()` writes its `rule`: "+50 calendar days in
 * America/New_York", "to the end of 2019-04-12", "the clock stops", "complied".
 *
 * @example
 * describeChange({ kind: 'shift', by: { days: 7 }, later: true }, 'UTC') //=> '+7 calendar days'
 * describeChange(how, 'Europe/London', 'Mon–Fri 09:00–17:00 Europe/London') //=> '+8 business hours on Mon–Fri 09:00–17:00 Europe/London'
 */
export function describeChange(how: ChangeHow, zoneName: string, schedule?: string): string {
  switch (how.kind) {
    case 'shift':
      return `${how.later ? '+' : '−'}${describeDuration(how.by)}`;
    case 'moveTo':
      return isDateOnly(how.to) ? `to the end of ${how.to}` : `to ${how.to}`;
    case 'stop':
      return 'the clock stops';
    case 'restart':
      return 'the clock restarts';
    case 'ended':
      return how.terminal;
    default:
      return describeDeadline(how, zoneName, schedule);
  }
}
