import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadAuditPublicKey } from '../audit/audit-key.js';
import { HEAD_FILE, readCheckpointAnchor } from '../audit/head-file.js';
import { listLogFiles, parseAuditLine } from '../audit/log-files.js';
import { verifyAuditLog, type VerifyReport } from '../audit/verify-audit-log.js';

/** The Audit page: the log, its key, its last signed checkpoint, and the last verification. */
export interface AuditStatus {
  readonly enabled: boolean;
  readonly path: string | undefined;
  readonly files: number;
  readonly bytes: number;
  /** `ed25519:` + 16 hex: the key that signs checkpoints. */
  readonly keyId: string | undefined;
  readonly checkpoint:
    { readonly seq: number; readonly ts: string; readonly keyId: string } | undefined;
  readonly verified: VerifiedLog | undefined;
}

/** What the last `verify` found, with the findings counted by rule on the same pass. */
export interface VerifiedLog {
  readonly at: string;
  readonly status: VerifyReport['status'];
  readonly records: number;
  readonly ms: number;
  readonly errors: VerifyReport['errors'];
  readonly warnings: VerifyReport['warnings'];
  /** Scanner and pin findings in the whole log, most frequent first. */
  readonly findings: readonly { readonly rule: string; readonly count: number }[];
}

// Canonical JSON writes a record's findings and type exactly like this.
const HAS_FINDINGS = '"findings":[{';
const FINDING_TYPE = '"type":"finding"';

/** Counts findings by rule over the whole log, streaming (only lines that have any are parsed). */
const countFindings = async (path: string): Promise<{ rule: string; count: number }[]> => {
  const counts = new Map<string, number>();
  const add = (rule: string): void => {
    counts.set(rule, (counts.get(rule) ?? 0) + 1);
  };
  for (const file of await listLogFiles(path)) {
    const stream = createReadStream(file.path);
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    try {
      for await (const line of lines) {
        const inResult = line.includes(HAS_FINDINGS);
        if (!inResult && !line.includes(FINDING_TYPE)) continue;
        const record = parseAuditLine(line);
        if (record?.type === 'finding') add(record.rule);
        else if (record?.type === 'result')
          for (const finding of record.findings) add(finding.rule);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    } finally {
      lines.close();
      stream.destroy();
    }
  }
  return [...counts]
    .map(([rule, count]) => ({ rule, count }))
    .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
};

/** The Audit page's data; verification runs only when asked (it reads the whole log). */
export class AuditStatusReader {
  private last: VerifiedLog | undefined;
  private running: Promise<VerifiedLog> | undefined;

  constructor(
    private readonly path: string | undefined,
    private readonly stateDir: string,
  ) {}

  async status(): Promise<AuditStatus> {
    const key = await loadAuditPublicKey(this.stateDir).catch(() => undefined);
    const checkpoint = await readCheckpointAnchor(join(this.stateDir, HEAD_FILE)).catch(
      () => undefined,
    );
    let files = 0;
    let bytes = 0;
    if (this.path !== undefined) {
      for (const file of await listLogFiles(this.path)) {
        const info = await stat(file.path).catch(() => undefined);
        if (info === undefined) continue;
        files++;
        bytes += info.size;
      }
    }
    return {
      enabled: this.path !== undefined,
      path: this.path,
      files,
      bytes,
      keyId: key?.keyId,
      checkpoint:
        checkpoint === undefined
          ? undefined
          : { seq: checkpoint.seq, ts: checkpoint.ts, keyId: checkpoint.keyId },
      verified: this.last,
    };
  }

  /** Verifies the chain and counts findings; concurrent requests share one run. */
  verify(): Promise<VerifiedLog> {
    const path = this.path;
    if (path === undefined) return Promise.reject(new Error('the audit log is off'));
    this.running ??= (async () => {
      try {
        const [report, findings] = await Promise.all([
          verifyAuditLog(path, { stateDir: this.stateDir }),
          countFindings(path),
        ]);
        this.last = {
          at: new Date().toISOString(),
          status: report.status,
          records: report.records,
          ms: report.ms,
          errors: report.errors.slice(0, 50),
          warnings: report.warnings.slice(0, 50),
          findings,
        };
        return this.last;
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }
}
