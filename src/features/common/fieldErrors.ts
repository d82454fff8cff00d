import type { z } from '../../domain/zodLocale.ts';

/** Field path ("attempts.0.action") → first message for it. */
export type FieldErrors = Record<string, string>;

export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    errors[key] ??= issue.message;
  }
  return errors;
}
