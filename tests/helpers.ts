import { isUltimatumError, type UltimatumInput, type UltimatumIssue } from 'ultimatum';

/** A minimal valid input: the founding case without history, noon in New York. */
export function base(overrides: Partial<UltimatumInput> = {}): UltimatumInput {
  return {
    title: '50-day ultimatum',
    issuer: 'United States',
    addressee: 'Russia',
    demands: ['Agree a ceasefire'],
    issuedAt: '2025-07-14T12:00',
    zone: 'America/New_York',
    deadline: { after: { days: 50 } },
    ...overrides,
  };
}

/** Epoch ms of a UTC wall-clock time, written the way it is computed by hand. */
export const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);

/** A minimal valid input in UTC: 10 days from Mon 3 Mar 2025 09:00. */
export function utcCase(overrides: Partial<UltimatumInput> = {}): UltimatumInput {
  return {
    title: 'Case',
    issuer: 'A',
    addressee: 'B',
    demands: ['Do it'],
    issuedAt: '2025-03-03T09:00',
    zone: 'UTC',
    deadline: { after: { days: 10 } },
    ...overrides,
  };
}

/**
 * fast-check runs per property: 1 000, the floor the tests promise. Only the mutation run
 * (vitest.mutation.config.ts) asks for fewer through ULTIMATUM_PROPERTY_RUNS, because Stryker
 * re-runs every property for each mutant it covers; its score is then, if anything, an
 * underestimate of what the full suite kills.
 */
export function propertyRuns(): number {
  const asked = Number(process.env.ULTIMATUM_PROPERTY_RUNS);
  return Number.isInteger(asked) && asked > 0 && asked < 1_000 ? asked : 1_000;
}

/** The issues of the `UltimatumError` that `fn` throws, whole; anything else thrown, or nothing, fails the test. */
export function fullIssuesOf(fn: () => unknown): readonly UltimatumIssue[] {
  try {
    fn();
  } catch (e) {
    if (isUltimatumError(e)) return e.issues;
    throw e;
  }
  throw new Error('expected an UltimatumError');
}

/**
 * The issues as `{ code, path, message }`: where and what, for the tests of paths and wording.
 * Reasons and their params are checked by tests/reasons.test.ts (with `fullIssuesOf`).
 */
export function issuesOf(fn: () => unknown): readonly Pick<UltimatumIssue, 'code' | 'path' | 'message'>[] {
  return fullIssuesOf(fn).map(({ code, path, message }) => ({ code, path, message }));
}

/** The same issues as `[code, path, message]` triples, compact to compare. */
export const issueTriples = (fn: () => unknown) => issuesOf(fn).map((i) => [i.code, i.path, i.message]);
