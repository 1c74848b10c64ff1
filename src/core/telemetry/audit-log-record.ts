import type { AuditRecord } from '../audit/audit-record.js';
import type { AttributeValue, Attributes } from './call-attributes.js';
import { GATEWAY_ATTR, SEMCONV } from './semconv.js';

/** Severities as OpenTelemetry numbers them (SeverityNumber INFO, WARN, ERROR). */
const SEVERITY = {
  INFO: 9,
  WARN: 13,
  ERROR: 17,
} as const;

/** A log severity name the mapping uses. */
export type LogSeverity = keyof typeof SEVERITY;

/** One audit record as an OpenTelemetry log record, before any SDK sees it. */
export interface AuditLogRecord {
  /** `mcp_gateway.audit.<type>`: the log's event name. */
  readonly eventName: string;
  /** The record's own `ts`, in milliseconds since the epoch. */
  readonly timeMs: number;
  readonly severityNumber: number;
  readonly severityText: LogSeverity;
  /** The record exactly as written to the log: same fields, same redaction. */
  readonly body: AuditRecord;
  /** Its place in the chain (`seq`, `hash`) and the fields a collector indexes on. */
  readonly attributes: Attributes;
  /** The call it belongs to, so the log can be joined to the call's span. */
  readonly callId: string | undefined;
}

/** Maps a written audit record onto a log record: the body is the record, nothing rewritten. */
export const toAuditLogRecord = (record: AuditRecord): AuditLogRecord => {
  const severityText = severityOf(record);
  const attributes: Record<string, AttributeValue> = {
    [GATEWAY_ATTR.auditType]: record.type,
    [GATEWAY_ATTR.auditSeq]: record.seq,
    [GATEWAY_ATTR.auditHash]: record.hash,
  };
  let callId: string | undefined;
  switch (record.type) {
    case 'call':
      callId = record.call.id;
      attributes[GATEWAY_ATTR.callId] = callId;
      // Null for a call that reached no tool (an unknown name).
      if (record.server !== null) attributes[GATEWAY_ATTR.server] = record.server;
      if (record.tool !== null) attributes[GATEWAY_ATTR.tool] = record.tool;
      attributes[SEMCONV.genAiToolName] = record.exposed;
      attributes[GATEWAY_ATTR.decision] = record.decision.final;
      break;
    case 'result':
      callId = record.call.id;
      attributes[GATEWAY_ATTR.callId] = callId;
      attributes[GATEWAY_ATTR.outcome] = record.outcome.status;
      break;
    case 'finding':
      attributes[GATEWAY_ATTR.server] = record.server;
      attributes[GATEWAY_ATTR.findingRule] = record.rule;
      attributes[GATEWAY_ATTR.findingSeverity] = record.severity;
      if (record.tool !== null) attributes[GATEWAY_ATTR.tool] = record.tool;
      break;
    case 'backend':
      attributes[GATEWAY_ATTR.server] = record.server;
      attributes[GATEWAY_ATTR.backendEvent] = record.event;
      break;
    case 'label':
      callId = record.call.id;
      attributes[GATEWAY_ATTR.callId] = callId;
      attributes[GATEWAY_ATTR.server] = record.server;
      attributes[GATEWAY_ATTR.tool] = record.tool;
      attributes[GATEWAY_ATTR.flowSession] = record.session_id;
      attributes[GATEWAY_ATTR.flowEvent] = record.event;
      attributes[GATEWAY_ATTR.flowChanged] = [...record.changed];
      attributes[GATEWAY_ATTR.flowLabels] = [...record.labels];
      attributes[GATEWAY_ATTR.flowCause] = record.cause;
      break;
    case 'session_start':
    case 'session_end':
    case 'config_change':
    case 'checkpoint':
    case 'recovery':
    case 'key_rotated':
    case 'telemetry':
      break;
  }
  return {
    eventName: `mcp_gateway.audit.${record.type}`,
    timeMs: Date.parse(record.ts),
    severityNumber: SEVERITY[severityText],
    severityText,
    body: record,
    attributes,
    callId,
  };
};

/** Warnings for what a security team looks at; errors for what failed. */
const severityOf = (record: AuditRecord): LogSeverity => {
  switch (record.type) {
    case 'call':
      return record.decision.final === 'deny' ? 'WARN' : 'INFO';
    case 'result':
      switch (record.outcome.status) {
        case 'ok':
          return 'INFO';
        case 'tool_error':
        case 'denied':
        case 'blocked':
          return 'WARN';
        case 'error':
        case 'timeout':
          return 'ERROR';
      }
      break;
    case 'finding':
      return record.severity === 'high' ? 'ERROR' : 'WARN';
    case 'backend':
      return record.event === 'failed' ? 'ERROR' : record.event === 'start' ? 'INFO' : 'WARN';
    case 'config_change':
      return record.status === 'rejected' ? 'WARN' : 'INFO';
    case 'label':
      // A human lowering a session's protection is worth a look; labels coming in are routine.
      return record.event === 'cleared' ? 'WARN' : 'INFO';
    case 'recovery':
    case 'key_rotated':
    case 'telemetry':
      return 'WARN';
    case 'session_start':
    case 'session_end':
    case 'checkpoint':
      return 'INFO';
  }
};
