import { afterEach, describe, expect, test, vi } from 'vitest';
import type { TelemetryInput } from '../core/audit/audit-record.js';
import { DropReporter, displayUrl, type DropSource } from './drop-reporter.js';

afterEach(() => {
  vi.useRealTimers();
});

const setup = () => {
  const traces = {
    signal: 'traces' as const,
    url: 'http://user:pw@collector:4318/v1/traces?key=s3cret',
    lost: 0,
    lastError: undefined as string | undefined,
  };
  const records: TelemetryInput[] = [];
  const logged: string[] = [];
  const logger = {
    error: () => undefined,
    warn: (m: string) => logged.push(`warn ${m}`),
    info: (m: string) => logged.push(`info ${m}`),
    debug: () => undefined,
    backend: () => undefined,
  };
  const sources: DropSource[] = [traces];
  const reporter = new DropReporter(sources, {
    logger,
    record: (input) => records.push(input),
    intervalMs: 60_000,
  });
  return { traces, records, logged, reporter };
};

describe('lost telemetry in the audit log', () => {
  test('the first loss is recorded at once, later ones at most once a minute, the rest at close', () => {
    vi.useFakeTimers();
    const { traces, records, logged, reporter } = setup();
    traces.lost = 3;
    traces.lastError = 'connect ECONNREFUSED';
    reporter.changed(traces, 'dropped');
    expect(records).toEqual([
      {
        type: 'telemetry',
        event: 'dropped',
        dropped: { spans: 3, log_records: 0, metric_exports: 0 },
        detail: 'traces to http://collector:4318/v1/traces: connect ECONNREFUSED',
      },
    ]);
    traces.lost = 10;
    reporter.changed(traces, 'dropped');
    expect(records).toHaveLength(1);
    vi.advanceTimersByTime(60_000);
    expect(records.map((r) => r.dropped.spans)).toEqual([3, 7]);
    traces.lost = 12;
    reporter.changed(traces, 'dropped');
    reporter.close();
    expect(records.map((r) => r.dropped.spans)).toEqual([3, 7, 2]);
    // One warning for the whole outage; URL user info and query never shown.
    expect(logged.filter((l) => l.startsWith('warn'))).toHaveLength(1);
    expect(logged.join('\n')).not.toMatch(/s3cret|pw@/);
  });

  test('nothing lost, nothing written; working again is said once', () => {
    const { traces, records, logged, reporter } = setup();
    reporter.close();
    expect(records).toEqual([]);
    traces.lost = 1;
    reporter.changed(traces, 'dropped');
    reporter.changed(traces, 'recovered');
    reporter.changed(traces, 'recovered');
    expect(logged.filter((l) => l.startsWith('info'))).toHaveLength(1);
  });

  test('an endpoint is printed without user info or query', () => {
    expect(displayUrl('https://a:b@h.example:4318/v1/logs?api_key=x')).toBe(
      'https://h.example:4318/v1/logs',
    );
  });
});
