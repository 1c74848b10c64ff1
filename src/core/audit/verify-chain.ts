import { AUDIT_GENESIS_HASH, AUDIT_RECORD_VERSION } from './audit-record.js';
import { computeAuditHash, renderCheckpointStatement, type Sha256Hex } from './chain.js';

/** Why verification complained; stable strings for `--json` consumers. */
export type AuditIssueCode =
  | 'unparsable'
  | 'not_a_record'
  | 'bad_version'
  | 'hash_mismatch'
  | 'seq_mismatch'
  | 'prev_mismatch'
  | 'chain_start'
  | 'torn_line'
  | 'recovery_mismatch'
  | 'checkpoint_mismatch'
  | 'signature_invalid'
  | 'signature_unchecked'
  | 'checkpoint_file'
  | 'truncated'
  | 'anchor_mismatch'
  | 'anchor_archived'
  | 'call_without_result'
  | 'result_without_call'
  | 'duplicate_call'
  | 'duplicate_result'
  | 'label_mismatch'
  | 'label_without_call'
  | 'flow_source_missing'
  | 'flow_source_moved'
  | 'key_rotated'
  | 'too_many_issues';

/** One problem found, located as precisely as the log allows. */
export interface AuditIssue {
  readonly code: AuditIssueCode;
  readonly message: string;
  readonly file?: string;
  /** 1-based line number within `file`. */
  readonly line?: number;
  readonly seq?: number;
}

/** One raw line of a log file, as the reader split it on `\n`. */
export interface AuditLogLine {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** Byte offset of the line's first byte in its file. */
  readonly offset: number;
  /** Byte length, without the newline. */
  readonly length: number;
  readonly text: string;
}

/** A trusted (seq, hash) pair from head.json or an exported checkpoint. */
export interface AuditAnchor {
  readonly seq: number;
  readonly hash: string;
  /** Where it came from, for messages (`head.json`, the anchor file's path). */
  readonly source: string;
}

/**
 * What a signature check concluded: `unchecked` when no trusted key is available at all,
 * `unknown_key` when there are trusted keys but not this one (a forgery, unless a later
 * `key_rotated` record retires that key).
 */
export type SignatureVerdict = 'valid' | 'invalid' | 'unchecked' | 'unknown_key';

/** What the pure verifier needs from the edge. */
export interface ChainVerifierOptions {
  readonly sha256Hex: Sha256Hex;
  /** `sha256:` of raw bytes of a file range (torn bytes may not be valid UTF-8). */
  readonly digestRange: (file: string, offset: number, length: number) => string;
  /** Checks with a trusted key, or with `publicKeyPem` (a retired key a `key_rotated` record names). */
  readonly verifySignature: (
    keyId: string,
    statement: string,
    signature: string,
    publicKeyPem?: string,
  ) => SignatureVerdict;
  readonly anchors: readonly AuditAnchor[];
  /** The log's name as checkpoints spell it in `file`. */
  readonly logName: string;
  /** Stop collecting issues of each kind after this many (verification still finishes). */
  readonly maxIssues?: number;
}

/** Counts and issues once every line has been seen. */
export interface ChainVerdict {
  readonly status: 'ok' | 'tampered' | 'warnings';
  readonly records: number;
  readonly lastSeq: number | undefined;
  readonly errors: readonly AuditIssue[];
  readonly warnings: readonly AuditIssue[];
}

/** A streaming verifier: feed it files and lines in order, then ask for the verdict. */
export interface ChainVerifier {
  /** Starts the next file; `firstSeq` is the seq a rotated file's name promises. */
  startFile(firstSeq: number | undefined): void;
  pushLine(line: AuditLogLine): void;
  finish(): ChainVerdict;
}

interface TornRegion {
  readonly file: string;
  readonly line: number;
  readonly start: number;
  end: number;
}

interface ParsedRecord {
  readonly [key: string]: unknown;
  readonly v: unknown;
  readonly seq: number;
  readonly hash: string;
  readonly prev: string;
  readonly ts: unknown;
  readonly type: string;
}

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asRecord = (value: unknown): ParsedRecord | undefined =>
  isObject(value) &&
  Number.isSafeInteger(value['seq']) &&
  typeof value['hash'] === 'string' &&
  typeof value['prev'] === 'string' &&
  typeof value['type'] === 'string'
    ? (value as ParsedRecord)
    : undefined;

const SESSION_LABELS: ReadonlySet<unknown> = new Set(['untrusted', 'sensitive']);
const isLabelList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((label) => SESSION_LABELS.has(label));

const callIdOf = (record: ParsedRecord): string | undefined => {
  const call = record['call'];
  return isObject(call) && typeof call['id'] === 'string' ? call['id'] : undefined;
};

const parseLine = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** Creates a verifier that checks hashes, links, seq, pairing, checkpoints, torn lines and anchors. */
export const createChainVerifier = (options: ChainVerifierOptions): ChainVerifier => {
  const maxIssues = options.maxIssues ?? 100;
  const errors: AuditIssue[] = [];
  const warnings: AuditIssue[] = [];
  let droppedErrors = 0;
  let droppedWarnings = 0;
  const report = (list: AuditIssue[], issue: AuditIssue): void => {
    if (list.length < maxIssues) list.push(issue);
    else if (list === errors) droppedErrors++;
    else droppedWarnings++;
  };
  const error = (issue: AuditIssue): void => {
    report(errors, issue);
  };
  const warn = (issue: AuditIssue): void => {
    report(warnings, issue);
  };

  const anchorsBySeq = new Map<number, AuditAnchor[]>();
  for (const anchor of options.anchors) {
    anchorsBySeq.set(anchor.seq, [...(anchorsBySeq.get(anchor.seq) ?? []), anchor]);
  }
  const openCalls = new Map<string, { seq: number; file: string; line: number }>();
  // Checkpoints signed by a key no one trusts, judged at the end: a later key_rotated record
  // may name that key as the one it retired.
  const unknownSigners: {
    keyId: string;
    statement: string;
    signature: string;
    where: { file: string; line: number };
    seq: number;
  }[] = [];
  const retiredKeys = new Map<string, { seq: number; publicKeyPem: string | null }>();
  const introducedKeys = new Map<string, number>();
  const closedCalls = new Set<string>();
  // Flow control (docs/flows.md): each session's labels as its label records say, every label a
  // session ever took in, the seq of each call record, and label records still to be paired.
  const sessionLabels = new Map<string, Set<string>>();
  const everLabelled = new Map<string, Set<string>>();
  const callSeqs = new Map<string, number>();
  const labelCalls: { id: string; seq: number; file: string; line: number }[] = [];

  let records = 0;
  let firstSeq: number | undefined;
  let lastSeq: number | undefined;
  let lastHash: string | undefined;
  let fileFirstSeq: number | undefined;
  let fileHasRecord = false;
  let torn: TornRegion | undefined;
  // A log whose oldest files were archived starts mid-chain: results of older calls are expected.
  let startsMidChain = false;

  const checkTornResolved = (
    file: string,
    line: number,
    record: ParsedRecord | undefined,
  ): void => {
    if (torn === undefined) {
      if (record?.type === 'recovery') {
        error({
          code: 'recovery_mismatch',
          message: 'recovery record names a torn line that is not there',
          file,
          line,
          seq: record.seq,
        });
      }
      return;
    }
    const region = torn;
    torn = undefined;
    const named = record?.type === 'recovery' ? record['torn'] : undefined;
    if (
      isObject(named) &&
      named['offset'] === region.start &&
      named['length'] === region.end - region.start &&
      named['sha256'] === options.digestRange(region.file, region.start, region.end - region.start)
    ) {
      warn({
        code: 'torn_line',
        message: `torn write of ${region.end - region.start} bytes at byte ${region.start}, named by recovery record ${String(record?.seq)}`,
        file: region.file,
        line: region.line,
      });
      return;
    }
    error({
      code: record?.type === 'recovery' ? 'recovery_mismatch' : 'unparsable',
      message:
        record?.type === 'recovery'
          ? 'recovery record does not match the unparsable bytes before it'
          : 'unparsable line in the middle of the log, not named by a recovery record',
      file: region.file,
      line: region.line,
    });
  };

  const checkChainPosition = (
    record: ParsedRecord,
    where: { file: string; line: number },
  ): void => {
    if (lastSeq === undefined) {
      firstSeq = record.seq;
      if (record.seq === 1 && record.prev === AUDIT_GENESIS_HASH) return;
      if (fileFirstSeq !== undefined && fileFirstSeq === record.seq && record.seq > 1) {
        startsMidChain = true;
        warn({
          code: 'chain_start',
          message: `the oldest file present starts at seq ${record.seq}; earlier files were archived or removed`,
          ...where,
          seq: record.seq,
        });
        return;
      }
      error({
        code: 'chain_start',
        message: `the log does not start at seq 1 with the genesis prev (found seq ${record.seq})`,
        ...where,
        seq: record.seq,
      });
      return;
    }
    if (record.seq !== lastSeq + 1) {
      error({
        code: 'seq_mismatch',
        message: `expected seq ${lastSeq + 1}, found ${record.seq} (a record was deleted, inserted or moved)`,
        ...where,
        seq: record.seq,
      });
    }
    if (record.prev !== lastHash) {
      error({
        code: 'prev_mismatch',
        message: `prev does not match the hash of the record before it (seq ${lastSeq})`,
        ...where,
        seq: record.seq,
      });
    }
  };

  const checkCheckpoint = (record: ParsedRecord, where: { file: string; line: number }): void => {
    const covers = record['covers'];
    const { key_id: keyId, signature, file } = record;
    if (
      !isObject(covers) ||
      typeof covers['seq'] !== 'number' ||
      typeof covers['hash'] !== 'string' ||
      typeof keyId !== 'string' ||
      typeof signature !== 'string' ||
      typeof file !== 'string' ||
      typeof record.ts !== 'string'
    ) {
      error({
        code: 'checkpoint_mismatch',
        message: 'malformed checkpoint',
        ...where,
        seq: record.seq,
      });
      return;
    }
    if (covers['seq'] !== record.seq - 1 || covers['hash'] !== record.prev) {
      error({
        code: 'checkpoint_mismatch',
        message: 'checkpoint does not cover the record just before it',
        ...where,
        seq: record.seq,
      });
    }
    if (file !== options.logName) {
      warn({
        code: 'checkpoint_file',
        message: `checkpoint names log "${file}", not "${options.logName}" (renamed?)`,
        ...where,
        seq: record.seq,
      });
    }
    const statement = renderCheckpointStatement({
      seq: covers['seq'],
      hash: covers['hash'],
      ts: record.ts,
      file,
    });
    const verdict = options.verifySignature(keyId, statement, signature);
    if (verdict === 'unknown_key') {
      unknownSigners.push({ keyId, statement, signature, where, seq: record.seq });
    } else if (verdict === 'invalid') {
      error({
        code: 'signature_invalid',
        message: `checkpoint signature does not verify with key ${keyId} (forged or re-signed)`,
        ...where,
        seq: record.seq,
      });
    } else if (verdict === 'unchecked') {
      warn({
        code: 'signature_unchecked',
        message: `no public key available for ${keyId}; signature not checked`,
        ...where,
        seq: record.seq,
      });
    }
  };

  const checkKeyRotation = (record: ParsedRecord, where: { file: string; line: number }): void => {
    const { old_key_id: oldKeyId, new_key_id: newKeyId, old_public_key: publicKeyPem } = record;
    if (
      typeof oldKeyId !== 'string' ||
      typeof newKeyId !== 'string' ||
      (publicKeyPem !== null && typeof publicKeyPem !== 'string')
    ) {
      error({
        code: 'checkpoint_mismatch',
        message: 'malformed key_rotated record',
        ...where,
        seq: record.seq,
      });
      return;
    }
    retiredKeys.set(oldKeyId, { seq: record.seq, publicKeyPem });
    if (!introducedKeys.has(newKeyId)) introducedKeys.set(newKeyId, record.seq);
    warn({
      code: 'key_rotated',
      message: `the signing key changed here: ${oldKeyId} retired, ${newKeyId} signs from now on (${typeof record['reason'] === 'string' ? record['reason'] : 'no reason given'}); earlier checkpoints are checked with the retired key${publicKeyPem === null ? ', which the record could not name' : ' this record carries'}`,
      ...where,
      seq: record.seq,
    });
  };

  /** A checkpoint by a key nobody trusts is a forgery unless a later rotation retired that key. */
  const judgeUnknownSigners = (): void => {
    for (const signed of unknownSigners) {
      const retired = retiredKeys.get(signed.keyId);
      const introduced = introducedKeys.get(signed.keyId);
      if (
        (retired === undefined || retired.seq < signed.seq) &&
        introduced !== undefined &&
        introduced < signed.seq
      ) {
        // The log's own rotation record vouches for it, and nothing trusted contradicts it.
        warn({
          code: 'signature_unchecked',
          message: `checkpoint signed by ${signed.keyId}, the key the key_rotated record at seq ${introduced} introduced, which is not among the trusted keys; verify with that key to check it`,
          ...signed.where,
          seq: signed.seq,
        });
        continue;
      }
      if (retired === undefined || retired.seq < signed.seq) {
        error({
          code: 'signature_invalid',
          message: `checkpoint signed by ${signed.keyId}, which is not a trusted key and no key_rotated record retires (forged or re-signed)`,
          ...signed.where,
          seq: signed.seq,
        });
        continue;
      }
      if (retired.publicKeyPem === null) {
        warn({
          code: 'signature_unchecked',
          message: `checkpoint signed by ${signed.keyId}, retired at seq ${retired.seq} without its public key; signature not checked (verify with --anchor from that time)`,
          ...signed.where,
          seq: signed.seq,
        });
        continue;
      }
      const verdict = options.verifySignature(
        signed.keyId,
        signed.statement,
        signed.signature,
        retired.publicKeyPem,
      );
      if (verdict !== 'valid') {
        error({
          code: 'signature_invalid',
          message: `checkpoint signature does not verify with ${signed.keyId}, the key retired at seq ${retired.seq} (forged or re-signed)`,
          ...signed.where,
          seq: signed.seq,
        });
      }
    }
  };

  const checkPairing = (record: ParsedRecord, where: { file: string; line: number }): void => {
    const id = callIdOf(record);
    if (id === undefined) return;
    if (record.type === 'call') {
      if (openCalls.has(id) || closedCalls.has(id)) {
        error({
          code: 'duplicate_call',
          message: `call id ${id} appears twice`,
          ...where,
          seq: record.seq,
        });
        return;
      }
      openCalls.set(id, { seq: record.seq, ...where });
      return;
    }
    if (openCalls.delete(id)) {
      closedCalls.add(id);
      return;
    }
    if (closedCalls.has(id)) {
      error({
        code: 'duplicate_result',
        message: `call id ${id} has two results`,
        ...where,
        seq: record.seq,
      });
      return;
    }
    (startsMidChain ? warn : error)({
      code: 'result_without_call',
      message: `result for call ${id}, which is not in the log`,
      ...where,
      seq: record.seq,
    });
  };

  const checkLabel = (record: ParsedRecord, where: { file: string; line: number }): void => {
    const session = record['session_id'];
    const { event, changed, labels } = record;
    const id = callIdOf(record);
    if (
      typeof session !== 'string' ||
      (event !== 'added' && event !== 'cleared') ||
      !isLabelList(changed) ||
      changed.length === 0 ||
      !isLabelList(labels) ||
      id === undefined
    ) {
      error({
        code: 'label_mismatch',
        message: 'malformed label record',
        ...where,
        seq: record.seq,
      });
      return;
    }
    labelCalls.push({ id, seq: record.seq, ...where });
    const before = sessionLabels.get(session) ?? new Set<string>();
    const expected = new Set(before);
    for (const label of changed) {
      if (event === 'added' ? before.has(label) : !before.has(label)) {
        error({
          code: 'label_mismatch',
          message: `session ${session} ${event === 'added' ? 'already had' : 'did not have'} "${label}" (a label record was removed, added or edited)`,
          ...where,
          seq: record.seq,
        });
      }
      if (event === 'added') expected.add(label);
      else expected.delete(label);
    }
    if (expected.size !== labels.length || labels.some((label) => !expected.has(label))) {
      error({
        code: 'label_mismatch',
        message: `session ${session} should have [${[...expected].join(', ')}] after this change, the record says [${labels.join(', ')}]`,
        ...where,
        seq: record.seq,
      });
    }
    sessionLabels.set(session, new Set(labels));
    const ever = everLabelled.get(session) ?? new Set<string>();
    for (const label of labels) ever.add(label);
    everLabelled.set(session, ever);
  };

  const checkFlowDecision = (record: ParsedRecord, where: { file: string; line: number }): void => {
    const decision = record['decision'];
    const flow = isObject(decision) ? decision['flow'] : undefined;
    if (isObject(flow)) {
      const session = typeof flow['session'] === 'string' ? flow['session'] : '';
      const ever = everLabelled.get(session);
      const labels = isLabelList(flow['labels']) ? flow['labels'] : [];
      for (const label of labels) {
        if (ever?.has(label) !== true) {
          error({
            code: 'label_mismatch',
            message: `decision names label "${label}" that session ${session} never took in`,
            ...where,
            seq: record.seq,
          });
        }
      }
      const carried = isObject(flow['carried']) ? flow['carried']['source'] : undefined;
      const listed: unknown[] = Array.isArray(flow['sources'])
        ? (flow['sources'] as unknown[])
        : [];
      const sources = [...listed, carried];
      for (const source of sources) {
        if (!isObject(source) || typeof source['call'] !== 'string' || source['seq'] === null)
          continue;
        const seq = callSeqs.get(source['call']);
        if (seq === undefined) {
          (startsMidChain ? warn : error)({
            code: 'flow_source_missing',
            message: `decision names source call ${source['call']}, which is not earlier in the log`,
            ...where,
            seq: record.seq,
          });
        } else if (seq !== source['seq']) {
          // A log shared by several processes may re-chain an unflushed batch after the decision.
          warn({
            code: 'flow_source_moved',
            message: `decision names call ${source['call']} at seq ${JSON.stringify(source['seq'])}, the log has it at ${seq}`,
            ...where,
            seq: record.seq,
          });
        }
      }
    }
    const id = callIdOf(record);
    if (id !== undefined && !callSeqs.has(id)) callSeqs.set(id, record.seq);
  };

  const checkAnchors = (record: ParsedRecord, where: { file: string; line: number }): void => {
    for (const anchor of anchorsBySeq.get(record.seq) ?? []) {
      if (anchor.hash !== record.hash) {
        error({
          code: 'anchor_mismatch',
          message: `seq ${record.seq} differs from the checkpoint in ${anchor.source} (rewritten)`,
          ...where,
          seq: record.seq,
        });
      }
    }
  };

  return {
    startFile(promisedFirstSeq) {
      // Rotation happens under the lock after recovery, so torn bytes never end a rotated file.
      if (torn !== undefined) checkTornResolved(torn.file, torn.line, undefined);
      fileFirstSeq = promisedFirstSeq;
      fileHasRecord = false;
    },

    pushLine(line) {
      const where = { file: line.file, line: line.line };
      const parsed = parseLine(line.text);
      if (parsed === undefined) {
        // Unparsable bytes are judged by what follows them: a recovery record, or the end.
        if (torn?.file === line.file && torn.end + 1 === line.offset) {
          torn.end = line.offset + line.length;
        } else {
          if (torn !== undefined) checkTornResolved(torn.file, torn.line, undefined);
          torn = {
            file: line.file,
            line: line.line,
            start: line.offset,
            end: line.offset + line.length,
          };
        }
        return;
      }
      const record = asRecord(parsed);
      checkTornResolved(line.file, line.line, record);
      if (record === undefined) {
        error({ code: 'not_a_record', message: 'valid JSON but not an audit record', ...where });
        return;
      }
      if (record.v !== AUDIT_RECORD_VERSION) {
        error({ code: 'bad_version', message: `unknown version ${String(record.v)}`, ...where });
      }
      if (computeAuditHash(record, options.sha256Hex) !== record.hash) {
        error({
          code: 'hash_mismatch',
          message: 'hash does not match the record (a field was edited)',
          ...where,
          seq: record.seq,
        });
      }
      if (!fileHasRecord && fileFirstSeq !== undefined && record.seq !== fileFirstSeq) {
        error({
          code: 'seq_mismatch',
          message: `file name promises first seq ${fileFirstSeq}, found ${record.seq}`,
          ...where,
          seq: record.seq,
        });
      }
      fileHasRecord = true;
      checkChainPosition(record, where);
      if (record.type === 'checkpoint') checkCheckpoint(record, where);
      if (record.type === 'key_rotated') checkKeyRotation(record, where);
      if (record.type === 'call' || record.type === 'result') checkPairing(record, where);
      if (record.type === 'call') checkFlowDecision(record, where);
      if (record.type === 'label') checkLabel(record, where);
      checkAnchors(record, where);
      records++;
      lastSeq = record.seq;
      // Link to the stored hash, so one edited record is reported once, not twice.
      lastHash = record.hash;
    },

    finish() {
      judgeUnknownSigners();
      if (torn !== undefined) {
        warn({
          code: 'torn_line',
          message: `unparsable last ${torn.end - torn.start} bytes at byte ${torn.start} (a crash mid-write; the next writer names them in a recovery record)`,
          file: torn.file,
          line: torn.line,
        });
        torn = undefined;
      }
      for (const [id, call] of openCalls) {
        // A gateway killed mid-call leaves its call unanswered anywhere in a shared log;
        // deleting a result line is caught by the chain, so this stays a warning.
        warn({
          code: 'call_without_result',
          message: `call ${id} has no result (the gateway stopped before it finished?)`,
          file: call.file,
          line: call.line,
          seq: call.seq,
        });
      }
      for (const label of labelCalls) {
        // A label record sits between its call and result; a cleared label may precede the call.
        if (callSeqs.has(label.id)) continue;
        (startsMidChain ? warn : error)({
          code: 'label_without_call',
          message: `label record for call ${label.id}, which is not in the log`,
          file: label.file,
          line: label.line,
          seq: label.seq,
        });
      }
      for (const anchor of options.anchors) {
        if (lastSeq === undefined || anchor.seq > lastSeq) {
          error({
            code: 'truncated',
            message: `the log ends at seq ${String(lastSeq ?? 0)} but ${anchor.source} covers seq ${anchor.seq} (truncated)`,
            seq: anchor.seq,
          });
        } else if (firstSeq !== undefined && anchor.seq < firstSeq) {
          warn({
            code: 'anchor_archived',
            message: `${anchor.source} covers seq ${anchor.seq}, older than the oldest record present`,
            seq: anchor.seq,
          });
        }
      }
      if (droppedErrors > 0) {
        errors.push({
          code: 'too_many_issues',
          message: `${droppedErrors} more errors not listed`,
        });
      }
      if (droppedWarnings > 0) {
        warnings.push({
          code: 'too_many_issues',
          message: `${droppedWarnings} more warnings not listed`,
        });
      }
      return {
        status: errors.length > 0 ? 'tampered' : warnings.length > 0 ? 'warnings' : 'ok',
        records,
        lastSeq,
        errors,
        warnings,
      };
    },
  };
};
