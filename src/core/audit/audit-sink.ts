import type { Receipt } from '../tool-call.js';
import type { AuditRecordInput } from './audit-record.js';

/** Port: where audit records go (the JSONL log in the gateway, memory in tests). */
export interface AuditSink {
  /** Queues a record; its chain position is known at once. */
  append(record: AuditRecordInput): Receipt;
  /** Resolves once the record is on disk. */
  appendDurable(record: AuditRecordInput): Promise<Receipt>;
  /**
   * Call (and await when defined) before a reply carrying a receipt leaves the gateway: puts
   * every record appended so far into the file, so `kill -9` cannot lose what was answered.
   * Undefined when nothing is waiting; one shared write per event-loop turn otherwise.
   */
  written(): Promise<void> | undefined;
  /**
   * The same write, made now, synchronously, when it can be (one call in flight has no other
   * reply to share a turn's write with): true once nothing appended so far is left to write
   * (a failed write included: it is reported and retried, as `written()` reports it), so the
   * reply can leave now; false when the write needs the slow path or other replies of this
   * turn already wait for the shared write, and then `written()` is awaited as before.
   * Absent: always `written()`.
   */
  writeNow?(): boolean;
  /** False while the log cannot be written. */
  readonly healthy: boolean;
  /**
   * The highest seq this sink has put into its file (-1 before any): a receipt whose seq is at
   * or below it is in the file and final (a writer re-chains only records not yet written, and
   * re-chains them after what is written). Absent: receipts are never known to be final.
   */
  writtenSeq?(): number;
}

/** Keeps records in memory: for tests and for commands that audit nothing. */
export class MemoryAuditSink implements AuditSink {
  readonly records: AuditRecordInput[] = [];
  healthy = true;

  append(record: AuditRecordInput): Receipt {
    this.records.push(record);
    return { seq: this.records.length - 1, hash: `memory:${this.records.length - 1}` };
  }

  appendDurable(record: AuditRecordInput): Promise<Receipt> {
    return Promise.resolve(this.append(record));
  }

  written(): undefined {
    return undefined;
  }
}
