// @ts-check
// Audit log micro-benchmark: append cost per record (the gateway's hot path) and the time to
// verify 100,000 records. Run after `npm run build`: node bench/audit.js [records]
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openAuditLog } from '../dist/audit/jsonl-audit-log.js';
import { verifyAuditLog } from '../dist/audit/verify-audit-log.js';
import { buildCallRecord, buildResultRecord } from '../dist/core/audit/build-records.js';

const records = Number(process.argv[2] ?? 100_000);
const dir = await mkdtemp(join(tmpdir(), 'mcp-gateway-audit-bench-'));
const path = join(dir, 'audit.jsonl');
const stateDir = join(dir, 'state');

/** @type {import('../dist/core/audit/redact-secrets.js').FindSecrets} */
const findSecrets = () => [];
/** @type {import('../dist/core/policy/decision.js').PolicyDecision} */
const decision = {
  effect: 'allow',
  final: 'allow',
  decidingRule: 'allow-reads',
  rules: ['allow-reads'],
  mode: 'enforce',
  policy: `sha256:${'c'.repeat(64)}`,
  reason: 'allowed',
};
/** @param {number} i */
const callInput = (i) =>
  buildCallRecord({
    call: {
      id: `call-${i}`,
      server: 'fs',
      tool: 'read_file',
      exposed: 'fs__read_file',
      args: { path: `/home/user/project/src/file-${i}.ts`, encoding: 'utf8' },
      session: { agent: 'bench', client: { name: 'bench-client', version: '1.0.0' } },
    },
    decision,
    defHash: `sha256:${'d'.repeat(64)}`,
    findSecrets,
  });
/** @param {number} i */
const resultInput = (i) =>
  buildResultRecord({
    callId: `call-${i}`,
    outcome: { kind: 'ok', result: { content: [{ type: 'text', text: 'ok' }] } },
    ms: 1.234,
    results: 'hash',
    digest: { bytes: 1234, sha256: `sha256:${'e'.repeat(64)}` },
    findSecrets,
  });

const median = (/** @type {number[]} */ values) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

try {
  const log = await openAuditLog({
    path,
    stateDir,
    durability: 'batch',
    checkpointEvery: { records: 1000, seconds: 60 },
  });
  const samples = [];
  let appended = 0;
  // Batches of 2,000 appends, flushed between batches as the timer would: 100k records in all.
  while (appended < records) {
    // Inputs are built outside the timed loop: this measures the writer's append (seal + queue).
    const inputs = Array.from({ length: 2000 }, (_, i) =>
      i % 2 === 0 ? callInput(appended + i) : resultInput(appended + i - 1),
    );
    const started = process.hrtime.bigint();
    for (const input of inputs) log.append(input);
    samples.push(Number(process.hrtime.bigint() - started) / 1000 / inputs.length);
    appended += inputs.length;
    await log.flush();
  }
  await log.close();
  const size = (await stat(path)).size;

  // The builders (redaction walk of small args) are part of what a call costs too.
  const buildStarted = process.hrtime.bigint();
  for (let i = 0; i < 20_000; i++) callInput(i);
  const buildUs = Number(process.hrtime.bigint() - buildStarted) / 1000 / 20_000;

  const verifyRuns = [];
  let report;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    report = await verifyAuditLog(path, { stateDir });
    verifyRuns.push(performance.now() - started);
  }
  console.log(
    JSON.stringify(
      {
        node: process.version,
        // Other work on the machine inflates every figure; compare runs under the same load.
        loadAverage: loadavg()[0],
        records: report?.records,
        fileMiB: Math.round((size / 1024 / 1024) * 10) / 10,
        appendUsPerRecord: {
          // The first batches run before the JIT has warmed up; they are left out.
          median: Math.round(median(samples.slice(5)) * 100) / 100,
          min: Math.round(Math.min(...samples) * 100) / 100,
        },
        buildCallRecordUs: Math.round(buildUs * 100) / 100,
        verifyMs: { median: Math.round(median(verifyRuns)), runs: verifyRuns.map(Math.round) },
        verifyStatus: report?.status,
      },
      null,
      2,
    ),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
