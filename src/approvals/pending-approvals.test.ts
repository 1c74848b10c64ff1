import { describe, expect, test } from 'vitest';
import { PendingApprovals, type PendingApprovalEvent } from './pending-approvals.js';

const view = {
  callId: 'c-1',
  server: 'gh',
  tool: 'create_issue',
  exposed: 'gh__create_issue',
  agent: undefined,
  client: undefined,
  rule: 'ask-writes',
  rules: ['ask-writes'],
  reason: 'policy rule "ask-writes" requires a human to approve this call',
  args: { title: 'x' },
  examined: [],
  argsHash: 'sha256:aaa',
  createdAt: '2026-12-06T00:00:00.000Z',
  expiresAt: '2026-12-06T00:02:00.000Z',
};

describe('PendingApprovals', () => {
  test('a decision reaches the waiting call and takes it off the list', async () => {
    const pending = new PendingApprovals();
    const { view: added, decided } = pending.add(view);
    expect(added.id).toMatch(/^[a-z2-9]{6}$/);
    expect(pending.list()).toHaveLength(1);
    const answer = { approved: true, scope: 'once', channel: 'console' } as const;
    expect(pending.decide(added.id, answer, 'sha256:aaa')).toMatchObject({ ok: true });
    await expect(decided).resolves.toEqual(answer);
    expect(pending.list()).toEqual([]);
  });

  test('a decision naming other arguments is refused as stale, and the call keeps waiting', () => {
    const pending = new PendingApprovals();
    const { view: added } = pending.add(view);
    const answer = { approved: true, scope: 'once', channel: 'console' } as const;
    expect(pending.decide(added.id, answer, 'sha256:bbb')).toEqual({ ok: false, why: 'stale' });
    expect(pending.get(added.id)).toBeDefined();
    expect(pending.decide('unknown', answer)).toEqual({ ok: false, why: 'unknown' });
  });

  test('a withdrawn call resolves with no decision, and a later decision finds nothing', async () => {
    const pending = new PendingApprovals();
    const { view: added, decided } = pending.add(view);
    pending.withdraw(added.id, 'expired');
    await expect(decided).resolves.toBeUndefined();
    expect(
      pending.decide(added.id, { approved: true, scope: 'once', channel: 'terminal' }),
    ).toEqual({ ok: false, why: 'unknown' });
  });

  test('subscribers hear additions and removals until they unsubscribe', () => {
    const pending = new PendingApprovals();
    const events: PendingApprovalEvent[] = [];
    const stop = pending.subscribe((event) => events.push(event));
    const { view: a } = pending.add(view);
    pending.decide(a.id, { approved: false, scope: 'once', channel: 'console' });
    stop();
    pending.add(view);
    expect(events.map((e) => e.type)).toEqual(['added', 'removed']);
    expect(events[1]).toMatchObject({ outcome: 'denied' });
  });
});
