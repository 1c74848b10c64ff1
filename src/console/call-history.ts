import { sha256Hex } from '../audit/digest.js';
import { parseAuditLine } from '../audit/log-files.js';
import type { AuditRecord, AuditRecordOf } from '../core/audit/audit-record.js';
import { computeAuditHash } from '../core/audit/chain.js';
import {
  matchesCallFilter,
  summarizeCall,
  withResult,
  type CallFilter,
  type CallSummary,
} from './call-summary.js';
import { readAuditBackwards } from './read-audit-backwards.js';

/** How much of a log one page of calls may read (a filter that matches nothing stops here). */
const PAGE_BYTES = 8 * 1024 * 1024;
/** How much of a log the search for one call's records may read. */
const DETAIL_BYTES = 64 * 1024 * 1024;

/** One page of calls, newest first, and where the next (older) page starts. */
export interface CallPage {
  readonly calls: CallSummary[];
  /** Pass as `before` for the next page; undefined when the log has no older calls. */
  readonly next: number | undefined;
}

// Canonical JSON sorts keys, so a record's type is always written exactly like this.
const CALL_TYPE = '"type":"call"';
const RESULT_TYPE = '"type":"result"';

/**
 * Reads the newest calls from the log's end: at most `limit` that pass the filter, older than
 * seq `before` when given. A `result` is read before its `call` (newest first), so results wait
 * in a map until their call turns up.
 */
export const readCallPage = async (
  path: string,
  options: { readonly limit: number; readonly before?: number; readonly filter: CallFilter },
): Promise<CallPage> => {
  const { limit, before, filter } = options;
  const text = filter.text?.toLowerCase();
  const results = new Map<string, { record: AuditRecordOf<'result'>; matches: boolean }>();
  const calls: CallSummary[] = [];
  let oldest: number | undefined;
  const lines = readAuditBackwards(path, { maxBytes: PAGE_BYTES });
  for (;;) {
    const step = await lines.next();
    if (step.done === true) {
      // The whole log was read (no older page), or the budget ran out (continue from here).
      return { calls, next: step.value.truncated ? oldest : undefined };
    }
    const line = step.value;
    const isCall = line.includes(CALL_TYPE);
    if (!isCall && !line.includes(RESULT_TYPE)) continue;
    const record = parseAuditLine(line);
    if (record === undefined) continue;
    const matches = text === undefined || text === '' || line.toLowerCase().includes(text);
    if (record.type === 'result') {
      results.set(record.call.id, { record, matches });
      continue;
    }
    if (record.type !== 'call') continue;
    if (before !== undefined && record.seq >= before) {
      results.delete(record.call.id);
      continue;
    }
    oldest = record.seq;
    const result = results.get(record.call.id);
    results.delete(record.call.id);
    let summary = summarizeCall(record, { ts: record.ts, seq: record.seq });
    if (result !== undefined)
      summary = withResult(summary, result.record, {
        seq: result.record.seq,
        hash: result.record.hash,
      });
    if ((matches || result?.matches === true) && matchesCallFilter(summary, filter)) {
      calls.push(summary);
      if (calls.length >= limit) {
        await lines.return({ truncated: true });
        return { calls, next: oldest };
      }
    }
  }
};

/** A record of a call, and whether its hash still matches its content. */
export interface CallRecordCheck {
  readonly record: AuditRecord;
  readonly hashOk: boolean;
}

/** Every record of one call (oldest first), each with its hash recomputed; [] when not found. */
export const readCallRecords = async (path: string, id: string): Promise<CallRecordCheck[]> => {
  const needle = `"id":${JSON.stringify(id)}`;
  const found: CallRecordCheck[] = [];
  for await (const line of readAuditBackwards(path, { maxBytes: DETAIL_BYTES })) {
    if (!line.includes(needle)) continue;
    const record = parseAuditLine(line);
    if (record === undefined) continue;
    if ((record as { call?: { id?: unknown } }).call?.id !== id) continue;
    found.unshift({
      record,
      hashOk:
        computeAuditHash(record as unknown as Readonly<Record<string, unknown>>, sha256Hex) ===
        record.hash,
    });
    // Reading backwards, the call record is the last of its records to turn up.
    if (record.type === 'call') break;
  }
  return found;
};
