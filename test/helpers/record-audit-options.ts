import type { AuditSink } from '../../src/core/audit/audit-sink.js';
import type { RecordAuditOptions } from '../../src/pipeline/record-audit.js';

/**
 * recordAudit's options for a test: batch durability, results hashed, no secrets, a digest of
 * JSON.stringify (`overrides.digest` replaces it), a clock that steps 2 ms per reading.
 */
export function recordAuditOptions(
  sink: AuditSink,
  overrides: Partial<RecordAuditOptions> = {},
): RecordAuditOptions {
  let clock = 0;
  return {
    sink,
    durability: 'batch',
    results: 'hash',
    findSecrets: () => [],
    digest: (value) => {
      const json = JSON.stringify(value);
      return { bytes: json.length, sha256: 'sha256:fake', json };
    },
    defHash: () => 'sha256:def',
    failClosed: () => true,
    now: () => (clock += 2),
    ...overrides,
  };
}
