import { expect, test, vi } from 'vitest';
import type { ApprovalRequest, AskHuman } from '../pipeline/enforce-policy.js';
import { rememberSessionApprovals } from './session-approvals.js';

const request = (tool: string): ApprovalRequest => ({
  callId: 'c',
  server: 'fs',
  tool,
  exposed: `fs__${tool}`,
  args: {},
  agent: undefined,
  reason: 'needs approval',
  examined: [],
  signal: undefined,
});

test('a session approval answers later requests for the same tool without asking', async () => {
  const ask = vi.fn<AskHuman>(() => Promise.resolve({ approved: true, scope: 'session' }));
  const remembered = rememberSessionApprovals(ask);
  await remembered(request('write'));
  expect(await remembered(request('write'))).toEqual({
    approved: true,
    scope: 'session',
    remembered: true,
  });
  expect(ask).toHaveBeenCalledTimes(1);
  await remembered(request('delete'));
  expect(ask).toHaveBeenCalledTimes(2);
});

test('once approvals and refusals are asked again every time', async () => {
  const ask = vi
    .fn<AskHuman>()
    .mockResolvedValueOnce({ approved: true, scope: 'once' })
    .mockResolvedValueOnce({ approved: false, why: 'declined' })
    .mockResolvedValueOnce({ approved: true, scope: 'once' });
  const remembered = rememberSessionApprovals(ask);
  for (let i = 0; i < 3; i++) await remembered(request('write'));
  expect(ask).toHaveBeenCalledTimes(3);
});
