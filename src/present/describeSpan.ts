import { breakdown } from '../status/breakdown.js';

/**
 * A short English phrase for an exact span: "3 days", "1 day 2 hours", "45 minutes".
 *
 * @example
 * describeSpan(93_600_000) //=> '1 day 2 hours'
 */
export function describeSpan(ms: number): string {
  const b = breakdown(ms);
  const parts = (['days', 'hours', 'minutes', 'seconds'] as const)
    .filter((u) => b[u] > 0)
    .map((u) => `${b[u]} ${b[u] === 1 ? u.slice(0, -1) : u}`);
  return parts.length === 0 ? `${b.milliseconds} ms` : parts.join(' ');
}
