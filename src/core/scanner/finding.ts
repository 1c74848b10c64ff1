/** How bad a finding is; actions trigger at a configured threshold. */
export type Severity = 'low' | 'medium' | 'high';

/** One thing the scanner noticed: which rule, how bad, where. */
export interface Finding {
  /** Stable rule id, e.g. `hidden.tag-characters`. */
  readonly rule: string;
  readonly severity: Severity;
  /** Where in the scanned value: `description`, `inputSchema.properties.path.description`, `content[0].text`, `args.url`. */
  readonly field: string;
  /** Character offsets [start, end) in that field's raw text. */
  readonly span: readonly [number, number];
  /** A short, human-readable explanation (never the matched secret itself). */
  readonly message: string;
}
