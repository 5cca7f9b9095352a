import { issueAt, type UltimatumErrorCode, type UltimatumIssue } from '../errors/UltimatumError.js';
import type { Problem } from '../errors/messages.js';

/** Path of a field inside the input, as zod writes it. */
export type Path = ReadonlyArray<string | number>;

/**
 * Collects every problem of an input so the caller sees them all at once, as zod does.
 *
 * @example
 * const issues = new IssueList(); issues.add('INVALID_ZONE', ['zone'], messages.unknownZone('Mars/Base')); issues.length //=> 1
 */
export class IssueList {
  readonly items: UltimatumIssue[] = [];
  add(code: UltimatumErrorCode, path: Path, p: Problem): undefined {
    this.items.push(issueAt(code, [...path], p));
    return undefined;
  }
  get length(): number {
    return this.items.length;
  }
}
