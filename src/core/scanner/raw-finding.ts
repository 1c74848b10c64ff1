import type { Severity } from './finding.js';

/** A finding before it is attached to a field: rule, severity, span in the scanned string, message. */
export interface RawFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}
