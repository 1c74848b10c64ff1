import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, test, vi } from 'vitest';
import { silentLogger } from '../core/logger.js';
import type { ApprovalAnswer, ApprovalRequest, AskHuman } from '../pipeline/enforce-policy.js';
import { createApprovalBroker, type ApprovalSettings } from './approval-broker.js';
import { PendingApprovals } from './pending-approvals.js';

const request = (overrides: Partial<ApprovalRequest> = {}): ApprovalRequest => ({
  callId: 'call-1',
  server: 'gh',
  tool: 'create_issue',
  exposed: 'gh__create_issue',
  args: { title: 'hello', token: 'ghp_secret' },
  agent: undefined,
  reason: 'policy rule "ask-writes" requires a human to approve this call',
  rule: 'ask-writes',
  rules: ['ask-writes'],
  examined: [],
  signal: undefined,
  onProgress: undefined,
  ...overrides,
});

const settings = (overrides: Partial<ApprovalSettings> = {}): ApprovalSettings => ({
  channels: ['elicitation', 'console', 'notify'],
  timeoutMs: 5000,
  fastDeclineMs: 150,
  preapproved: [],
  ...overrides,
});

/** A broker with fakes: a clock the elicitation fake advances, one agent session, a console. */
const setup = (options: {
  settings?: Partial<ApprovalSettings>;
  elicit?: (request: ApprovalRequest, clock: { now: number }) => Promise<ApprovalAnswer>;
  console?: boolean;
  askRules?: string[];
}) => {
  const clock = { now: 1_000_000 };
  const pending = new PendingApprovals();
  const session = {};
  const elicit = vi.fn<AskHuman>((r) =>
    options.elicit === undefined
      ? Promise.resolve({ approved: false, why: 'unavailable' })
      : options.elicit(r, clock),
  );
  const notify = vi.fn();
  const broker = createApprovalBroker({
    settings: () => settings(options.settings),
    askRules: () => new Set(options.askRules ?? ['ask-writes']),
    elicit,
    sessionOf: () => session,
    sessionInfoOf: () => ({ agent: undefined, client: { name: 'client', version: '1' } }),
    console:
      options.console === false
        ? undefined
        : {
            pending,
            ready: () => Promise.resolve(),
            url: () => 'http://127.0.0.1:1',
          },
    notify,
    logger: silentLogger,
    now: () => clock.now,
    progressEveryMs: 10,
  });
  return { broker, pending, elicit, notify, clock };
};

/** Resolves with the first call that waits in the console. */
const waiting = async (pending: PendingApprovals) => {
  await vi.waitFor(() => {
    expect(pending.list()).toHaveLength(1);
  });
  return pending.list()[0]!;
};

describe('the approval broker', () => {
  test('a pre-approved rule is approved without asking anyone', async () => {
    const { broker, elicit } = setup({ settings: { preapproved: ['ask-writes'] } });
    await expect(broker(request())).resolves.toEqual({
      approved: true,
      scope: 'once',
      channel: 'preapproved',
    });
    expect(elicit).not.toHaveBeenCalled();
  });

  test('pre-approving one ask rule does not silence another ask rule that matched too', async () => {
    const { broker, elicit } = setup({
      settings: { preapproved: ['ask-writes'] },
      askRules: ['ask-writes', 'ask-secrets'],
      elicit: () => Promise.resolve({ approved: true, scope: 'once' }),
    });
    await broker(request({ rules: ['ask-writes', 'ask-secrets'] }));
    expect(elicit).toHaveBeenCalledTimes(1);
  });

  test('elicitation that a human answers decides, whatever the answer', async () => {
    const { broker, pending } = setup({
      elicit: (_r, clock) => {
        clock.now += 2000;
        return Promise.resolve({ approved: false, why: 'declined' });
      },
    });
    await expect(broker(request())).resolves.toEqual({
      approved: false,
      why: 'declined',
      channel: 'elicitation',
    });
    expect(pending.list()).toEqual([]);
  });

  test('a decline faster than a human turns elicitation off for the session; the console decides', async () => {
    const { broker, pending, elicit } = setup({
      elicit: (_r, clock) => {
        clock.now += 3;
        return Promise.resolve({ approved: false, why: 'declined' });
      },
    });
    const first = broker(request());
    const approval = await waiting(pending);
    pending.decide(approval.id, { approved: true, scope: 'session', channel: 'console' });
    await expect(first).resolves.toEqual({ approved: true, scope: 'session', channel: 'console' });
    const second = broker(request({ callId: 'call-2' }));
    const next = await waiting(pending);
    pending.decide(next.id, { approved: false, scope: 'once', channel: 'terminal', note: 'no' });
    await expect(second).resolves.toEqual({
      approved: false,
      why: 'declined',
      detail: 'denied in a terminal: no',
      channel: 'terminal',
    });
    expect(elicit).toHaveBeenCalledTimes(1);
  });

  test('the console shows the call bound to its arguments hash, with secrets redacted', async () => {
    const { broker, pending } = setup({});
    void broker(request());
    const approval = await waiting(pending);
    expect(approval).toMatchObject({
      server: 'gh',
      tool: 'create_issue',
      rule: 'ask-writes',
      client: { name: 'client', version: '1' },
      args: { title: 'hello', token: '[REDACTED:token]' },
    });
    expect(approval.argsHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    pending.withdraw(approval.id, 'cancelled');
  });

  test('waiting in the console sends progress and a desktop notification', async () => {
    const { broker, pending, notify } = setup({});
    const progress: Progress[] = [];
    const answer = broker(request({ onProgress: (p) => progress.push(p) }));
    const approval = await waiting(pending);
    await vi.waitFor(() => {
      expect(progress.length).toBeGreaterThanOrEqual(2);
    });
    expect(progress[0]).toMatchObject({ total: 5, message: expect.stringContaining('console') });
    expect(notify).toHaveBeenCalledWith(expect.objectContaining({ id: approval.id }));
    pending.decide(approval.id, { approved: true, scope: 'once', channel: 'console' });
    await answer;
  });

  test('no notification when "notify" is not among the channels', async () => {
    const { broker, pending, notify } = setup({ settings: { channels: ['console'] } });
    const answer = broker(request());
    const approval = await waiting(pending);
    pending.decide(approval.id, { approved: true, scope: 'once', channel: 'console' });
    await answer;
    expect(notify).not.toHaveBeenCalled();
  });

  test('nobody deciding in time is a denial that says so; the call leaves the list', async () => {
    const { broker, pending } = setup({ settings: { timeoutMs: 30 } });
    await expect(broker(request())).resolves.toMatchObject({
      approved: false,
      why: 'timeout',
      detail: 'nobody decided in the console within 1 s',
    });
    expect(pending.list()).toEqual([]);
  });

  test("the agent's cancel takes the call off the list", async () => {
    const { broker, pending } = setup({});
    const controller = new AbortController();
    const answer = broker(request({ signal: controller.signal }));
    await waiting(pending);
    controller.abort();
    await expect(answer).resolves.toMatchObject({ approved: false, why: 'cancelled' });
    expect(pending.list()).toEqual([]);
  });

  test('with no channel that reaches a human, the denial says how to pre-approve', async () => {
    const { broker } = setup({ console: false });
    const answer = await broker(request());
    expect(answer).toMatchObject({ approved: false, why: 'unavailable' });
    const detail = answer.approved ? '' : (answer.detail ?? '');
    expect(detail).toContain('the client does not answer MCP elicitation');
    expect(detail).toContain('the console is off');
    expect(detail).toContain('--approve ask-writes');
    expect(detail).toContain('"preapproved": ["ask-writes"]');
  });

  test('arguments too long for an elicitation dialog are shown in the console instead', async () => {
    const { broker, pending } = setup({
      elicit: () =>
        Promise.resolve({ approved: false, why: 'unshowable', detail: 'too long for a prompt' }),
    });
    const answer = broker(
      request({
        examined: [
          { at: 'path', value: '/etc/passwd', reading: 'resolves to /etc/passwd' },
          { at: 'headers.token', value: 'abc123' },
        ],
      }),
    );
    const approval = await waiting(pending);
    expect(approval.examined).toEqual([
      { at: 'path', value: '/etc/passwd', reading: 'resolves to /etc/passwd' },
      { at: 'headers.token', value: '[REDACTED:token]' },
    ]);
    pending.decide(approval.id, { approved: true, scope: 'once', channel: 'console' });
    await expect(answer).resolves.toMatchObject({ approved: true, channel: 'console' });
  });

  test('without a console, arguments too long for a dialog are denied with the reason', async () => {
    const { broker } = setup({
      console: false,
      elicit: () =>
        Promise.resolve({ approved: false, why: 'unshowable', detail: 'too long for a prompt' }),
    });
    await expect(broker(request())).resolves.toMatchObject({
      approved: false,
      why: 'unshowable',
      detail: 'too long for a prompt',
    });
  });

  test('channels are tried in the configured order: console first never asks the client', async () => {
    const { broker, pending, elicit } = setup({
      settings: { channels: ['console', 'elicitation'] },
      elicit: () => Promise.resolve({ approved: true, scope: 'once' }),
    });
    const answer = broker(request());
    const approval = await waiting(pending);
    pending.decide(approval.id, { approved: true, scope: 'once', channel: 'console' });
    await expect(answer).resolves.toMatchObject({ channel: 'console' });
    expect(elicit).not.toHaveBeenCalled();
  });
});
