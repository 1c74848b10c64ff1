import type { ResolvedTelemetry } from '../config/resolve-telemetry.js';
import type { AuditRecord, TelemetryInput } from '../core/audit/audit-record.js';
import type { Logger } from '../core/logger.js';
import type { CallTelemetry } from '../core/telemetry/call-telemetry.js';
import type { BackendAddress } from '../core/telemetry/call-attributes.js';

/** What the gateway exports over OTLP: spans and metrics per call, audit records as logs. */
export interface Telemetry {
  /** For the pipeline; undefined when neither traces nor metrics are exported. */
  readonly calls: CallTelemetry | undefined;
  /** Audit records just written to the log become log records (same fields, same redaction). */
  auditWritten(records: readonly AuditRecord[]): void;
  /** A backend started, exited, restarted or failed (restarts are counted). */
  backendEvent(server: string, event: 'start' | 'exit' | 'restart' | 'failed'): void;
  /**
   * Exports what is queued, waiting a bounded time, then records what was lost so far (a
   * `telemetry` audit record). Call before the last audit records are written.
   */
  flush(): Promise<void>;
  /** Exports the rest (bounded), then stops; what could not be sent is reported on stderr. */
  shutdown(): Promise<void>;
}

/** What starting telemetry needs from the gateway. */
export interface TelemetryOptions {
  readonly settings: ResolvedTelemetry;
  /** The gateway's version (service.version). */
  readonly version: string;
  readonly logger: Logger;
  /** How a backend is reached, for the backend span (read per call: reloads may change it). */
  readonly backendAddress: (server: string) => BackendAddress | undefined;
  /** Writes a `telemetry` audit record about lost telemetry. */
  readonly recordDrops: (input: TelemetryInput) => void;
}

/**
 * Loads the OpenTelemetry SDK and starts exporting. The packages are imported here, on
 * demand, so a gateway without telemetry never loads them (start-up and memory stay as they were).
 */
export const startTelemetry = async (options: TelemetryOptions): Promise<Telemetry> => {
  const { createOtelTelemetry } = await import('./otel-telemetry.js');
  return createOtelTelemetry(options);
};
