import type { AuditRecordInput, CallInput, ResultInput } from '../core/audit/audit-record.js';
import type { AuditSink } from '../core/audit/audit-sink.js';
import type { Receipt } from '../core/tool-call.js';
import { summarizeCall, withResult, type CallSummary } from './call-summary.js';

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

/**
 * A call as the sink saw it, summarised only when a page asks. Arguments and result content
 * are not kept: they can be large, and the call's detail reads them from the log file.
 */
interface RecentCall {
  readonly call: Pick<CallInput, 'call' | 'server' | 'tool' | 'exposed' | 'decision' | 'session'>;
  readonly callReceipt: Receipt;
  readonly at: number;
  result: Pick<ResultInput, 'outcome' | 'findings'> | undefined;
  resultReceipt: Receipt | undefined;
}

/**
 * The console's view of the audit stream, fed by a tap on the gateway's audit sink. On the
 * call path it costs a map update and a loop over the (usually zero) subscribers; nothing is
 * formatted until a page asks.
 */
export class CallFeed {
  private readonly recent = new Map<string, RecentCall>();
  // The ids in `recent`, oldest first from `ringNext`: the one to drop is known without walking
  // the map (a map iterator starts at the first slot and steps over every deleted entry still
  // there, a few hundred per call until the table is rebuilt).
  private readonly ring: (string | undefined)[] = new Array<string | undefined>(RING_SIZE);
  private ringNext = 0;
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
        const entry: RecentCall = {
          call: {
            call: record.call,
            server: record.server,
            tool: record.tool,
            exposed: record.exposed,
            decision: record.decision,
            session: record.session,
          },
          callReceipt: receipt,
          at: this.now(),
          result: undefined,
          resultReceipt: undefined,
        };
        this.remember(record.call.id, entry);
        if (this.listeners.size > 0) this.emit({ type: 'call', call: summaryOf(entry) });
        return;
      }
      case 'result': {
        const entry = this.recent.get(record.call.id);
        this.count();
        if (entry === undefined) return;
        entry.result = { outcome: record.outcome, findings: record.findings };
        entry.resultReceipt = receipt;
        if (this.listeners.size > 0) this.emit({ type: 'call', call: summaryOf(entry) });
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
    return [...this.recent.values()].reverse().map(summaryOf);
  }

  /** One recent call by id. */
  call(id: string): CallSummary | undefined {
    const entry = this.recent.get(id);
    return entry === undefined ? undefined : summaryOf(entry);
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

  private remember(id: string, entry: RecentCall): void {
    // The map's insertion order stays the calls' order: pages list it newest first. An id seen
    // again (never, from the gateway) keeps its place, as a map entry set again does.
    if (this.recent.has(id)) {
      this.recent.set(id, entry);
      return;
    }
    const oldest = this.ring[this.ringNext];
    if (oldest !== undefined) this.recent.delete(oldest);
    this.ring[this.ringNext] = id;
    this.ringNext = (this.ringNext + 1) % RING_SIZE;
    this.recent.set(id, entry);
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

const summaryOf = (entry: RecentCall): CallSummary => {
  const summary = summarizeCall(entry.call, {
    ts: new Date(entry.at).toISOString(),
    seq: entry.callReceipt.seq,
  });
  return entry.result === undefined || entry.resultReceipt === undefined
    ? summary
    : withResult(summary, entry.result, entry.resultReceipt);
};
