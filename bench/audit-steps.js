// @ts-check
// The audit steps of one echo call on their own, in this process: the `call` record built and
// sealed, the result's digest, the `result` record, and the write each reply waits for, through
// the real JSONL log in a temp folder. Prints CPU µs per call (process.cpuUsage: the garbage
// collector included), with 16 calls completing per turn of the event loop (one write for all
// of them) and one at a time (a write per call). Run after `npm run build`; give another build's
// `dist` to compare two builds alternately on the same machine:
//
//   node bench/audit-steps.js [calls] [OTHER/dist ...]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decision, session } from './audit-call.js';

const calls = Number(process.argv[2] ?? 100_000);
const here = resolve(fileURLToPath(import.meta.url), '../../dist');
const builds = [here, ...process.argv.slice(3).map((dist) => resolve(dist))];

/**
 * CPU µs per call of `calls` calls, `concurrency` at a time, through one build's audit steps.
 * @param {string} dist
 * @param {number} concurrency
 */
const measure = async (dist, concurrency) => {
  /** @type {typeof import('../dist/audit/jsonl-audit-log.js')} */
  const { openAuditLog } = await import(join(dist, 'audit/jsonl-audit-log.js'));
  /** @type {typeof import('../dist/pipeline/record-audit.js')} */
  const { recordAudit, recordCall } = await import(join(dist, 'pipeline/record-audit.js'));
  /** @type {typeof import('../dist/audit/digest.js')} */
  const { digestAuditContent } = await import(join(dist, 'audit/digest.js'));
  const dir = await mkdtemp(join(tmpdir(), 'mcp-gateway-audit-steps-'));
  try {
    const log = await openAuditLog({
      path: join(dir, 'audit.jsonl'),
      stateDir: join(dir, 'state'),
      durability: 'batch',
    });
    /** @type {import('../dist/pipeline/record-audit.js').RecordAuditOptions} */
    const options = {
      sink: log,
      durability: 'batch',
      results: 'hash',
      findSecrets: () => [],
      digest: digestAuditContent,
      defHash: () => `sha256:${'d'.repeat(64)}`,
      failClosed: () => true,
      now: () => performance.now(),
    };
    const outer = recordAudit(options);
    const inner = recordCall(options);
    let id = 0;
    const one = () => {
      const ctx = /** @type {import('../dist/core/tool-call.js').ToolCallContext} */ (
        /** @type {unknown} */ ({
          id: `c${String(id++)}`,
          server: 'echo',
          tool: 'echo',
          exposed: 'echo__echo',
          args: { message: 'hello' },
          session,
          trace: { decision, callRecorded: false },
        })
      );
      /** @type {import('../dist/core/tool-call.js').ToolCallOutcome} */
      const outcome = { kind: 'ok', result: { content: [{ type: 'text', text: 'hello' }] } };
      return outer(ctx, () => inner(ctx, () => Promise.resolve(outcome)));
    };
    /** @param {number} count */
    const run = async (count) => {
      for (let i = 0; i < count; i += concurrency) {
        const replies = [];
        for (let j = 0; j < concurrency; j++) replies.push(one());
        await Promise.all(replies);
      }
    };
    // Warm-up: the JIT has optimised the path before it is measured.
    await run(20_000);
    const started = process.cpuUsage();
    await run(calls);
    const used = process.cpuUsage(started);
    await log.close();
    return Math.round(((used.user + used.system) / calls) * 100) / 100;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

/** @type {Record<string, { inFlight16: number[]; oneAtATime: number[] }>} */
const results = {};
// Builds alternate, three rounds, so that the machine's noise hits each of them alike.
for (let round = 0; round < 3; round++) {
  for (const dist of builds) {
    const entry = (results[dist] ??= { inFlight16: [], oneAtATime: [] });
    entry.inFlight16.push(await measure(dist, 16));
    entry.oneAtATime.push(await measure(dist, 1));
  }
}
console.log(JSON.stringify({ node: process.version, calls, cpuUsPerCall: results }, null, 2));
