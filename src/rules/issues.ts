import type { UltimatumErrorCode, UltimatumIssue } from '../errors/UltimatumError.js';

/** Path of a field inside the input, as zod writes it. */
export type Path = ReadonlyArray<string | number>;

/**
 * Collects every problem of an input so the caller sees them all at once, as zod does.
 *
 * @example
 * const issues = new IssueList(); issues.add('INVALID_ZONE', ['zone'], 'unknown'); issues.length //=> 1
 */
export class IssueList {
  readonly items: UltimatumIssue[] = [];
  add(code: UltimatumErrorCode, path: Path, message: string): undefined {
    this.items.push({ code, path: [...path], message });
    return undefined;
  }
  get length(): number {
    return this.items.length;
  }
}
