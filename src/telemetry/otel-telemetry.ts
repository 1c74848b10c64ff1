import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  DiagLogLevel,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  diag,
  trace,
  type Attributes as OtelAttributes,
  type Context,
  type Counter,
  type Histogram,
  type Span,
  type SpanContext,
  type TextMapGetter,
  type TextMapSetter,
  type Tracer,
} from '@opentelemetry/api';
import { SeverityNumber, type AnyValue, type Logger as OtelLogger } from '@opentelemetry/api-logs';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { defaultResource, resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { OtlpTarget } from '../config/resolve-telemetry.js';
import type { AuditRecord } from '../core/audit/audit-record.js';
import { toAuditLogRecord } from '../core/telemetry/audit-log-record.js';
import {
  backendSpanAttributes,
  backendSpanName,
  callMeasurements,
  callSpanAttributes,
  callSpanName,
  flowStepAttributes,
  policyAttributes,
  scanAttributes,
  summarizeOutcome,
  unroutedMeasurements,
  unroutedSpanAttributes,
  type Attributes,
} from '../core/telemetry/call-attributes.js';
import type {
  CallObserver,
  CallTelemetry,
  ForwardObserver,
  StepObserver,
  StepPhase,
  TracedStep,
  UnroutedCall,
} from '../core/telemetry/call-telemetry.js';
import {
  GATEWAY_ATTR,
  MCP_DURATION_BUCKETS,
  METRICS,
  SEMCONV,
  TOOLS_CALL,
} from '../core/telemetry/semconv.js';
import type { ToolCallContext, ToolCallOutcome } from '../core/tool-call.js';
import { DropReporter } from './drop-reporter.js';
import {
  BoundedLogRecordProcessor,
  BoundedSpanProcessor,
  CountedLogRecordExporter,
  CountedMetricExporter,
  CountedSpanExporter,
  ExportAccount,
} from './export-account.js';
import type { Telemetry, TelemetryOptions } from './telemetry.js';

/** The instrumentation scope of everything the gateway emits. */
const SCOPE = 'mcp-gateway';

/** At shutdown, exports get this long; a collector that is known to be failing gets less. */
const SHUTDOWN_WAIT_MS = 2000;
const FAILING_SHUTDOWN_WAIT_MS = 200;

const SEVERITY_NUMBERS = {
  INFO: SeverityNumber.INFO,
  WARN: SeverityNumber.WARN,
  ERROR: SeverityNumber.ERROR,
} as const;

/** Calls whose records have not all been exported yet, for linking logs to spans (bounded). */
const MAX_LINKED_CALLS = 10_000;

const metaGetter: TextMapGetter<Readonly<Record<string, unknown>>> = {
  get: (carrier, key) => {
    const value = carrier[key];
    return typeof value === 'string' ? value : undefined;
  },
  keys: (carrier) => Object.keys(carrier),
};

const metaSetter: TextMapSetter<Record<string, unknown>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

/** Starts the SDK for the configured signals (called by startTelemetry, after the import). */
export const createOtelTelemetry = async (options: TelemetryOptions): Promise<Telemetry> => {
  const { settings, logger } = options;
  // The SDK's own complaints (a failed export, a bad attribute) are details: debug level only.
  diag.setLogger(
    {
      error: (message) => {
        logger.debug(`opentelemetry: ${message}`);
      },
      warn: (message) => {
        logger.debug(`opentelemetry: ${message}`);
      },
      info: () => undefined,
      debug: () => undefined,
      verbose: () => undefined,
    },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );

  const resource = defaultResource().merge(
    resourceFromAttributes({
      ...settings.resource,
      'service.name': settings.serviceName,
      'service.version': options.version,
      'service.instance.id': randomUUID(),
      'host.name': hostname(),
      'process.pid': process.pid,
    }),
  );

  const accounts: ExportAccount[] = [];
  const reporter = new DropReporter(accounts, { logger, record: options.recordDrops });
  const account = (signal: 'traces' | 'logs' | 'metrics', url: string): ExportAccount => {
    const created = new ExportAccount(signal, url, (changed, change) => {
      reporter.changed(changed, change);
    });
    accounts.push(created);
    return created;
  };

  const [tracing, logging, metering] = await Promise.all([
    settings.traces === undefined
      ? undefined
      : startTracing(settings.traces, resource, account('traces', settings.traces.url), settings),
    settings.logs === undefined
      ? undefined
      : startLogging(settings.logs, resource, account('logs', settings.logs.url), settings),
    settings.metrics === undefined
      ? undefined
      : startMetering(
          settings.metrics,
          resource,
          account('metrics', settings.metrics.url),
          settings,
        ),
  ]);

  const instruments = metering === undefined ? undefined : createInstruments(metering.provider);
  const propagator = new W3CTraceContextPropagator();
  // Each call's span, while its audit records may still be on their way to the log exporter.
  const callSpans = new Map<string, SpanContext>();
  const tracer = tracing?.provider.getTracer(SCOPE, options.version);

  const calls: CallTelemetry | undefined =
    tracer === undefined && instruments === undefined
      ? undefined
      : {
          begin: (ctx) =>
            beginCall(ctx, {
              tracer,
              instruments,
              propagator,
              backendAddress: options.backendAddress,
              link:
                logging === undefined
                  ? undefined
                  : (callId, span) => {
                      if (callSpans.size >= MAX_LINKED_CALLS) {
                        const oldest = callSpans.keys().next().value;
                        if (oldest !== undefined) callSpans.delete(oldest);
                      }
                      callSpans.set(callId, span);
                    },
            }),
          unrouted: (call, outcome) => {
            unroutedCall(call, outcome, { tracer, instruments, propagator });
          },
        };

  const logger_ = logging?.provider.getLogger(SCOPE, options.version);
  const emitAuditRecord = (otel: OtelLogger, record: AuditRecord): void => {
    const log = toAuditLogRecord(record);
    const spanContext = log.callId === undefined ? undefined : callSpans.get(log.callId);
    // A call's last record is its result: after it, the call needs no link.
    if (record.type === 'result' && log.callId !== undefined) callSpans.delete(log.callId);
    otel.emit({
      eventName: log.eventName,
      timestamp: log.timeMs,
      observedTimestamp: Date.now(),
      severityNumber: SEVERITY_NUMBERS[log.severityText],
      severityText: log.severityText,
      body: log.body as unknown as AnyValue,
      attributes: log.attributes as OtelAttributes,
      context:
        spanContext === undefined ? ROOT_CONTEXT : trace.setSpanContext(ROOT_CONTEXT, spanContext),
    });
  };

  const providers = (): { forceFlush(): Promise<void>; shutdown(): Promise<void> }[] =>
    [tracing?.provider, logging?.provider, metering?.provider].filter(
      (provider) => provider !== undefined,
    );
  const waitMs = (): number =>
    accounts.some((a) => a.failing) ? FAILING_SHUTDOWN_WAIT_MS : SHUTDOWN_WAIT_MS;
  let flushed = false;
  let stopping: Promise<void> | undefined;

  return {
    calls,
    auditWritten: (records) => {
      if (logger_ === undefined) return;
      for (const record of records) emitAuditRecord(logger_, record);
    },
    backendEvent: (server, event) => {
      if (event === 'restart') instruments?.restarts.add(1, { [GATEWAY_ATTR.server]: server });
    },
    flush: async () => {
      if (flushed) return;
      flushed = true;
      await withinMs(Promise.all(providers().map((provider) => provider.forceFlush())), waitMs());
      reporter.report();
    },
    shutdown: () =>
      (stopping ??= (async () => {
        const done = await withinMs(
          Promise.all(providers().map((provider) => provider.shutdown())),
          waitMs(),
        );
        reporter.close();
        if (!done) {
          for (const a of accounts) a.abandon();
        }
        const lost = accounts.filter((a) => a.lost > 0);
        if (lost.length > 0) {
          logger.warn(
            `telemetry: lost ${lost.map((a) => `${a.lost} ${a.signal === 'metrics' ? 'metric exports' : a.signal === 'traces' ? 'spans' : 'log records'}`).join(', ')} in this session (see the audit log's "telemetry" records)`,
          );
        }
      })()),
  };
};

/** Resolves true when `work` settles within `ms`, false when the time ran out first. */
const withinMs = async (work: Promise<unknown>, ms: number): Promise<boolean> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => {
      resolve(false);
    }, ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        () => true,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
};

const exporterConfig = (target: OtlpTarget) => ({
  url: target.url,
  headers: { ...target.headers },
  timeoutMillis: target.timeoutMs,
});

const startTracing = async (
  target: OtlpTarget,
  resource: Resource,
  account: ExportAccount,
  settings: TelemetryOptions['settings'],
) => {
  const { OTLPTraceExporter } =
    target.protocol === 'http/json'
      ? await import('@opentelemetry/exporter-trace-otlp-http')
      : await import('@opentelemetry/exporter-trace-otlp-proto');
  const exporter = new CountedSpanExporter(new OTLPTraceExporter(exporterConfig(target)), account);
  const limit = settings.maxQueueSize.traces;
  const batch = new BatchSpanProcessor(exporter, {
    maxQueueSize: limit,
    maxExportBatchSize: Math.min(512, limit),
    scheduledDelayMillis: settings.scheduleDelayMs.traces,
    exportTimeoutMillis: target.timeoutMs,
  });
  const provider = new BasicTracerProvider({
    resource,
    spanProcessors: [new BoundedSpanProcessor(batch, account, limit)],
  });
  return { provider };
};

const startLogging = async (
  target: OtlpTarget,
  resource: Resource,
  account: ExportAccount,
  settings: TelemetryOptions['settings'],
) => {
  const { OTLPLogExporter } =
    target.protocol === 'http/json'
      ? await import('@opentelemetry/exporter-logs-otlp-http')
      : await import('@opentelemetry/exporter-logs-otlp-proto');
  const exporter = new CountedLogRecordExporter(
    new OTLPLogExporter(exporterConfig(target)),
    account,
  );
  const limit = settings.maxQueueSize.logs;
  const batch = new BatchLogRecordProcessor({
    exporter,
    maxQueueSize: limit,
    maxExportBatchSize: Math.min(512, limit),
    scheduledDelayMillis: settings.scheduleDelayMs.logs,
    exportTimeoutMillis: target.timeoutMs,
  });
  const provider = new LoggerProvider({
    resource,
    processors: [new BoundedLogRecordProcessor(batch, account, limit)],
  });
  return { provider };
};

const startMetering = async (
  target: OtlpTarget,
  resource: Resource,
  account: ExportAccount,
  settings: TelemetryOptions['settings'],
) => {
  const { OTLPMetricExporter } =
    target.protocol === 'http/json'
      ? await import('@opentelemetry/exporter-metrics-otlp-http')
      : await import('@opentelemetry/exporter-metrics-otlp-proto');
  const exporter = new CountedMetricExporter(
    new OTLPMetricExporter(exporterConfig(target)),
    account,
  );
  const reader = new PeriodicExportingMetricReader({
    exporter,
    exportIntervalMillis: settings.metricsIntervalMs,
    exportTimeoutMillis: Math.min(target.timeoutMs, settings.metricsIntervalMs),
  });
  const provider = new MeterProvider({ resource, readers: [reader] });
  return { provider };
};

/** The gateway's instruments (names and units in METRICS). */
interface Instruments {
  readonly serverDuration: Histogram;
  readonly clientDuration: Histogram;
  readonly calls: Counter;
  readonly errors: Counter;
  readonly denials: Counter;
  readonly asks: Counter;
  readonly findings: Counter;
  readonly restarts: Counter;
}

const createInstruments = (provider: MeterProvider): Instruments => {
  const meter = provider.getMeter(SCOPE);
  const histogram = (spec: { name: string; unit: string; description: string }) =>
    meter.createHistogram(spec.name, {
      unit: spec.unit,
      description: spec.description,
      advice: { explicitBucketBoundaries: [...MCP_DURATION_BUCKETS] },
    });
  const counter = (spec: { name: string; unit: string; description: string }) =>
    meter.createCounter(spec.name, { unit: spec.unit, description: spec.description });
  return {
    serverDuration: histogram(METRICS.serverDuration),
    clientDuration: histogram(METRICS.clientDuration),
    calls: counter(METRICS.calls),
    errors: counter(METRICS.errors),
    denials: counter(METRICS.denials),
    asks: counter(METRICS.asks),
    findings: counter(METRICS.findings),
    restarts: counter(METRICS.restarts),
  };
};

interface CallDeps {
  readonly tracer: Tracer | undefined;
  readonly instruments: Instruments | undefined;
  readonly propagator: W3CTraceContextPropagator;
  readonly backendAddress: TelemetryOptions['backendAddress'];
  readonly link: ((callId: string, span: SpanContext) => void) | undefined;
}

const NO_STEP: StepObserver = { end: () => undefined };

/** One call's span and measurements. */
const beginCall = (ctx: ToolCallContext, deps: CallDeps): CallObserver => {
  const started = performance.now();
  const { tracer } = deps;
  let span: Span | undefined;
  let parent: Context = ROOT_CONTEXT;
  if (tracer !== undefined) {
    // The agent's trace continues here when it sent a traceparent in the request's _meta.
    const remote =
      ctx.meta === undefined
        ? ROOT_CONTEXT
        : deps.propagator.extract(ROOT_CONTEXT, ctx.meta, metaGetter);
    span = tracer.startSpan(
      callSpanName(ctx),
      { kind: SpanKind.SERVER, attributes: callSpanAttributes(ctx) as OtelAttributes },
      remote,
    );
    parent = trace.setSpan(ROOT_CONTEXT, span);
    deps.link?.(ctx.id, span.spanContext());
  }
  const child = (name: string, kind: SpanKind, attributes: Attributes): Span | undefined =>
    tracer?.startSpan(name, { kind, attributes: attributes as OtelAttributes }, parent);

  return {
    step: (step: TracedStep, phase: StepPhase, current: ToolCallContext): StepObserver => {
      const stepSpan = child(step, SpanKind.INTERNAL, {});
      if (stepSpan === undefined) return NO_STEP;
      // The flow span names the labels this result added: the session's labels as it began.
      const labelsBefore = current.flow?.labels ?? 0;
      return {
        end: (ended, outcome) => {
          stepSpan.setAttributes(
            stepAttributes(step, phase, ended, outcome, labelsBefore) as OtelAttributes,
          );
          stepSpan.end();
        },
      };
    },
    forward: (current): ForwardObserver => {
      const hopStarted = performance.now();
      const address = deps.backendAddress(current.server);
      const hop = child(
        backendSpanName(current),
        SpanKind.CLIENT,
        backendSpanAttributes(current, address),
      );
      let meta = current.meta;
      if (hop !== undefined) {
        // The backend continues the trace from this span (SEP-414: unprefixed keys in _meta).
        const carrier: Record<string, unknown> = { ...current.meta };
        deps.propagator.inject(trace.setSpan(ROOT_CONTEXT, hop), carrier, metaSetter);
        meta = carrier;
      }
      return {
        meta,
        end: (outcome, error) => {
          const summary = outcome === undefined ? undefined : summarizeOutcome(outcome);
          const errorType = summary?.errorType ?? (error === undefined ? undefined : '_OTHER');
          if (hop !== undefined) {
            if (errorType !== undefined) hop.setAttribute('error.type', errorType);
            if (errorType !== undefined) {
              hop.setStatus({
                code: SpanStatusCode.ERROR,
                message: summary?.message ?? String(error),
              });
            }
            hop.end();
          }
          deps.instruments?.clientDuration.record((performance.now() - hopStarted) / 1000, {
            'mcp.method.name': 'tools/call',
            'gen_ai.operation.name': 'execute_tool',
            'gen_ai.tool.name': current.tool,
            [GATEWAY_ATTR.server]: current.server,
            ...(errorType === undefined ? {} : { 'error.type': errorType }),
          });
        },
      };
    },
    end: (current, outcome, error) => {
      const seconds = (performance.now() - started) / 1000;
      if (span !== undefined) {
        if (outcome !== undefined) {
          const summary = summarizeOutcome(outcome);
          span.setAttributes(summary.attributes as OtelAttributes);
          if (summary.errorType !== undefined) {
            span.setStatus({
              code: SpanStatusCode.ERROR,
              ...(summary.message === undefined ? {} : { message: summary.message }),
            });
          }
        } else {
          span.setAttribute('error.type', '_OTHER');
          span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        }
        span.end();
      }
      const instruments = deps.instruments;
      if (instruments === undefined) return;
      const measured = callMeasurements(current, outcome);
      instruments.serverDuration.record(seconds, measured.duration as OtelAttributes);
      instruments.calls.add(1, measured.call as OtelAttributes);
      if (measured.error !== undefined) instruments.errors.add(1, measured.error as OtelAttributes);
      if (measured.denial !== undefined)
        instruments.denials.add(1, measured.denial as OtelAttributes);
      if (measured.ask !== undefined) instruments.asks.add(1, measured.ask as OtelAttributes);
      for (const finding of measured.findings)
        instruments.findings.add(1, finding as OtelAttributes);
    },
  };
};

/** The span and measurements of a call that named no tool: one span, no children. */
const unroutedCall = (
  call: UnroutedCall,
  outcome: ToolCallOutcome,
  deps: Pick<CallDeps, 'tracer' | 'instruments' | 'propagator'>,
): void => {
  const measured = unroutedMeasurements(call.name, call.origin, outcome);
  if (deps.tracer !== undefined) {
    const remote =
      call.meta === undefined
        ? ROOT_CONTEXT
        : deps.propagator.extract(ROOT_CONTEXT, call.meta, metaGetter);
    const endMs = performance.timeOrigin + performance.now();
    const span = deps.tracer.startSpan(
      `${TOOLS_CALL} ${call.name}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          ...unroutedSpanAttributes(call.name, call.origin),
          ...measured.summary.attributes,
        } as OtelAttributes,
        startTime: endMs - call.seconds * 1000,
      },
      remote,
    );
    if (measured.summary.errorType !== undefined) {
      span.setStatus({
        code: SpanStatusCode.ERROR,
        ...(measured.summary.message === undefined ? {} : { message: measured.summary.message }),
      });
    }
    span.end(endMs);
  }
  const instruments = deps.instruments;
  if (instruments === undefined) return;
  instruments.serverDuration.record(call.seconds, measured.duration as OtelAttributes);
  instruments.calls.add(1, measured.call as OtelAttributes);
  if (measured.summary.errorType !== undefined) {
    instruments.errors.add(1, {
      ...measured.call,
      [SEMCONV.errorType]: measured.summary.errorType,
    });
  }
};

/** What a step's span says about it when it ends. */
const stepAttributes = (
  step: TracedStep,
  phase: StepPhase,
  ctx: ToolCallContext,
  outcome: ToolCallOutcome | undefined,
  labelsBefore: number,
): Attributes => {
  switch (step) {
    case 'policy':
      return policyAttributes(ctx.trace.decision);
    case 'flow':
      return flowStepAttributes(ctx, labelsBefore);
    case 'scan':
      if (phase === 'before') return scanAttributes('arguments', ctx.trace.argumentFindings);
      return scanAttributes(
        'result',
        outcome?.kind === 'ok'
          ? (outcome.findings ?? [])
          : outcome?.kind === 'blocked' && outcome.stage === 'result'
            ? outcome.findings
            : [],
      );
    case 'audit':
      return {
        [GATEWAY_ATTR.auditRecord]: phase === 'before' ? 'call' : 'result',
        ...(outcome?.receipt === undefined
          ? {}
          : {
              [GATEWAY_ATTR.auditSeq]: outcome.receipt.seq,
              [GATEWAY_ATTR.auditHash]: outcome.receipt.hash,
            }),
      };
  }
};
