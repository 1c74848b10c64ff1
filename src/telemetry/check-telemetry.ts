import { open } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ResolvedTelemetry, TelemetrySignal } from '../config/resolve-telemetry.js';
import type { AuditRecordOf } from '../core/audit/audit-record.js';
import { displayUrl } from './drop-reporter.js';

/** One signal's endpoint, as `doctor` found it. */
export interface TelemetryEndpointCheck {
  readonly signal: TelemetrySignal;
  /** Scheme, host and path only: user info and query strings can hold keys. */
  readonly url: string;
  readonly protocol: string;
  readonly ok: boolean;
  readonly message: string;
  readonly fix?: string;
}

/** Telemetry the gateway recorded as lost, from the `telemetry` records of the audit log. */
export interface TelemetryDrops {
  readonly records: number;
  readonly spans: number;
  readonly log_records: number;
  readonly metric_exports: number;
  /** When the latest of them was written, and what it said. */
  readonly last: string;
  readonly detail: string;
}

/** The telemetry part of `doctor`'s report. */
export interface TelemetryReport {
  /** `config`: telemetry.otlp in the file; `environment`: OTEL_EXPORTER_OTLP_* variables. */
  readonly source: 'config' | 'environment';
  readonly endpoints: readonly TelemetryEndpointCheck[];
  readonly dropped?: TelemetryDrops;
}

/** How long doctor waits for a collector to answer one empty export. */
const PROBE_TIMEOUT_MS = 5000;

/** How much of the end of the audit log doctor reads for `telemetry` records. */
const TAIL_BYTES = 1024 * 1024;

/**
 * Sends each configured signal an empty OTLP export (a valid request with no data: collectors
 * answer 200 and store nothing) with the configured headers, and reads the end of the audit
 * log for telemetry the gateway recorded as lost.
 */
export const checkTelemetry = async (
  settings: ResolvedTelemetry,
  auditPath: string | undefined,
): Promise<TelemetryReport> => {
  const signals = (['traces', 'logs', 'metrics'] as const).filter(
    (signal) => settings[signal] !== undefined,
  );
  const endpoints = await Promise.all(
    signals.map((signal) => {
      const target = settings[signal];
      if (target === undefined) throw new Error('unreachable');
      return probe(signal, target.url, target.protocol, target.headers, target.timeoutMs);
    }),
  );
  const dropped = auditPath === undefined ? undefined : await readDrops(auditPath);
  return {
    source: settings.source,
    endpoints,
    ...(dropped === undefined ? {} : { dropped }),
  };
};

const probe = async (
  signal: TelemetrySignal,
  url: string,
  protocol: string,
  headers: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<TelemetryEndpointCheck> => {
  const json = protocol === 'http/json';
  const where = { signal, url: displayUrl(url), protocol };
  const wait = Math.min(timeoutMs, PROBE_TIMEOUT_MS);
  const started = performance.now();
  // An export request with no resource data: `{}` in JSON, zero bytes in protobuf.
  const body = json ? Buffer.from('{}') : Buffer.alloc(0);
  let status: number;
  try {
    status = await post(
      url,
      body,
      {
        ...headers,
        'content-type': json ? 'application/json' : 'application/x-protobuf',
        'content-length': String(body.length),
      },
      wait,
    );
  } catch (error) {
    return { ...where, ok: false, ...networkProblem(error, url, wait) };
  }
  const ms = Math.round(performance.now() - started);
  if (status >= 200 && status < 300) {
    return { ...where, ok: true, message: `accepts ${protocol} (HTTP ${status} in ${ms} ms)` };
  }
  return { ...where, ok: false, ...httpProblem(status, signal, protocol) };
};

class ProbeTimeout extends Error {}

/** One POST with node:http(s), as the exporter sends it; resolves with the status code. */
const post = (
  url: string,
  body: Buffer,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<number> =>
  new Promise((resolve, reject) => {
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const request = send(url, { method: 'POST', headers }, (response) => {
      response.resume();
      response.on('end', () => {
        resolve(response.statusCode ?? 0);
      });
      response.on('error', reject);
    });
    request.setTimeout(timeoutMs, () => {
      request.destroy(new ProbeTimeout());
    });
    request.on('error', reject);
    request.end(body);
  });

const networkProblem = (
  error: unknown,
  url: string,
  waitMs: number,
): { message: string; fix: string } => {
  const code = (error as { code?: unknown }).code;
  const { host, hostname } = new URL(url);
  if (error instanceof ProbeTimeout) {
    return {
      message: `no answer from ${host} within ${waitMs} ms`,
      fix: 'check the address, and any firewall or proxy between this machine and the collector',
    };
  }
  if (code === 'ECONNREFUSED') {
    return {
      message: `nothing listens at ${host} (connection refused)`,
      fix: `start the collector (its OTLP/HTTP receiver, port 4318 by default), or correct the endpoint (telemetry.otlp.endpoint or OTEL_EXPORTER_OTLP_ENDPOINT)`,
    };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return {
      message: `the host ${hostname} was not found`,
      fix: 'correct the host name in the endpoint (telemetry.otlp.endpoint or OTEL_EXPORTER_OTLP_ENDPOINT)',
    };
  }
  return {
    message: `could not reach ${host}: ${error instanceof Error ? error.message : String(error)}`,
    fix: 'check the endpoint, and that the collector accepts OTLP over HTTP (https needs a certificate this machine trusts)',
  };
};

const httpProblem = (
  status: number,
  signal: TelemetrySignal,
  protocol: string,
): { message: string; fix: string } => {
  if (status === 401 || status === 403) {
    return {
      message: `the collector refused the request (HTTP ${status})`,
      fix: 'check the credentials in telemetry.otlp.headers (or OTEL_EXPORTER_OTLP_HEADERS)',
    };
  }
  if (status === 404) {
    return {
      message: `nothing answers OTLP at this path (HTTP 404)`,
      fix: `give the collector's base URL as the endpoint (e.g. http://host:4318; /v1/${signal} is appended), or the full URL in OTEL_EXPORTER_OTLP_${signal.toUpperCase()}_ENDPOINT`,
    };
  }
  if (status === 415) {
    return {
      message: `the collector does not accept ${protocol} (HTTP 415)`,
      fix: 'set telemetry.otlp.protocol (or OTEL_EXPORTER_OTLP_PROTOCOL) to the encoding the collector accepts',
    };
  }
  return {
    message: `the collector answered HTTP ${status}`,
    fix: "look at the collector's own log for why it rejected an empty export",
  };
};

/** Sums the `telemetry` records in the last MiB of the active audit log file. */
const readDrops = async (auditPath: string): Promise<TelemetryDrops | undefined> => {
  let text: string;
  try {
    const handle = await open(auditPath, 'r');
    try {
      const { size } = await handle.stat();
      const start = Math.max(0, size - TAIL_BYTES);
      const buffer = Buffer.alloc(size - start);
      await handle.read(buffer, 0, buffer.length, start);
      text = buffer.toString('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
  const drops = { records: 0, spans: 0, log_records: 0, metric_exports: 0, last: '', detail: '' };
  for (const line of text.split('\n')) {
    if (!line.includes('"type":"telemetry"')) continue;
    let record: AuditRecordOf<'telemetry'>;
    try {
      const parsed = JSON.parse(line) as { type?: unknown };
      if (parsed.type !== 'telemetry') continue;
      record = parsed as AuditRecordOf<'telemetry'>;
    } catch {
      continue;
    }
    drops.records++;
    drops.spans += record.dropped.spans;
    drops.log_records += record.dropped.log_records;
    drops.metric_exports += record.dropped.metric_exports;
    drops.last = record.ts;
    drops.detail = record.detail;
  }
  return drops.records === 0 ? undefined : drops;
};
