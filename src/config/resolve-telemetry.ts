import type { TELEMETRY_SIGNALS, TelemetryUserConfig } from './telemetry-schema.js';

/** One of the three OTLP signals. */
export type TelemetrySignal = (typeof TELEMETRY_SIGNALS)[number];

/** The OTLP encodings the gateway speaks (OTLP over HTTP; gRPC is not supported). */
export type OtlpProtocol = 'http/protobuf' | 'http/json';

/** Where and how one signal is exported. */
export interface OtlpTarget {
  /** The full URL, `/v1/<signal>` included. */
  readonly url: string;
  readonly protocol: OtlpProtocol;
  /** Sent with every export; values may be secrets, so nothing prints them. */
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

/** `telemetry` with the environment applied: present only when something is exported. */
export interface ResolvedTelemetry {
  /** Each signal's target, or undefined when that signal is not exported. */
  readonly traces: OtlpTarget | undefined;
  readonly logs: OtlpTarget | undefined;
  readonly metrics: OtlpTarget | undefined;
  readonly serviceName: string;
  /** Resource attributes besides service.name (OTEL_RESOURCE_ATTRIBUTES, then `telemetry.resource`). */
  readonly resource: Readonly<Record<string, string>>;
  /** Spans and log records waiting for export beyond which new ones are dropped (and counted). */
  readonly maxQueueSize: { readonly traces: number; readonly logs: number };
  readonly scheduleDelayMs: { readonly traces: number; readonly logs: number };
  readonly metricsIntervalMs: number;
  /** What turned telemetry on: `telemetry.otlp` in the config file, or OTEL_* variables alone. */
  readonly source: 'config' | 'environment';
}

/** A problem, at a JSON path of the config (or `telemetry` for one found in a variable). */
interface Issue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** What resolving telemetry needs from the config resolver. */
export interface TelemetryResolveContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `${env:…}` expansion; unset variables become issues at `at`. */
  readonly expand: (value: string, at: readonly (string | number)[]) => string;
  readonly parseDuration: (value: number | string) => number;
}

/** The OpenTelemetry SDK defaults (specification: SDK environment variables). */
export const TELEMETRY_DEFAULTS = {
  endpoint: 'http://localhost:4318',
  protocol: 'http/protobuf',
  timeoutMs: 10_000,
  maxQueueSize: 2048,
  scheduleDelayMs: { traces: 5000, logs: 1000 },
  metricsIntervalMs: 60_000,
  serviceName: 'mcp-gateway',
} as const;

const PROTOCOLS: readonly string[] = ['http/protobuf', 'http/json'];

const ENV_PREFIX = 'OTEL_EXPORTER_OTLP_';

/**
 * Resolves `telemetry` against the standard OTEL_* variables. Precedence, per setting: the
 * config file, then the signal's own variable (`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`), then the
 * shared one (`OTEL_EXPORTER_OTLP_ENDPOINT`), then the SDK default. Headers merge in that order,
 * the config winning per header. Pure: the environment is passed in.
 */
export const resolveTelemetry = (
  user: TelemetryUserConfig | undefined,
  context: TelemetryResolveContext,
): { telemetry: ResolvedTelemetry | undefined; issues: Issue[]; warnings: Issue[] } => {
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const { env } = context;
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const warn = (message: string): void => {
    // A shared variable is read once per signal: say what is wrong with it once.
    if (warnings.some((w) => w.message === message)) return;
    warnings.push({ path: ['telemetry'], message });
  };
  const none = { telemetry: undefined, issues, warnings };
  if (user?.enabled === false) return none;
  if (read('OTEL_SDK_DISABLED')?.toLowerCase() === 'true') return none;

  const otlp = user?.otlp;
  const fromConfig = otlp !== undefined;
  const configEndpoint =
    otlp?.endpoint === undefined
      ? undefined
      : context.expand(otlp.endpoint, ['telemetry', 'otlp', 'endpoint']);
  if (configEndpoint !== undefined && !isHttpUrl(configEndpoint)) {
    issues.push({
      path: ['telemetry', 'otlp', 'endpoint'],
      message: `"${configEndpoint}" is not an http:// or https:// URL; write the collector's OTLP/HTTP address, e.g. "http://localhost:4318"`,
    });
  }
  const configHeaders = Object.fromEntries(
    Object.entries(otlp?.headers ?? {}).map(([key, value]) => [
      key,
      context.expand(value, ['telemetry', 'otlp', 'headers', key]),
    ]),
  );
  const configTimeout =
    otlp?.timeout === undefined ? undefined : context.parseDuration(otlp.timeout);

  const targetFor = (signal: TelemetrySignal): OtlpTarget | undefined => {
    const upper = signal.toUpperCase();
    const own = (name: string) => read(`${ENV_PREFIX}${upper}_${name}`);
    const shared = (name: string) => read(`${ENV_PREFIX}${name}`);
    if (!signalWanted(signal, upper)) return undefined;

    let url: string;
    if (configEndpoint !== undefined) url = withSignalPath(configEndpoint, signal);
    else {
      const ownEndpoint = own('ENDPOINT');
      const sharedEndpoint = shared('ENDPOINT');
      const variable =
        ownEndpoint !== undefined
          ? `${ENV_PREFIX}${upper}_ENDPOINT`
          : sharedEndpoint !== undefined
            ? `${ENV_PREFIX}ENDPOINT`
            : undefined;
      const value = ownEndpoint ?? sharedEndpoint;
      if (variable !== undefined && value !== undefined && !isHttpUrl(value)) {
        warn(
          `${variable}="${value}" is not an http:// or https:// URL, so nothing is exported there; set it to the collector's OTLP/HTTP address`,
        );
        return undefined;
      }
      url = ownEndpoint ?? withSignalPath(sharedEndpoint ?? TELEMETRY_DEFAULTS.endpoint, signal);
    }

    let protocol: OtlpProtocol = TELEMETRY_DEFAULTS.protocol;
    if (otlp?.protocol !== undefined) protocol = otlp.protocol;
    else {
      const variable =
        own('PROTOCOL') !== undefined ? `${ENV_PREFIX}${upper}_PROTOCOL` : `${ENV_PREFIX}PROTOCOL`;
      const value = own('PROTOCOL') ?? shared('PROTOCOL');
      if (value !== undefined) {
        if (!PROTOCOLS.includes(value)) {
          warn(
            `${variable}="${value}": the gateway exports OTLP over HTTP only, so nothing is exported with this setting; set it to http/protobuf (or http/json) and point the endpoint at the collector's HTTP port (4318)`,
          );
          return undefined;
        }
        protocol = value as OtlpProtocol;
      }
    }

    const headers = {
      ...parseKeyValues(shared('HEADERS'), `${ENV_PREFIX}HEADERS`, warn),
      ...parseKeyValues(own('HEADERS'), `${ENV_PREFIX}${upper}_HEADERS`, warn),
      ...configHeaders,
    };
    const timeoutMs =
      configTimeout ??
      readMs(own('TIMEOUT'), `${ENV_PREFIX}${upper}_TIMEOUT`, warn) ??
      readMs(shared('TIMEOUT'), `${ENV_PREFIX}TIMEOUT`, warn) ??
      TELEMETRY_DEFAULTS.timeoutMs;
    return { url, protocol, headers, timeoutMs };
  };

  /** The config's `signals` list decides; without a config, a signal needs an endpoint variable. */
  function signalWanted(signal: TelemetrySignal, upper: string): boolean {
    if (otlp?.signals !== undefined) return otlp.signals.includes(signal);
    const exporter = read(`OTEL_${upper}_EXPORTER`);
    if (exporter !== undefined) {
      const names = exporter.split(',').map((name) => name.trim());
      if (names.includes('none')) return false;
      if (!names.includes('otlp')) {
        warn(
          `OTEL_${upper}_EXPORTER="${exporter}": the gateway exports with otlp only, so it exports ${signal} over OTLP`,
        );
      }
    }
    if (fromConfig) return true;
    return (
      read(`${ENV_PREFIX}${upper}_ENDPOINT`) !== undefined ||
      read(`${ENV_PREFIX}ENDPOINT`) !== undefined
    );
  }

  const traces = targetFor('traces');
  const logs = targetFor('logs');
  const metrics = targetFor('metrics');
  if (traces === undefined && logs === undefined && metrics === undefined) return none;

  const envResource = parseKeyValues(
    read('OTEL_RESOURCE_ATTRIBUTES'),
    'OTEL_RESOURCE_ATTRIBUTES',
    warn,
  );
  const configResource = Object.fromEntries(
    Object.entries(user?.resource ?? {}).map(([key, value]) => [
      key,
      context.expand(value, ['telemetry', 'resource', key]),
    ]),
  );
  const resource: Record<string, string> = { ...envResource, ...configResource };
  const serviceName =
    user?.serviceName ??
    read('OTEL_SERVICE_NAME') ??
    resource['service.name'] ??
    TELEMETRY_DEFAULTS.serviceName;
  delete resource['service.name'];

  const configQueue = otlp?.maxQueueSize;
  const configDelay =
    otlp?.scheduleDelay === undefined ? undefined : context.parseDuration(otlp.scheduleDelay);
  const telemetry: ResolvedTelemetry = {
    traces,
    logs,
    metrics,
    serviceName,
    resource,
    maxQueueSize: {
      traces:
        configQueue ??
        readCount(read('OTEL_BSP_MAX_QUEUE_SIZE'), 'OTEL_BSP_MAX_QUEUE_SIZE', warn) ??
        TELEMETRY_DEFAULTS.maxQueueSize,
      logs:
        configQueue ??
        readCount(read('OTEL_BLRP_MAX_QUEUE_SIZE'), 'OTEL_BLRP_MAX_QUEUE_SIZE', warn) ??
        TELEMETRY_DEFAULTS.maxQueueSize,
    },
    scheduleDelayMs: {
      traces:
        configDelay ??
        readMs(read('OTEL_BSP_SCHEDULE_DELAY'), 'OTEL_BSP_SCHEDULE_DELAY', warn) ??
        TELEMETRY_DEFAULTS.scheduleDelayMs.traces,
      logs:
        configDelay ??
        readMs(read('OTEL_BLRP_SCHEDULE_DELAY'), 'OTEL_BLRP_SCHEDULE_DELAY', warn) ??
        TELEMETRY_DEFAULTS.scheduleDelayMs.logs,
    },
    metricsIntervalMs:
      (otlp?.metricsInterval === undefined
        ? undefined
        : context.parseDuration(otlp.metricsInterval)) ??
      readMs(read('OTEL_METRIC_EXPORT_INTERVAL'), 'OTEL_METRIC_EXPORT_INTERVAL', warn) ??
      TELEMETRY_DEFAULTS.metricsIntervalMs,
    source: fromConfig ? 'config' : 'environment',
  };
  return { telemetry, issues, warnings };
};

const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/** A base endpoint gets `v1/<signal>` appended, after its own path (specification rule). */
const withSignalPath = (base: string, signal: TelemetrySignal): string =>
  `${base.endsWith('/') ? base : `${base}/`}v1/${signal}`;

/** `key1=value1,key2=value2` with percent-encoded values (OTEL_EXPORTER_OTLP_HEADERS and friends). */
const parseKeyValues = (
  text: string | undefined,
  variable: string,
  warn: (message: string) => void,
): Record<string, string> => {
  const out: Record<string, string> = {};
  if (text === undefined) return out;
  for (const pair of text.split(',')) {
    if (pair.trim() === '') continue;
    const at = pair.indexOf('=');
    const key = at <= 0 ? '' : pair.slice(0, at).trim();
    if (key === '') {
      // The value may be a secret: name the variable, never the text.
      warn(
        `${variable} has an entry without "key=", which is ignored; write key=value pairs separated by commas`,
      );
      continue;
    }
    out[key] = decodeValue(pair.slice(at + 1).trim());
  }
  return out;
};

const decodeValue = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

const readPositive =
  (unit: string) =>
  (
    text: string | undefined,
    variable: string,
    warn: (message: string) => void,
  ): number | undefined => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (Number.isInteger(value) && value > 0) return value;
    warn(`${variable}="${text}" is not a whole number of ${unit}; the default applies`);
    return undefined;
  };

const readMs = readPositive('milliseconds');
const readCount = readPositive('items');
