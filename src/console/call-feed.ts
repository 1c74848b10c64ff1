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
  /** The audit log's own receipt objects: a writer that re-chains updates them in place. */
  callReceipt: Receipt;
  at: number;
  /** Undefined until the result record arrives. */
  status: AuditOutcomeStatus | undefined;
  ms: number;
  /** -1: the result record has no `bytes`. */
  bytes: number;
  findings: readonly FindingShown[];
  resultReceipt: Receipt | undefined;
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

const emptySlot = (): Slot => ({
  id: undefined,
  server: null,
  tool: null,
  exposed: '',
  agent: null,
  client: null,
  decision: NO_DECISION,
  callReceipt: NO_RECEIPT,
  at: 0,
  status: undefined,
  ms: 0,
  bytes: -1,
  findings: NO_FINDINGS,
  resultReceipt: undefined,
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
  private readonly ring: Slot[] = Array.from({ length: RING_SIZE }, emptySlot);
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
        slot.at = this.now();
        slot.status = undefined;
        slot.ms = 0;
        slot.bytes = -1;
        slot.findings = NO_FINDINGS;
        slot.resultReceipt = undefined;
        if (this.listeners.size > 0) this.emit({ type: 'call', call: summaryOf(slot) });
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
        if (this.listeners.size > 0) this.emit({ type: 'call', call: summaryOf(slot) });
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
      if (slot?.id !== undefined) out.push(summaryOf(slot));
    }
    return out;
  }

  /** One recent call by id. */
  call(id: string): CallSummary | undefined {
    const slot = this.recent.get(id);
    return slot === undefined ? undefined : summaryOf(slot);
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
      slot = emptySlot();
      this.ring[this.ringNext] = slot;
    }
    if (slot.id !== undefined) this.recent.delete(slot.id);
    slot.id = id;
    this.ringNext = (this.ringNext + 1) % RING_SIZE;
    this.recent.set(id, slot);
    return slot;
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

const summaryOf = (slot: Slot): CallSummary => {
  const receipt = slot.resultReceipt;
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
    callSeq: slot.callReceipt.seq,
    outcome:
      slot.status === undefined || !done
        ? undefined
        : {
            status: slot.status,
            ms: Math.round(slot.ms * 10) / 10,
            ...(slot.bytes === -1 ? {} : { bytes: slot.bytes }),
          },
    findings: done ? slot.findings : [],
    receipt: done ? { seq: receipt.seq, hash: receipt.hash } : undefined,
  };
};
