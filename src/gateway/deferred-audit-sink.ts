import type { AuditRecordInput } from '../core/audit/audit-record.js';
import type { AuditSink } from '../core/audit/audit-sink.js';
import type { Receipt } from '../core/tool-call.js';

/**
 * Holds the records made while the audit log is still being opened (backends are started
 * first, so a `session_start` or a backend event can come before the log is ready), and
 * writes them, in order, once it is. No call runs before then, so no receipt is handed out
 * from the queue.
 */
export class DeferredAuditSink implements AuditSink {
  private target: AuditSink | undefined;
  private queue: AuditRecordInput[] = [];

  get healthy(): boolean {
    return this.target?.healthy ?? true;
  }

  /** The log is open: queued records go to it first, then every new one. */
  attach(target: AuditSink): void {
    this.target = target;
    for (const record of this.queue) target.append(record);
    this.queue = [];
  }

  append(record: AuditRecordInput): Receipt {
    if (this.target !== undefined) return this.target.append(record);
    this.queue.push(record);
    return { seq: 0, hash: '' };
  }

  written(): Promise<void> | undefined {
    return this.target?.written();
  }

  writeNow(): boolean {
    // Nothing is queued for a log still being opened: no call runs before then.
    const target = this.target;
    if (target === undefined) return true;
    return target.writeNow?.() ?? false;
  }

  appendDurable(record: AuditRecordInput): Promise<Receipt> {
    if (this.target !== undefined) return this.target.appendDurable(record);
    this.queue.push(record);
    return Promise.resolve({ seq: 0, hash: '' });
  }
}
