/**
 * Form helpers both editors use: how a jsonb column the game master edits travels (typed from
 * the form, or raw text saved exactly as typed), and which errors a field shows.
 */
import { canonicalJson, type ContractIssue } from '@shared/domain/authoring';

/** Field errors by form path: the first message per dotted path. */
export function firstErrors(issues: readonly ContractIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[issue.path] ??= issue.message;
  return out;
}

/**
 * What a jsonb column holds, for "did it change": raw text compares as typed (whitespace and
 * big numbers matter to the game master), the typed value as jsonb would (key order does not).
 */
export function jsonColumnKey(raw: string | null, typed: unknown): string {
  return raw !== null ? `raw:${raw}` : `typed:${canonicalJson(typed)}`;
}

/** The column as the update procedures take it (jsonEditSchema in shared/domain/authoring). */
export function jsonColumnEdit<T>(raw: string | null, allowForeign: boolean, typed: T): { kind: 'raw'; json: string; allowForeign: boolean } | { kind: 'typed'; value: T } {
  return raw !== null ? { kind: 'raw', json: raw, allowForeign } : { kind: 'typed', value: typed };
}
