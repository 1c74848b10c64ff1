import type { CallInput, ResultInput } from '../../src/core/audit/audit-record.js';

// The call and result records the console feed's tests record: an allowed echo call from one client, unless told.

export const callRecord = (
  id: string,
  options: { readonly final?: 'allow' | 'deny'; readonly client?: string } = {},
): CallInput => ({
  type: 'call',
  call: { id },
  server: 'fx',
  tool: 'echo',
  exposed: 'fx__echo',
  args: { text: 'x' },
  redacted: [],
  def_hash: null,
  decision: {
    deciding: 'default',
    effect: options.final ?? 'allow',
    final: options.final ?? 'allow',
    mode: 'enforce',
    policy: 'p',
    rules: ['r1'],
  },
  session: { agent: 'a1', client: { name: options.client ?? 'client', version: '1' } },
});

export const resultRecord = (id: string, findings: ResultInput['findings'] = []): ResultInput => ({
  type: 'result',
  call: { id },
  outcome: { bytes: 12, ms: 1.26, sha256: 'sha256:00', status: 'ok' },
  findings,
});
