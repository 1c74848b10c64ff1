import type { ApprovalDecision } from '../approvals/pending-approvals.js';
import { redactSecrets } from '../core/audit/redact-secrets.js';
import { findSecrets } from '../core/scanner/secrets.js';
import type { AuditStatusReader } from './audit-status.js';
import { readCallPage, readCallRecords } from './call-history.js';
import { matchesCallFilter, type CallFilter } from './call-summary.js';
import type { ConsoleSource } from './console-source.js';

/** A JSON answer: status and body. */
export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
}

const ok = (body: unknown): ApiAnswer => ({ status: 200, body });
const problem = (status: number, error: string): ApiAnswer => ({ status, body: { error } });

/** Same redaction as the audit log, for text that did not come from it (error messages, diffs). */
const redact = <T>(value: T): T => redactSecrets(value, { findSecrets }).value;

const MAX_PAGE = 500;

/** The console's JSON API over the gateway's data; the server handles transport and security. */
export class ConsoleApi {
  constructor(
    private readonly source: ConsoleSource,
    /** Loaded on the Audit page's first visit: verification code is not needed before. */
    private readonly audit: () => Promise<AuditStatusReader>,
  ) {}

  /** The Now page: the gateway, its backends and agents, and the calls per minute. */
  now(): ApiAnswer {
    const { source } = this;
    return ok({
      gateway: source.gateway,
      backends: redact(source.backends()),
      sessions: source.sessions(),
      callsPerMinute: source.feed.callsPerMinute(15),
      pendingApprovals: source.approvals.list().length,
      changes: source.changes().length,
      audit: source.auditPath !== undefined,
    });
  }

  /** The Calls page: newest first, from the log (or this gateway's memory when the log is off). */
  async calls(query: URLSearchParams): Promise<ApiAnswer> {
    const limit = Math.min(MAX_PAGE, Math.max(1, Number(query.get('limit') ?? 100) || 100));
    const beforeText = query.get('before');
    const before = beforeText === null || beforeText === '' ? undefined : Number(beforeText);
    if (before !== undefined && !Number.isSafeInteger(before))
      return problem(400, '"before" must be a seq number');
    const filter: CallFilter = {
      ...optional('tool', query.get('tool')),
      ...optional('outcome', query.get('outcome')),
      ...optional('text', query.get('text')),
      ...(query.get('findings') === '1' ? { findings: true } : {}),
    };
    const text = filter.text?.toLowerCase();
    const remembered = this.source.feed
      .recentCalls()
      .filter((call) => before === undefined || (call.callSeq ?? 0) < before)
      .filter((call) => matchesCallFilter(call, filter))
      .filter(
        (call) =>
          text === undefined || text === '' || JSON.stringify(call).toLowerCase().includes(text),
      );
    const path = this.source.auditPath;
    if (path === undefined)
      return ok({ source: 'memory', calls: remembered.slice(0, limit), next: undefined });
    const page = await readCallPage(path, {
      limit,
      filter,
      ...(before === undefined ? {} : { before }),
    });
    if (before !== undefined) return ok({ source: 'log', ...page });
    // The newest records may still wait in the writer's batch: this gateway's memory has them.
    const onDisk = new Set(page.calls.map((call) => call.id));
    const newest = page.calls[0]?.callSeq ?? -1;
    const pending = remembered.filter(
      (call) => !onDisk.has(call.id) && (call.callSeq ?? 0) > newest,
    );
    return ok({ source: 'log', ...page, calls: [...pending, ...page.calls].slice(0, limit) });
  }

  /** One call: its records from the log, each with its hash checked, and its receipt. */
  async call(id: string): Promise<ApiAnswer> {
    const path = this.source.auditPath;
    const records = path === undefined ? [] : await readCallRecords(path, id);
    const summary = this.source.feed.call(id);
    if (records.length === 0 && summary === undefined) return problem(404, `no call "${id}"`);
    const result = records.find((check) => check.record.type === 'result')?.record;
    return ok({
      id,
      summary,
      records,
      receipt: result === undefined ? summary?.receipt : { seq: result.seq, hash: result.hash },
    });
  }

  approvals(): ApiAnswer {
    return ok({ approvals: this.source.approvals.list() });
  }

  /** Approves or denies one waiting call; the caller says where the decision came from. */
  decide(id: string, body: unknown, channel: ApprovalDecision['channel']): ApiAnswer {
    if (!isObject(body)) return problem(400, 'send a JSON object');
    const { decision, scope, argsHash, note } = body;
    if (decision !== 'approve' && decision !== 'deny')
      return problem(400, '"decision" must be "approve" or "deny"');
    if (scope !== undefined && scope !== 'once' && scope !== 'session')
      return problem(400, '"scope" must be "once" or "session"');
    if (argsHash !== undefined && typeof argsHash !== 'string')
      return problem(400, '"argsHash" must be a string');
    if (note !== undefined && typeof note !== 'string')
      return problem(400, '"note" must be a string');
    const decided = this.source.approvals.decide(
      id,
      {
        approved: decision === 'approve',
        scope: scope ?? 'once',
        channel,
        ...(note === undefined ? {} : { note: note.slice(0, 500) }),
      },
      argsHash,
    );
    if (!decided.ok) {
      return decided.why === 'unknown'
        ? problem(404, `no call waits for approval "${id}" (decided, timed out or cancelled)`)
        : problem(409, 'the arguments differ from the ones shown; reload and decide again');
    }
    return ok({ ok: true, approval: decided.view, decision });
  }

  changes(): ApiAnswer {
    return ok({ changes: redact(this.source.changes()) });
  }

  async approveChange(body: unknown): Promise<ApiAnswer> {
    if (!isObject(body)) return problem(400, 'send a JSON object');
    const { server, tool, pendingHash } = body;
    if (typeof server !== 'string' || typeof tool !== 'string' || typeof pendingHash !== 'string')
      return problem(400, 'send "server", "tool" and "pendingHash" (strings)');
    const approved = await this.source.approveChange(server, tool, pendingHash);
    if (approved.ok) return ok({ ok: true });
    switch (approved.why) {
      case 'unknown':
        return problem(404, `${server}/${tool} has no change waiting for approval`);
      case 'stale':
        return problem(409, `${server}/${tool} changed again; reload and review the new diff`);
      case 'pinning-off':
        return problem(409, 'pinning is off in this gateway');
    }
  }

  async auditStatus(): Promise<ApiAnswer> {
    return ok(await (await this.audit()).status());
  }

  async verify(): Promise<ApiAnswer> {
    if (this.source.auditPath === undefined) return problem(409, 'the audit log is off');
    return ok(await (await this.audit()).verify());
  }
}

const optional = <K extends string>(key: K, value: string | null): Partial<Record<K, string>> =>
  value === null || value === '' ? {} : ({ [key]: value } as Partial<Record<K, string>>);

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
