import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderCheckpointStatement } from '../core/audit/chain.js';
import {
  createChainVerifier,
  type AuditAnchor,
  type AuditIssue,
  type SignatureVerdict,
} from '../core/audit/verify-chain.js';
import { loadAuditPublicKey, parseAuditPublicKey, type AuditPublicKey } from './audit-key.js';
import { sha256Hex, sha256OfBytes } from './digest.js';
import { HEAD_FILE, readCheckpointAnchor, type CheckpointAnchor } from './head-file.js';
import { listLogFiles } from './log-files.js';

/** What `audit verify` reports; the CLI maps status to exit codes 0, 1 and 2. */
export interface VerifyReport {
  readonly status: 'ok' | 'tampered' | 'warnings';
  readonly records: number;
  /** The files read, in chain order. */
  readonly files: readonly string[];
  readonly errors: readonly AuditIssue[];
  readonly warnings: readonly AuditIssue[];
  readonly ms: number;
}

/** Where verification finds its trusted checkpoints and key. */
export interface VerifyAuditLogOptions {
  /** A head.json or checkpoint record exported earlier (kept off this machine). */
  readonly anchor?: string;
  /** The state folder: its key checks signatures, its head.json detects truncation. */
  readonly stateDir?: string;
}

const NEWLINE = 0x0a;

const parsePublicKeyOrUndefined = (pem: string): AuditPublicKey | undefined => {
  try {
    return parseAuditPublicKey(pem);
  } catch {
    return undefined;
  }
};

const isErrno = (error: unknown, code: string): boolean =>
  error instanceof Error && (error as NodeJS.ErrnoException).code === code;

interface TrustedInputs {
  readonly keys: Map<string, AuditPublicKey>;
  readonly anchors: AuditAnchor[];
  readonly errors: AuditIssue[];
  readonly warnings: AuditIssue[];
}

/** Collects the trusted keys and anchors, checking each anchor's own signature. */
const loadTrustedInputs = async (
  logName: string,
  options: VerifyAuditLogOptions,
): Promise<TrustedInputs> => {
  const trusted: TrustedInputs = { keys: new Map(), anchors: [], errors: [], warnings: [] };
  const candidates: { anchor: CheckpointAnchor; source: string; exported: boolean }[] = [];
  if (options.anchor !== undefined) {
    const anchor = await readCheckpointAnchor(options.anchor);
    candidates.push({ anchor, source: options.anchor, exported: true });
    // The exported anchor was kept off the machine, so the key it names is trusted.
    if (anchor.publicKeyPem !== undefined) {
      const key = parseAuditPublicKey(anchor.publicKeyPem);
      trusted.keys.set(key.keyId, key);
    }
  }
  if (options.stateDir !== undefined) {
    const key = await loadAuditPublicKey(options.stateDir);
    if (key !== undefined) trusted.keys.set(key.keyId, key);
    const headPath = join(options.stateDir, HEAD_FILE);
    try {
      candidates.push({
        anchor: await readCheckpointAnchor(headPath),
        source: headPath,
        exported: false,
      });
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) {
        trusted.warnings.push({
          code: 'anchor_mismatch',
          message: `${headPath} is unreadable`,
          file: headPath,
        });
      }
    }
  }
  for (const { anchor, source, exported } of candidates) {
    if (anchor.file !== logName) {
      (exported ? trusted.errors : trusted.warnings).push({
        code: 'checkpoint_file',
        message: `${source} is a checkpoint of "${anchor.file}", not "${logName}"`,
        file: source,
      });
      continue;
    }
    const key = trusted.keys.get(anchor.keyId);
    const statement = renderCheckpointStatement(anchor);
    if (key === undefined) {
      (trusted.keys.size > 0 ? trusted.errors : trusted.warnings).push({
        code: trusted.keys.size > 0 ? 'signature_invalid' : 'signature_unchecked',
        message: `${source} is signed by ${anchor.keyId}, which is not a trusted key`,
        file: source,
      });
    } else if (!key.verify(statement, anchor.signature)) {
      trusted.errors.push({
        code: 'signature_invalid',
        message: `${source} has a signature that does not verify (forged)`,
        file: source,
      });
      continue;
    }
    trusted.anchors.push({ seq: anchor.seq, hash: anchor.hash, source });
  }
  return trusted;
};

/**
 * Verifies a log and its rotated segments: hashes, links, gapless seq, call/result pairing,
 * checkpoint signatures, torn lines, and truncation against head.json and an exported anchor.
 */
export const verifyAuditLog = async (
  path: string,
  options: VerifyAuditLogOptions = {},
): Promise<VerifyReport> => {
  const started = performance.now();
  const logName = basename(path);
  const trusted = await loadTrustedInputs(logName, options);
  const buffers = new Map<string, Buffer>();
  const retired = new Map<string, AuditPublicKey | undefined>();
  const verifySignature = (
    keyId: string,
    statement: string,
    signature: string,
    publicKeyPem?: string,
  ): SignatureVerdict => {
    if (publicKeyPem !== undefined) {
      // A retired key, as a key_rotated record in the (hash-chained) log names it.
      if (!retired.has(publicKeyPem))
        retired.set(publicKeyPem, parsePublicKeyOrUndefined(publicKeyPem));
      const key = retired.get(publicKeyPem);
      return key?.keyId === keyId && key.verify(statement, signature) ? 'valid' : 'invalid';
    }
    const key = trusted.keys.get(keyId);
    // With no key at all nothing can be checked; with keys, an unknown one is judged at the end.
    if (key === undefined) return trusted.keys.size === 0 ? 'unchecked' : 'unknown_key';
    return key.verify(statement, signature) ? 'valid' : 'invalid';
  };
  const verifier = createChainVerifier({
    sha256Hex,
    digestRange: (file, offset, length) => {
      const buffer = buffers.get(file);
      return buffer === undefined ? '' : sha256OfBytes(buffer.subarray(offset, offset + length));
    },
    verifySignature,
    anchors: trusted.anchors,
    logName,
  });

  const files = await listLogFiles(path);
  for (const file of files) {
    let buffer: Buffer;
    try {
      buffer = await readFile(file.path);
    } catch (error) {
      // The active file may be mid-rotation; a missing segment shows up as a seq gap.
      if (isErrno(error, 'ENOENT')) continue;
      throw error;
    }
    // Only the current file's bytes are kept: a recovery record always follows its torn line.
    buffers.clear();
    buffers.set(file.path, buffer);
    verifier.startFile(file.firstSeq);
    let start = 0;
    for (let lineNumber = 1; start < buffer.length; lineNumber++) {
      const newline = buffer.indexOf(NEWLINE, start);
      const end = newline === -1 ? buffer.length : newline;
      verifier.pushLine({
        file: file.path,
        line: lineNumber,
        offset: start,
        length: end - start,
        text: buffer.toString('utf8', start, end),
      });
      start = end + 1;
    }
  }
  const verdict = verifier.finish();
  const errors = [...trusted.errors, ...verdict.errors];
  const warnings = [...trusted.warnings, ...verdict.warnings];
  return {
    status: errors.length > 0 ? 'tampered' : warnings.length > 0 ? 'warnings' : 'ok',
    records: verdict.records,
    files: files.map((file) => file.path),
    errors,
    warnings,
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
};
