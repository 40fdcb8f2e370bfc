import type { z } from 'zod';

export interface FieldIssue {
  /** Dotted path to the offending field, e.g. `payload.latitude`; empty for the document itself. */
  field: string;
  message: string;
}

/** zod's issues as the ingest returns them: one field path and one message each. */
export function describeIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
}
