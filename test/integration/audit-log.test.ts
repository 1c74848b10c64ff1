import {
  appendFile,
  chmod,
  copyFile,
  mkdir,
  readFile,
  readdir,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openAuditLog, type AuditLogOptions } from '../../src/audit/jsonl-audit-log.js';
import { followAuditLog } from '../../src/audit/follow-audit-log.js';
import { readAuditRecords } from '../../src/audit/read-audit-records.js';
import { verifyAuditLog } from '../../src/audit/verify-audit-log.js';
import { sha256Hex } from '../../src/audit/digest.js';
import { buildCallRecord } from '../../src/core/audit/build-records.js';
import type { AuditRecord } from '../../src/core/audit/audit-record.js';
import {
  callAndResult,
  makeAuditDir,
  readLines,
  rewriteChain,
  writeLines,
} from './audit-helpers.js';

let dir: Awaited<ReturnType<typeof makeAuditDir>>;
beforeEach(async () => {
  dir = await makeAuditDir();
});
afterEach(async () => {
  await dir.remove();
});

const open = (overrides: Partial<AuditLogOptions> = {}) =>
  openAuditLog({
    path: dir.path,
    stateDir: dir.stateDir,
    durability: 'batch',
    flushIntervalMs: 5,
    ...overrides,
  });

/** Writes `pairs` call/result pairs and closes (which adds the final checkpoint and head.json). */
const writePairs = async (
  pairs: number,
  overrides: Partial<AuditLogOptions> = {},
): Promise<void> => {
  const log = await open(overrides);
  for (let i = 0; i < pairs; i++) {
    for (const input of callAndResult(`c${i}`)) log.append(input);
    // One batch per pair, as a gateway serving calls one at a time would write them.
    await log.flush();
  }
  await log.close();
};

const verify = (options: { anchor?: string } = {}) =>
  verifyAuditLog(dir.path, { stateDir: dir.stateDir, ...options });

const errorCodes = async (options: { anchor?: string } = {}) =>
  (await verify(options)).errors.map((issue) => issue.code);

describe('audit log chain', () => {
  test('a clean log verifies, with gapless seq from 1 and a final checkpoint', async () => {
    await writePairs(20, { checkpointEvery: { records: 10, seconds: 60 } });
    const report = await verify();
    expect(report).toMatchObject({ status: 'ok', errors: [], warnings: [], files: [dir.path] });
    const records: AuditRecord[] = [];
    for await (const record of readAuditRecords(dir.path)) records.push(record);
    expect(records.map((record) => record.seq)).toEqual(records.map((_, i) => i + 1));
    expect(records.filter((record) => record.type === 'checkpoint').length).toBeGreaterThanOrEqual(
      4,
    );
    expect(records.at(-1)?.type).toBe('checkpoint');
    expect(report.records).toBe(records.length);
  });

  test('receipts match the records written, and reopening continues the chain', async () => {
    const log = await open();
    const [call, result] = callAndResult('c1');
    const first = log.append(call);
    const second = await log.appendDurable(result);
    await log.close();
    const again = await open();
    const third = await again.appendDurable(callAndResult('c2')[0]);
    await again.close();
    const lines = (await readLines(dir.path)).map((line) => JSON.parse(line) as AuditRecord);
    expect(lines[0]).toMatchObject({
      seq: first.seq,
      hash: first.hash,
      prev: `sha256:${'0'.repeat(64)}`,
    });
    expect(lines[1]).toMatchObject({ seq: second.seq, hash: second.hash, prev: first.hash });
    expect(lines.find((record) => record.seq === third.seq)?.hash).toBe(third.hash);
    expect((await verify()).status).toBe('warnings'); // c2 has no result
  });

  test('the hash is sha256 over the domain prefix and the canonical record without hash', async () => {
    await writePairs(1);
    const [line] = await readLines(dir.path);
    const { hash, ...rest } = JSON.parse(line!) as Record<string, unknown>;
    const keys = Object.keys(rest).sort();
    // Hand-rolled JCS for this flat-enough record, independent of canonicalJson.
    const canonical = (value: unknown): string =>
      Array.isArray(value)
        ? `[${value.map(canonical).join(',')}]`
        : typeof value === 'object' && value !== null
          ? `{${Object.keys(value)
              .sort()
              .map(
                (key) =>
                  `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`,
              )
              .join(',')}}`
          : JSON.stringify(value);
    expect(keys[0]).toBe('args');
    expect(hash).toBe(`sha256:${sha256Hex(`mcp-gateway-audit-v1\n${canonical(rest)}`)}`);
  });

  test('lone surrogates in args are written as escapes and hash deterministically', async () => {
    const log = await open();
    const [call] = callAndResult('c1', { text: 'a\uD800b' });
    const receipt = await log.appendDurable(call);
    await log.close();
    const text = await readFile(dir.path, 'utf8');
    expect(text).toContain('"a\\ud800b"');
    const parsed = JSON.parse(text.split('\n')[0]!) as AuditRecord & { args: { text: string } };
    expect(parsed.args.text).toBe('a\uD800b');
    expect(parsed.hash).toBe(receipt.hash);
    expect((await verify()).errors).toEqual([]);
  });

  test('a secret in arguments never reaches the file', async () => {
    const token = 'ghp_' + 'S'.repeat(36);
    const findSecrets = (text: string) => {
      const start = text.indexOf(token);
      return start === -1 ? [] : [{ kind: 'github-token', start, end: start + token.length }];
    };
    const log = await open();
    const record = buildCallRecord({
      call: {
        id: 'c1',
        server: 'gh',
        tool: 'search',
        exposed: 'gh__search',
        args: {
          q: `find ${token}`,
          headers: { Authorization: `Bearer ${token}` },
          password: 'hunter2',
        },
        session: { agent: undefined, client: undefined },
      },
      decision: {
        effect: 'allow',
        final: 'allow',
        decidingRule: 'default',
        rules: [],
        mode: 'enforce',
        policy: 'sha256:0',
        reason: '',
      },
      defHash: undefined,
      findSecrets,
    });
    await log.appendDurable(record);
    await log.close();
    const text = await readFile(dir.path, 'utf8');
    expect(text).not.toContain(token);
    expect(text).not.toContain('hunter2');
    expect(text).toContain('[REDACTED:github-token]');
    expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({
      redacted: ['args.q', 'args.headers.Authorization', 'args.password'],
    });
  });
});

describe('audit verify catches tampering', () => {
  beforeEach(async () => {
    await writePairs(10, { checkpointEvery: { records: 6, seconds: 60 } });
  });

  test('an edited field', async () => {
    const lines = await readLines(dir.path);
    lines[3] = lines[3]!.replace('"status":"ok"', '"status":"tool_error"');
    await writeLines(dir.path, lines);
    expect(await errorCodes()).toEqual(['hash_mismatch']);
  });

  test('a deleted line', async () => {
    const lines = await readLines(dir.path);
    await writeLines(
      dir.path,
      lines.filter((_, i) => i !== 4),
    );
    expect(await errorCodes()).toEqual(expect.arrayContaining(['seq_mismatch', 'prev_mismatch']));
  });

  test('a reordered line', async () => {
    const lines = await readLines(dir.path);
    [lines[2], lines[3]] = [lines[3]!, lines[2]!];
    await writeLines(dir.path, lines);
    expect((await verify()).status).toBe('tampered');
  });

  test('a tail truncated below the last checkpoint, even with the chain intact', async () => {
    const lines = await readLines(dir.path);
    await writeLines(dir.path, lines.slice(0, 8));
    expect(await errorCodes()).toEqual(['truncated']);
  });

  test('a truncated tail against an anchor exported off the machine', async () => {
    const exported = join(dir.dir, 'exported-head.json');
    await copyFile(join(dir.stateDir, 'head.json'), exported);
    const log = await open();
    for (const input of callAndResult('late')) log.append(input);
    await log.close();
    // The attacker truncates and also replaces head.json and the key: only the anchor remains.
    const lines = await readLines(dir.path);
    await writeLines(dir.path, lines.slice(0, 5));
    const report = await verifyAuditLog(dir.path, { anchor: exported });
    expect(report.errors.map((issue) => issue.code)).toEqual(['truncated']);
  });

  test('a forged checkpoint, even when every hash is recomputed', async () => {
    await rewriteChain(dir.path, (records) =>
      records.map((record) =>
        record['type'] === 'checkpoint'
          ? { ...record, signature: Buffer.alloc(64, 7).toString('base64') }
          : record,
      ),
    );
    const report = await verify();
    expect(report.status).toBe('tampered');
    expect(report.errors.map((issue) => issue.code)).toContain('signature_invalid');
  });

  test('a whole chain rewritten with recomputed hashes, caught by the signed head', async () => {
    await rewriteChain(dir.path, (records) =>
      records.map((record) =>
        record['seq'] === 2 ? { ...record, outcome: { status: 'denied', ms: 0 } } : record,
      ),
    );
    expect(await errorCodes()).toEqual(
      expect.arrayContaining(['signature_invalid', 'anchor_mismatch']),
    );
  });
});

describe('audit log crash safety and rotation', () => {
  test('a torn last line is kept, terminated and named by a recovery record', async () => {
    await writePairs(3);
    const before = await stat(dir.path);
    const torn = '{"hash":"sha256:4f1c","args":{"i":';
    await appendFile(dir.path, torn);
    expect((await verify()).warnings.map((issue) => issue.code)).toEqual(['torn_line']);

    const log = await open();
    await log.appendDurable(callAndResult('after')[0]);
    await log.close();
    const text = await readFile(dir.path, 'utf8');
    expect(text.slice(before.size, before.size + torn.length + 1)).toBe(`${torn}\n`);
    const lines = await readLines(dir.path);
    const recovery = JSON.parse(lines[lines.indexOf(torn) + 1]!) as AuditRecord;
    expect(recovery).toMatchObject({
      type: 'recovery',
      torn: {
        file: 'audit.jsonl',
        offset: before.size,
        length: torn.length,
        sha256: `sha256:${sha256Hex(torn)}`,
      },
    });
    const report = await verify();
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((issue) => issue.code).sort()).toEqual([
      'call_without_result',
      'torn_line',
    ]);
  });

  test('rotation continues seq and prev into the next file, and verify follows the files', async () => {
    await writePairs(60, { rotateBytes: 4096, checkpointEvery: { records: 25, seconds: 60 } });
    const files = (await readdir(dir.dir)).filter((name) => name.endsWith('.jsonl')).sort();
    expect(files.length).toBeGreaterThan(2);
    expect(files[0]).toBe('audit-000000000001.jsonl');
    const report = await verify();
    expect(report).toMatchObject({ status: 'ok', errors: [], warnings: [] });
    expect(report.files.length).toBe(files.length);
    const seqs: number[] = [];
    for await (const record of readAuditRecords(dir.path)) seqs.push(record.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  test('a write failure marks the log unhealthy and rejects appendDurable, then recovers', async () => {
    const errors: Error[] = [];
    const log = await open({
      onError: (error) => errors.push(error),
      lock: { timeoutMs: 50, staleMs: 60_000 },
    });
    // A lock held by a live writer on another host cannot be stolen: the flush times out.
    await writeFile(`${dir.path}.lock`, `${String(process.pid)} elsewhere.invalid token`);
    await expect(log.appendDurable(callAndResult('c1')[0])).rejects.toMatchObject({
      code: 'AUDIT_WRITE_FAILED',
    });
    expect(log.healthy).toBe(false);
    expect(errors[0]?.message).toContain('audit.jsonl');
    await rm(`${dir.path}.lock`);
    await log.flush();
    expect(log.healthy).toBe(true);
    await log.close();
    const records: AuditRecord[] = [];
    for await (const record of readAuditRecords(dir.path)) records.push(record);
    expect(records[0]).toMatchObject({ type: 'call', call: { id: 'c1' } });
  });

  test('followAuditLog sees records appended after it started', async () => {
    const log = await open();
    await log.appendDurable(callAndResult('before')[0]);
    const seen: AuditRecord[] = [];
    const controller = new AbortController();
    const following = followAuditLog(dir.path, (record) => seen.push(record), controller.signal, {
      pollMs: 10,
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    await log.appendDurable(callAndResult('before')[1]);
    await log.close();
    await expect.poll(() => seen.map((record) => record.type)).toEqual(['result', 'checkpoint']);
    controller.abort();
    await following;
  });
});

describe('audit log key rotation', () => {
  const keyIdOf = async (): Promise<string> =>
    (JSON.parse(await readFile(join(dir.stateDir, 'head.json'), 'utf8')) as { key_id: string })
      .key_id;

  test('a deleted signing key is replaced, said on stderr and in a key_rotated record, and verify tells it from forgery', async () => {
    await writePairs(3);
    const oldKeyId = await keyIdOf();
    const oldPublicKey = await readFile(join(dir.stateDir, 'audit-key.pub.pem'), 'utf8');
    await rm(join(dir.stateDir, 'audit-key.pem'));
    const warnings: string[] = [];
    const log = await open({ onWarning: (message) => warnings.push(message) });
    for (const input of callAndResult('after')) log.append(input);
    await log.close();

    expect(warnings.join('\n')).toContain(oldKeyId);
    expect(warnings.join('\n')).toContain('signing key changed');
    const records: AuditRecord[] = [];
    for await (const record of readAuditRecords(dir.path)) records.push(record);
    const rotation = records.find((record) => record.type === 'key_rotated');
    expect(rotation).toMatchObject({
      old_key_id: oldKeyId,
      old_public_key: oldPublicKey,
      new_key_id: await keyIdOf(),
    });
    expect(await keyIdOf()).not.toBe(oldKeyId);
    // The rotation is covered at once by a checkpoint signed with the new key.
    expect(records[records.indexOf(rotation!) + 1]?.type).toBe('checkpoint');

    const report = await verify();
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((issue) => issue.code)).toEqual(['key_rotated']);
  });

  test('a rotation record does not excuse a checkpoint that its retired key never signed', async () => {
    await writePairs(3);
    await rm(join(dir.stateDir, 'audit-key.pem'));
    await writePairs(1);
    // Forge the first checkpoint (signed by the retired key) and recompute every hash.
    let forged = false;
    await rewriteChain(dir.path, (records) =>
      records.map((record) => {
        if (record['type'] !== 'checkpoint' || forged) return record;
        forged = true;
        return { ...record, signature: Buffer.alloc(64, 7).toString('base64') };
      }),
    );
    expect(await errorCodes()).toContain('signature_invalid');
  });

  test('the same key on every open writes no rotation record', async () => {
    await writePairs(2);
    const log = await open();
    for (const input of callAndResult('later')) log.append(input);
    await log.close();
    const records: AuditRecord[] = [];
    for await (const record of readAuditRecords(dir.path)) records.push(record);
    expect(records.some((record) => record.type === 'key_rotated')).toBe(false);
    expect((await verify()).status).toBe('ok');
  });
});

describe('audit log state folder', () => {
  test('the state folder is created 0700 when the log inside it is opened first', async () => {
    // As the gateway does: the default log path is <state>/audit.jsonl.
    const log = await open({ path: join(dir.stateDir, 'audit.jsonl') });
    await log.close();
    expect((await stat(dir.stateDir)).mode & 0o777).toBe(0o700);
  });

  test('an existing state folder others can read is tightened to 0700, and the user is told', async () => {
    await mkdir(dir.stateDir, { mode: 0o755 });
    await chmod(dir.stateDir, 0o755);
    const warnings: string[] = [];
    const log = await open({ onWarning: (message) => warnings.push(message) });
    await log.close();
    expect((await stat(dir.stateDir)).mode & 0o777).toBe(0o700);
    expect(warnings.join('\n')).toContain('changed it to 0700');
  });
});

describe('audit log written()', () => {
  test('puts every appended record in the file without waiting for the batch', async () => {
    const log = await open({ flushIntervalMs: 60_000 });
    const [call, result] = callAndResult('c1');
    log.append(call);
    const receipt = log.append(result);
    await log.written();
    const lines = (await readLines(dir.path)).map((line) => JSON.parse(line) as AuditRecord);
    expect(lines.at(-1)).toMatchObject({ seq: receipt.seq, hash: receipt.hash, type: 'result' });
    expect(log.written()).toBeUndefined();
    await log.close();
  });

  test('one write serves every caller in the same turn of the event loop', async () => {
    const log = await open({ flushIntervalMs: 60_000 });
    log.append(callAndResult('a')[0]);
    const first = log.written();
    log.append(callAndResult('b')[0]);
    expect(log.written()).toBe(first);
    await first;
    expect(await readLines(dir.path)).toHaveLength(2);
    await log.close();
  });

  test('checkpoints between replies: head.json names the last one, and no temporary file is left', async () => {
    const log = await open({ checkpointEvery: { records: 10, seconds: 60 } });
    for (let i = 0; i < 60; i++) {
      for (const input of callAndResult(`c${String(i)}`)) log.append(input);
      await log.written();
      if (i % 7 === 0) await log.flush();
    }
    await log.close();
    const records = (await readLines(dir.path)).map((line) => JSON.parse(line) as AuditRecord);
    const last = records.filter((record) => record.type === 'checkpoint').at(-1);
    expect(last?.seq).toBeGreaterThan(100);
    const head = JSON.parse(await readFile(join(dir.stateDir, 'head.json'), 'utf8')) as {
      checkpoint: unknown;
    };
    expect(head.checkpoint).toEqual({ seq: last?.seq, hash: last?.hash });
    expect((await readdir(dir.stateDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect((await verify()).errors).toEqual([]);
  });

  test('a checkpoint older than the one head.json names does not replace it', async () => {
    const log = await open({ flushIntervalMs: 60_000 });
    for (const input of callAndResult('c1')) log.append(input);
    await log.written();
    // Another process's checkpoint, further along the same file.
    const newer = {
      seq: 1_000_000,
      hash: `sha256:${'f'.repeat(64)}`,
      ts: new Date().toISOString(),
      file: basename(dir.path),
      key_id: 'other',
      signature: 'other',
    };
    await writeFile(join(dir.stateDir, 'head.json'), `${JSON.stringify(newer)}\n`);
    await log.close();
    expect(JSON.parse(await readFile(join(dir.stateDir, 'head.json'), 'utf8'))).toEqual(newer);
    expect((await readdir(dir.stateDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('a log file removed while the lease is held is noticed within a lease period', async () => {
    // Busy enough to keep the lease: the hot path then trusts the file's size without a stat,
    // but no longer than one lease period.
    const log = await open({ flushIntervalMs: 60_000, leaseMs: 20 });
    for (const input of callAndResult('c1')) log.append(input);
    await log.written();
    await rm(dir.path);
    // Replies keep coming for three lease periods, so the lease is renewed throughout.
    const until = Date.now() + 60;
    let receipt = log.append(callAndResult('c2')[0]);
    for (let i = 3; Date.now() < until; i++) {
      await log.written();
      await new Promise((resolve) => setTimeout(resolve, 1));
      receipt = log.append(callAndResult(`c${String(i)}`)[0]);
    }
    await log.written();
    const lines = (await readLines(dir.path)).map((line) => JSON.parse(line) as AuditRecord);
    expect(lines.at(-1)).toMatchObject({ seq: receipt.seq, hash: receipt.hash, type: 'call' });
    await log.close();
  });

  test('records written under one lease go into the file back to back, in order', async () => {
    const log = await open({ flushIntervalMs: 60_000, leaseMs: 60_000 });
    const receipts = [];
    for (let i = 0; i < 20; i++) {
      for (const input of callAndResult(`c${String(i)}`)) receipts.push(log.append(input));
      await log.written();
    }
    await log.close();
    const records = (await readLines(dir.path)).map((line) => JSON.parse(line) as AuditRecord);
    expect(records.slice(0, 40).map((record) => record.hash)).toEqual(
      receipts.map((receipt) => receipt.hash),
    );
    expect((await verify()).errors).toEqual([]);
  });

  test('falls back to waiting for the lock when another writer holds it, then writes', async () => {
    const log = await open({ flushIntervalMs: 60_000, lock: { staleMs: 60_000 } });
    await writeFile(`${dir.path}.lock`, `${String(process.pid)} elsewhere.invalid token`);
    log.append(callAndResult('c1')[0]);
    let settled = false;
    const waiting = log.written()?.then(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    await rm(`${dir.path}.lock`);
    await waiting;
    expect(await readLines(dir.path)).toHaveLength(1);
    await log.close();
  });
});

/** A log whose timer never flushes during a test: only writeNow() and written() put records in the file. */
const openHeld = (overrides: Partial<AuditLogOptions> = {}) =>
  open({ flushIntervalMs: 60_000, ...overrides });

/** The file's records, read synchronously: what is in it at this very moment. */
const recordsNow = (): AuditRecord[] =>
  readFileSync(dir.path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as AuditRecord);

describe('audit log writeNow() ', () => {
  test('puts every appended record in the file before it returns', async () => {
    const log = await openHeld();
    const [call, result] = callAndResult('c1');
    log.append(call);
    const receipt = log.append(result);
    expect(log.writeNow()).toBe(true);
    expect(
      recordsNow()
        .slice(-2)
        .map((record) => record.type),
    ).toEqual(['call', 'result']);
    expect(recordsNow().at(-1)).toMatchObject({ seq: receipt.seq, hash: receipt.hash });
    // Nothing is left for a barrier to write.
    expect(log.written()).toBeUndefined();
    expect(log.writeNow()).toBe(true);
    await log.close();
    expect((await verifyAuditLog(dir.path, { stateDir: dir.stateDir })).errors).toEqual([]);
  });

  test('calls written one at a time and through the shared write interleave into one valid chain', async () => {
    const log = await openHeld({ leaseMs: 5 });
    const receipts = [];
    for (let i = 0; i < 30; i++) {
      for (const input of callAndResult(`c${String(i)}`)) receipts.push(log.append(input));
      if (i % 3 === 0) await log.written();
      else expect(log.writeNow()).toBe(true);
      // Lease periods end between some of the writes.
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 8));
    }
    await log.close();
    const records = (await readLines(dir.path)).map((line) => JSON.parse(line) as AuditRecord);
    expect(records.slice(0, 60).map((record) => record.hash)).toEqual(
      receipts.map((receipt) => receipt.hash),
    );
    expect((await verifyAuditLog(dir.path, { stateDir: dir.stateDir })).errors).toEqual([]);
  });

  test('another writer holding the lock: false, and written() then waits for it and writes', async () => {
    const log = await openHeld({ lock: { staleMs: 60_000 } });
    await writeFile(`${dir.path}.lock`, `${String(process.pid)} elsewhere.invalid token`);
    log.append(callAndResult('c1')[0]);
    expect(log.writeNow()).toBe(false);
    let settled = false;
    const waiting = log.written()?.then(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(settled).toBe(false);
    await rm(`${dir.path}.lock`);
    await waiting;
    expect(await readLines(dir.path)).toHaveLength(1);
    await log.close();
  });

  test('a file another process appended to: false, and written() re-chains after its records', async () => {
    const mine = await openHeld({ leaseMs: 0 });
    for (const input of callAndResult('a')) mine.append(input);
    expect(mine.writeNow()).toBe(true);
    const theirs = await openHeld({ leaseMs: 0 });
    for (const input of callAndResult('b')) theirs.append(input);
    await theirs.close();
    const receipt = mine.append(callAndResult('c')[0]);
    expect(mine.writeNow()).toBe(false);
    await mine.written();
    const records = (await readLines(dir.path)).map((line) => JSON.parse(line) as AuditRecord);
    // The receipt object was re-chained in place, after the other process's records.
    expect(records.at(-1)).toMatchObject({ type: 'call', seq: receipt.seq, hash: receipt.hash });
    await mine.close();
    expect((await verifyAuditLog(dir.path, { stateDir: dir.stateDir })).errors).toEqual([]);
  });
});

describe('audit log writeNow() beside the shared write ', () => {
  test('replies of this turn already waiting: false, and the record goes in their write', async () => {
    const log = await openHeld();
    log.append(callAndResult('a')[0]);
    const shared = log.written();
    expect(shared).toBeDefined();
    log.append(callAndResult('b')[0]);
    expect(log.writeNow()).toBe(false);
    // Nothing was written early: both records leave in the one write the turn shares.
    expect(recordsNow()).toHaveLength(0);
    expect(log.written()).toBe(shared);
    await shared;
    expect(recordsNow()).toHaveLength(2);
    await log.close();
  });
});
