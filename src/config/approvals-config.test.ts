import { describe, expect, test } from 'vitest';
import { GatewayError } from '../core/errors.js';
import { validateConfig } from './load.js';

const options = (env: Record<string, string> = {}, inline = {}) => ({
  cwd: '/tmp/project',
  env: { HOME: '/home/u', ...env },
  inline,
});

const askPolicy = {
  default: 'allow',
  rules: [
    { id: 'ask-writes', effect: 'ask', match: 'fs/write_*' },
    { id: 'reads', effect: 'allow', match: 'fs/read_*' },
  ],
};

const issuesOf = (run: () => unknown): string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof GatewayError)
      return (error.details?.['issues'] as { path: unknown[]; message: string }[]).map(
        (issue) => `${issue.path.join('.')}: ${issue.message}`,
      );
    throw error;
  }
  return [];
};

describe('approvals and console settings', () => {
  test('defaults: every channel, 120 s, 150 ms, nothing pre-approved, console on a free port', () => {
    const config = validateConfig({ servers: {} }, undefined, options());
    expect(config.approvals).toEqual({
      channels: ['elicitation', 'console', 'notify'],
      timeoutMs: 120_000,
      fastDeclineMs: 150,
      preapproved: [],
    });
    expect(config.console).toEqual({ enabled: true, port: 0 });
  });

  test.each([
    ['true', false],
    ['1', false],
    ['false', true],
    ['0', true],
    ['', true],
  ])('CI=%j: the console is on: %s', (ci, enabled) => {
    expect(validateConfig({}, undefined, options({ CI: ci })).console.enabled).toBe(enabled);
  });

  test('the file and --no-console decide over CI', () => {
    const on = validateConfig({ console: { enabled: true } }, undefined, options({ CI: 'true' }));
    expect(on.console.enabled).toBe(true);
    const off = validateConfig(
      { console: { enabled: true } },
      undefined,
      options({}, { console: false }),
    );
    expect(off.console.enabled).toBe(false);
  });

  test('durations, ports and channels from the file; --approve adds to the pre-approved rules', () => {
    const config = validateConfig(
      {
        policy: askPolicy,
        approvals: {
          channels: ['console'],
          timeout: '5m',
          fastDecline: 300,
          preapproved: ['ask-writes'],
        },
        console: { port: 7777 },
      },
      undefined,
      options({}, { approve: ['ask-writes'] }),
    );
    expect(config.approvals).toEqual({
      channels: ['console'],
      timeoutMs: 300_000,
      fastDeclineMs: 300,
      preapproved: ['ask-writes'],
    });
    expect(config.console.port).toBe(7777);
  });

  test('a channel listed twice and --approve of a rule that is no ask rule are errors', () => {
    expect(
      issuesOf(() =>
        validateConfig(
          { policy: askPolicy, approvals: { channels: ['console', 'console'] } },
          undefined,
          options({}, { approve: ['reads'] }),
        ),
      ),
    ).toEqual([
      'approvals.channels.1: "console" is listed twice; name each channel once',
      'approvals.preapproved: --approve reads: the policy has no "ask" rule with that id (its ask rules: ask-writes)',
    ]);
  });

  test('a pre-approved id that is no ask rule, and notify without console, are warnings', () => {
    const config = validateConfig(
      {
        policy: askPolicy,
        approvals: { channels: ['elicitation', 'notify'], preapproved: ['reads'] },
      },
      undefined,
      options(),
    );
    expect(
      config.warnings.map((w) => w.path.join('.')).filter((p) => p.startsWith('approvals')),
    ).toEqual(['approvals.channels', 'approvals.preapproved.0']);
  });
});
