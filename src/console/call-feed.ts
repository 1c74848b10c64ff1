import type {
  AuditDecision,
  AuditOutcomeStatus,
  AuditRecordInput,
  AuditSession,
} from '../core/audit/audit-record.js';
import type { AuditSink } from '../core/audit/audit-sink.js';
import type { Receipt } from '../core/tool-call.js';
import type { CallSummary } from './call-summary.js';

/** What the console hears from the audit stream. */
export type FeedEvent =
  | { readonly type: 'call'; readonly call: CallSummary }
  /** A backend started, stopped or failed; the Now page refreshes. */
  | { readonly type: 'backend' }
  /** A tool definition drifted from its pin; the Changes page refreshes. */
  | { readonly type: 'changes' };

/** How many recent calls stay in memory (the Calls page reads older ones from the log file). */
const RING_SIZE = 200;
/**
 * A place this many calls old lets go of its receipts once the log has written them (they are
 * final then): it keeps their seqs, and the result's hash as 32 bytes in the feed's table, so
 * that what a call leaves in the ring past the young generation's first collections is a few
 * numbers, not two receipts and their `sha256:` strings (176 B per call promoted).
 */
const SETTLE_AGE = 32;
/** Bytes of a SHA-256. */
const HASH_BYTES = 32;
const HASH_PREFIX = 'sha256:';
const HASH_TEXT_LENGTH = HASH_PREFIX.length + 2 * HASH_BYTES;
/** Calls per minute are kept for this many minutes. */
const MINUTES = 60;

/** A finding as a row shows it. */
type FindingShown = CallSummary['findings'][number];

const NO_FINDINGS: readonly FindingShown[] = Object.freeze([]);

/**
 * One place of the ring: a call as the sink saw it, summarised only when a page asks. The
 * places are made once and written over as calls come and go, and hold only what a row shows
 * (no arguments, no result content: the call's detail reads those from the log file), so a
 * call leaves little behind that outlives the young generation: the ring lives 200 calls, i.e.
 * several scavenges, and everything it held per call used to be copied and then promoted.
 */
interface Slot {
  /** Undefined while the place is empty. */
  id: string | undefined;
  server: string | null;
  tool: string | null;
  exposed: string;
  agent: string | null;
  client: AuditSession['client'];
  decision: AuditDecision;
  /** Its place in the ring (and in the feed's table of hashes). */
  readonly index: number;
  /**
   * The audit log's own receipt objects, until the log has written them (a writer that
   * re-chains updates them in place); then undefined, and their seq (and the result's hash)
   * is kept here. `callSeq` is -1 while `callReceipt` is held.
   */
  callReceipt: Receipt | undefined;
  callSeq: number;
  at: number;
  /** Undefined until the result record arrives. */
  status: AuditOutcomeStatus | undefined;
  ms: number;
  /** -1: the result record has no `bytes`. */
  bytes: number;
  findings: readonly FindingShown[];
  resultReceipt: Receipt | undefined;
  /** The settled result's seq, -1 while it is not settled (or there is no result yet). */
  resultSeq: number;
  /**
   * The settled result's hash when it is not `sha256:` and 64 lowercase hex digits (which the
   * feed's table holds as bytes); undefined otherwise.
   */
  resultHash: string | undefined;
}

const NO_RECEIPT: Receipt = Object.freeze({ seq: 0, hash: '' });
const NO_DECISION: AuditDecision = Object.freeze({
  effect: 'deny',
  final: 'deny',
  rules: [],
  deciding: 'none',
  mode: 'enforce',
  policy: 'none',
});

const emptySlot = (index: number): Slot => ({
  index,
  id: undefined,
  server: null,
  tool: null,
  exposed: '',
  agent: null,
  client: null,
  decision: NO_DECISION,
  callReceipt: NO_RECEIPT,
  callSeq: -1,
  at: 0,
  status: undefined,
  ms: 0,
  bytes: -1,
  findings: NO_FINDINGS,
  resultReceipt: undefined,
  resultSeq: -1,
  resultHash: undefined,
});

/**
 * Equal as JSON values with their keys in the same order (what the log's records hold:
 * strings, numbers, booleans, null, arrays, plain objects).
 */
export const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Readonly<Record<string, unknown>>;
  const right = b as Readonly<Record<string, unknown>>;
  const keys: string[] = [];
  for (const key in left) keys.push(key);
  let i = 0;
  for (const key in right) {
    if (key !== keys[i] || !sameJson(left[key], right[key])) return false;
    i++;
  }
  return i === keys.length;
};

/** How many distinct values an interner keeps (decisions and clients repeat call after call). */
const INTERNED = 8;

/**
 * Hands back an equal value seen before instead of a new one, so that the ring keeps one
 * object for the decision every call of a tool gets (the record's own is new per call).
 */
class Interner<T> {
  private readonly seen: T[] = [];
  private next = 0;

  intern(value: T): T {
    for (const known of this.seen) if (sameJson(known, value)) return known;
    if (this.seen.length < INTERNED) this.seen.push(value);
    else {
      this.seen[this.next] = value;
      this.next = (this.next + 1) % INTERNED;
    }
    return value;
  }
}

/**
 * The console's view of the audit stream, fed by a tap on the gateway's audit sink. On the
 * call path it costs a map update, writing one place of the ring and a loop over the (usually
 * zero) subscribers; nothing is formatted until a page asks.
 */
export class CallFeed {
  // Id → its place in the ring. The ring's places, oldest first from `ringNext`: the one to
  // drop is known without walking the map (a map iterator starts at the first slot and steps
  // over every deleted entry still there, a few hundred per call until the table is rebuilt).
  private readonly recent = new Map<string, Slot>();
  private readonly ring: Slot[] = Array.from({ length: RING_SIZE }, (_, i) => emptySlot(i));
  /** The settled results' hashes, 32 bytes per place of the ring. */
  private readonly hashes = new Uint8Array(RING_SIZE * HASH_BYTES);
  /** The tapped sink's `writtenSeq`, when it has one: receipts up to it are final. */
  private writtenSeq: (() => number) | undefined;
  private ringNext = 0;
  private readonly decisions = new Interner<AuditDecision>();
  private readonly clients = new Interner<NonNullable<AuditSession['client']>>();
  private readonly perMinute = new Array<number>(MINUTES).fill(0);
  private currentMinute = 0;
  private readonly listeners = new Set<(event: FeedEvent) => void>();

  constructor(private readonly now: () => number = Date.now) {
    this.currentMinute = Math.floor(now() / 60_000);
  }

  /** Wraps a sink so every record it accepts is also seen here. */
  tap(sink: AuditSink): AuditSink {
    const seen = (record: AuditRecordInput, receipt: Receipt): void => {
      this.record(record, receipt);
    };
    this.writtenSeq = sink.writtenSeq === undefined ? undefined : () => sink.writtenSeq?.() ?? -1;
    return {
      append(record) {
        const receipt = sink.append(record);
        seen(record, receipt);
        return receipt;
      },
      async appendDurable(record) {
        const receipt = await sink.appendDurable(record);
        seen(record, receipt);
        return receipt;
      },
      written() {
        return sink.written();
      },
      writeNow() {
        return sink.writeNow?.() ?? false;
      },
      get healthy() {
        return sink.healthy;
      },
      writtenSeq() {
        return sink.writtenSeq?.() ?? -1;
      },
    };
  }

  /** Takes one record as the sink accepted it. */
  record(record: AuditRecordInput, receipt: Receipt): void {
    switch (record.type) {
      case 'call': {
        const slot = this.place(record.call.id);
        slot.server = record.server;
        slot.tool = record.tool;
        slot.exposed = record.exposed;
        slot.agent = record.session.agent;
        const { client } = record.session;
        slot.client = client === null ? null : this.clients.intern(client);
        slot.decision = this.decisions.intern(record.decision);
        slot.callReceipt = receipt;
        slot.callSeq = -1;
        slot.at = this.now();
        slot.status = undefined;
        slot.ms = 0;
        slot.bytes = -1;
        slot.findings = NO_FINDINGS;
        slot.resultReceipt = undefined;
        slot.resultSeq = -1;
        slot.resultHash = undefined;
        if (this.listeners.size > 0) this.emit({ type: 'call', call: this.summaryOf(slot) });
        return;
      }
      case 'result': {
        const slot = this.recent.get(record.call.id);
        this.count();
        if (slot === undefined) return;
        const { outcome, findings } = record;
        slot.status = outcome.status;
        slot.ms = outcome.ms;
        slot.bytes = outcome.bytes ?? -1;
        slot.findings =
          findings.length === 0
            ? NO_FINDINGS
            : findings.map((finding) => ({ rule: finding.rule, severity: finding.severity }));
        slot.resultReceipt = receipt;
        slot.resultSeq = -1;
        slot.resultHash = undefined;
        if (this.listeners.size > 0) this.emit({ type: 'call', call: this.summaryOf(slot) });
        return;
      }
      case 'backend':
        this.emit({ type: 'backend' });
        return;
      case 'finding':
        if (record.rule === 'pin.drift') this.emit({ type: 'changes' });
        return;
      case 'session_start':
      case 'session_end':
      case 'config_change':
      case 'checkpoint':
      case 'recovery':
      case 'key_rotated':
      case 'label':
      case 'telemetry':
        return;
    }
  }

  /** The calls this gateway made most recently, newest first. */
  recentCalls(): CallSummary[] {
    const out: CallSummary[] = [];
    for (let back = 1; back <= RING_SIZE; back++) {
      const slot = this.ring[(this.ringNext - back + RING_SIZE) % RING_SIZE];
      if (slot?.id !== undefined) out.push(this.summaryOf(slot));
    }
    return out;
  }

  /** One recent call by id. */
  call(id: string): CallSummary | undefined {
    const slot = this.recent.get(id);
    return slot === undefined ? undefined : this.summaryOf(slot);
  }

  /** Finished calls in each of the last `minutes` minutes, oldest first (the current one last). */
  callsPerMinute(minutes = 15): number[] {
    this.advance();
    const out: number[] = [];
    for (let back = Math.min(minutes, MINUTES) - 1; back >= 0; back--)
      out.push(this.perMinute[(this.currentMinute - back) % MINUTES] ?? 0);
    return out;
  }

  /** Calls `listener` on every event until the returned function is called. */
  subscribe(listener: (event: FeedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * The place for a call: its own if the id is in the ring (never, from the gateway: it keeps
   * its place, as a map entry set again does), else the oldest, whose call is forgotten.
   */
  private place(id: string): Slot {
    const known = this.recent.get(id);
    if (known !== undefined) return known;
    let slot = this.ring[this.ringNext];
    if (slot === undefined) {
      slot = emptySlot(this.ringNext);
      this.ring[this.ringNext] = slot;
    }
    if (slot.id !== undefined) this.recent.delete(slot.id);
    slot.id = id;
    const aged = this.ring[(this.ringNext - SETTLE_AGE + RING_SIZE) % RING_SIZE];
    if (aged !== undefined && this.writtenSeq !== undefined) this.settle(aged, this.writtenSeq());
    this.ringNext = (this.ringNext + 1) % RING_SIZE;
    this.recent.set(id, slot);
    return slot;
  }

  /** Lets go of a place's receipts that the log has written (see SETTLE_AGE). */
  private settle(slot: Slot, written: number): void {
    const call = slot.callReceipt;
    if (call !== undefined && call !== NO_RECEIPT && call.seq <= written) {
      slot.callSeq = call.seq;
      slot.callReceipt = undefined;
    }
    const result = slot.resultReceipt;
    if (result === undefined || result.seq > written) return;
    const { hash } = result;
    slot.resultHash = hexInto(this.hashes, slot.index * HASH_BYTES, hash) ? undefined : hash;
    slot.resultSeq = result.seq;
    slot.resultReceipt = undefined;
  }

  /** The seq and hash of a place's result, from its receipt or as settled; undefined if none. */
  private resultOf(slot: Slot): Receipt | undefined {
    const receipt = slot.resultReceipt;
    if (receipt !== undefined) return { seq: receipt.seq, hash: receipt.hash };
    if (slot.resultSeq < 0) return undefined;
    return {
      seq: slot.resultSeq,
      hash: slot.resultHash ?? hexOf(this.hashes, slot.index * HASH_BYTES),
    };
  }

  private summaryOf(slot: Slot): CallSummary {
    const receipt = this.resultOf(slot);
    const done = slot.status !== undefined && receipt !== undefined;
    return {
      id: slot.id ?? '',
      ts: new Date(slot.at).toISOString(),
      // A call that reached no tool (unknown name) shows the name the agent used.
      server: slot.server ?? '(unknown)',
      tool: slot.tool ?? slot.exposed,
      exposed: slot.exposed,
      agent: slot.agent,
      client: slot.client,
      decision: slot.decision,
      callSeq: slot.callReceipt?.seq ?? slot.callSeq,
      outcome:
        slot.status === undefined || !done
          ? undefined
          : {
              status: slot.status,
              ms: Math.round(slot.ms * 10) / 10,
              ...(slot.bytes === -1 ? {} : { bytes: slot.bytes }),
            },
      findings: done ? slot.findings : [],
      receipt: done ? receipt : undefined,
    };
  }

  private count(): void {
    this.advance();
    const slot = this.currentMinute % MINUTES;
    this.perMinute[slot] = (this.perMinute[slot] ?? 0) + 1;
  }

  /** Zeroes the minutes that passed without a call. */
  private advance(): void {
    const minute = Math.floor(this.now() / 60_000);
    if (minute === this.currentMinute) return;
    const passed = Math.min(minute - this.currentMinute, MINUTES);
    for (let i = 1; i <= passed; i++) this.perMinute[(this.currentMinute + i) % MINUTES] = 0;
    this.currentMinute = minute;
  }

  private emit(event: FeedEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

const hexDigit = (c: number): number =>
  c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;

/**
 * Writes the 32 bytes of a `sha256:` and 64 lowercase hex digits hash at `at`; false (and the
 * bytes then meaningless) for any other text, which is kept as it is.
 */
export const hexInto = (bytes: Uint8Array, at: number, hash: string): boolean => {
  if (hash.length !== HASH_TEXT_LENGTH || !hash.startsWith(HASH_PREFIX)) return false;
  for (let i = 0; i < HASH_BYTES; i++) {
    const high = hexDigit(hash.charCodeAt(HASH_PREFIX.length + 2 * i));
    const low = hexDigit(hash.charCodeAt(HASH_PREFIX.length + 2 * i + 1));
    if (high < 0 || low < 0) return false;
    bytes[at + i] = (high << 4) | low;
  }
  return true;
};

/** The `sha256:` text of the 32 bytes at `at`. */
export const hexOf = (bytes: Uint8Array, at: number): string => {
  let hex = HASH_PREFIX;
  for (let i = 0; i < HASH_BYTES; i++) hex += (bytes[at + i] ?? 0).toString(16).padStart(2, '0');
  return hex;
};
