// @ts-check
// CPU per call of building and sealing an echo call's two audit records into the log's byte
// queue (core/audit/record-bytes.ts through audit/pending-bytes.ts: the records' text, the two
// SHA-256s), in a hot loop, nothing written to a file. Other builds' `dist` are loaded in the
// same process and alternated with this one, six rounds each:
//
//   node bench/audit-seal.js [calls] [OTHER/dist ...]
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decision, session } from './audit-call.js';

const calls = Number(process.argv[2] ?? 100_000);
const here = resolve(fileURLToPath(import.meta.url), '../../dist');
const builds = [here, ...process.argv.slice(3).map((dist) => resolve(dist))];

const ts = '2026-12-07T15:00:00.000Z';

const loaded = await Promise.all(
  builds.map(async (dist) => ({
    dist,
    /** @type {typeof import('../dist/core/audit/record-bytes.js')} */
    bytes: await import(join(dist, 'core/audit/record-bytes.js')),
    /** @type {typeof import('../dist/core/audit/build-records.js')} */
    records: await import(join(dist, 'core/audit/build-records.js')),
    /** @type {typeof import('../dist/audit/pending-bytes.js')} */
    pending: await import(join(dist, 'audit/pending-bytes.js')),
  })),
);

/** @param {(typeof loaded)[number]} build @param {number} count */
const measure = ({ bytes, records, pending }, count) => {
  const out = new pending.PendingBytes();
  let prev = `sha256:${'0'.repeat(64)}`;
  const started = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const id = `c${String(i)}`;
    const call = records.buildCallRecord({
      call: {
        id,
        server: 'echo',
        tool: 'echo',
        exposed: 'echo__echo',
        args: { message: 'hello' },
        session,
      },
      decision,
      defHash: `sha256:${'d'.repeat(64)}`,
      findSecrets: () => [],
    });
    prev = bytes.sealRecordBytes(out, call, 2 * i + 1, ts, prev, pending.sha256HexOfBytes) ?? prev;
    const result = records.buildResultRecord({
      callId: id,
      outcome: { kind: 'ok', result: { content: [] } },
      ms: 0.123456789,
      results: 'hash',
      digest: { bytes: 60, sha256: `sha256:${'e'.repeat(64)}` },
      findSecrets: () => [],
    });
    prev =
      bytes.sealRecordBytes(out, result, 2 * i + 2, ts, prev, pending.sha256HexOfBytes) ?? prev;
    // The log writes its queue out before each reply: it never grows past a few records.
    if (i % 16 === 15) out.clear();
  }
  const used = process.cpuUsage(started);
  return Math.round(((used.user + used.system) / count) * 100) / 100;
};

// Warm-up: the JIT has optimised each build's path before it is measured.
for (const build of loaded) measure(build, 50_000);
/** @type {Record<string, number[]>} */
const results = {};
for (let round = 0; round < 6; round++) {
  for (const build of loaded) (results[build.dist] ??= []).push(measure(build, calls));
}
console.log(JSON.stringify({ node: process.version, calls, cpuUsPerCall: results }, null, 2));
