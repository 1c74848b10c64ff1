import { z } from 'zod';
import { durationSchema } from './duration-schema.js';

/** The signals the gateway can export over OTLP. */
export const TELEMETRY_SIGNALS = ['traces', 'logs', 'metrics'] as const;

const otlpSchema = z.strictObject({
  endpoint: z
    .string()
    .min(1)
    .optional()
    .describe(
      'Base URL of an OTLP/HTTP receiver, e.g. "http://localhost:4318"; /v1/traces, /v1/logs and /v1/metrics are appended. ${env:NAME} is expanded.',
    ),
  protocol: z
    .enum(['http/protobuf', 'http/json'])
    .optional()
    .describe('OTLP encoding over HTTP (default "http/protobuf").'),
  headers: z
    .record(z.string(), z.string())
    .optional()
    .describe('HTTP headers sent with every export (API keys); ${env:NAME} is expanded.'),
  timeout: durationSchema.optional().describe('How long one export may take (default 10s).'),
  signals: z
    .array(z.enum(TELEMETRY_SIGNALS))
    .optional()
    .describe('Which signals to export (default all: traces, logs, metrics).'),
  maxQueueSize: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe(
      'Spans (and, separately, log records) waiting for export; beyond it they are dropped and counted (default 2048).',
    ),
  scheduleDelay: durationSchema
    .optional()
    .describe('How long spans and log records wait to be batched (default 5s traces, 1s logs).'),
  metricsInterval: durationSchema
    .optional()
    .describe('How often metrics are exported (default 60s), and once more at shutdown.'),
});

/** `telemetry`: audit records, spans and metrics sent to an OpenTelemetry collector. */
export const telemetrySchema = z.strictObject({
  enabled: z
    .boolean()
    .optional()
    .describe(
      'false: export nothing, even when OTEL_EXPORTER_OTLP_* variables are set (default: export when an endpoint is configured).',
    ),
  serviceName: z
    .string()
    .min(1)
    .optional()
    .describe(
      'The service.name resource attribute (default OTEL_SERVICE_NAME, else "mcp-gateway").',
    ),
  resource: z
    .record(z.string(), z.string())
    .optional()
    .describe(
      'Extra resource attributes (team, environment, …), over OTEL_RESOURCE_ATTRIBUTES; ${env:NAME} is expanded.',
    ),
  otlp: otlpSchema.optional(),
});

export type TelemetryUserConfig = z.output<typeof telemetrySchema>;
