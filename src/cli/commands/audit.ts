import { loadConfig } from '../../config/load.js';
import type { AuditRecord } from '../../core/audit/audit-record.js';
import { GatewayError } from '../../core/errors.js';
import { loadOptionsFor, type CliDeps, type GlobalOptions, withErrors } from '../context.js';
import type { Output } from '../output.js';

type AuditOptions = GlobalOptions & { json?: boolean };

/** `audit verify`: recompute the chain; exit 0 ok, 1 tampered, 2 warnings only. */
export const auditVerifyCommand = async (
  options: AuditOptions & { anchor?: string },
  deps: CliDeps,
): Promise<number> =>
  withErrors(options, deps, async (output) => {
    const config = await loadConfig(loadOptionsFor(options, deps));
    const { verifyAuditLog } = await import('../../audit/verify-audit-log.js');
    const report = await verifyAuditLog(config.audit.path, {
      stateDir: config.stateDir,
      ...(options.anchor === undefined ? {} : { anchor: options.anchor }),
    });
    if (options.json === true) {
      output.out(JSON.stringify(report, null, 2));
    } else {
      const { color } = output;
      const head =
        report.status === 'ok'
          ? color.green(`✓ ${config.audit.path}: ${report.records} records verified`)
          : report.status === 'warnings'
            ? color.yellow(
                `! ${config.audit.path}: ${report.records} records, chain intact, ${report.warnings.length} warning(s)`,
              )
            : color.red(
                `✗ ${config.audit.path}: TAMPERED (${report.errors.length} problem(s) in ${report.records} records)`,
              );
      output.out(`${head} in ${Math.round(report.ms)} ms`);
      for (const issue of report.errors)
        output.out(color.red(`  error   ${where(issue)}${issue.message}`));
      for (const issue of report.warnings)
        output.out(color.yellow(`  warning ${where(issue)}${issue.message}`));
    }
    return report.status === 'ok' ? 0 : report.status === 'tampered' ? 1 : 2;
  });

const where = (issue: { file?: string; line?: number; seq?: number }): string => {
  const parts = [
    issue.file,
    issue.line === undefined ? undefined : `line ${issue.line}`,
    issue.seq === undefined ? undefined : `seq ${issue.seq}`,
  ];
  const text = parts.filter((p) => p !== undefined).join(', ');
  return text === '' ? '' : `[${text}] `;
};

/** `audit tail`: the last N records, readable (or JSONL with --json); `--follow` keeps reading. */
export const auditTailCommand = async (
  options: AuditOptions & { lines?: string; follow?: boolean },
  deps: CliDeps,
): Promise<number> =>
  withErrors(options, deps, async (output) => {
    const count = Number(options.lines ?? '20');
    if (!Number.isInteger(count) || count < 0)
      throw new GatewayError('USAGE', `-n takes a whole number, not "${options.lines ?? ''}"`);
    const config = await loadConfig(loadOptionsFor(options, deps));
    const { readAuditRecords } = await import('../../audit/read-audit-records.js');
    const last: AuditRecord[] = [];
    try {
      for await (const record of readAuditRecords(config.audit.path)) {
        last.push(record);
        if (last.length > count) last.shift();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || options.follow !== true)
        throw error;
    }
    const print = (record: AuditRecord): void => {
      output.out(
        options.json === true ? JSON.stringify(record) : formatRecord(record, output.color),
      );
    };
    last.forEach(print);
    if (options.follow !== true) return 0;
    const { followAuditLog } = await import('../../audit/follow-audit-log.js');
    const controller = new AbortController();
    const stop = () => {
      controller.abort();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const afterSeq = last.at(-1)?.seq;
    await followAuditLog(
      config.audit.path,
      print,
      controller.signal,
      afterSeq === undefined ? {} : { afterSeq },
    );
    return 0;
  });

/** `audit key`: the public key that verifies this log's checkpoints (to keep off the machine). */
export const auditKeyCommand = async (options: AuditOptions, deps: CliDeps): Promise<number> =>
  withErrors(options, deps, async (output) => {
    const config = await loadConfig(loadOptionsFor(options, deps));
    const { loadOrCreateAuditKey } = await import('../../audit/audit-key.js');
    const key = await loadOrCreateAuditKey(config.stateDir);
    const replaced = key.created?.replaced;
    if (replaced !== undefined) {
      output.err(
        output.color.yellow(
          `warning: the private key for ${replaced.keyId} was missing from ${config.stateDir}; created ${key.keyId}. The next gateway start records the change in the log (key_rotated).`,
        ),
      );
    }
    if (options.json === true)
      output.out(JSON.stringify({ keyId: key.keyId, publicKeyPem: key.publicKeyPem }));
    else {
      output.err(
        `Audit checkpoint key ${key.keyId} (${config.stateDir}). Keep a copy of this public key elsewhere:`,
      );
      output.out(key.publicKeyPem.trimEnd());
    }
    return 0;
  });

/** One line a record: time, seq, type, and what matters for that type. */
export const formatRecord = (record: AuditRecord, color: Output['color']): string => {
  const head = `${color.dim(record.ts)} ${String(record.seq).padStart(6)} ${record.type.padEnd(13)}`;
  switch (record.type) {
    case 'call': {
      const paint = record.decision.final === 'allow' ? color.green : color.red;
      return `${head} ${record.call.id} ${record.tool === null ? `${record.exposed} (unknown tool${record.server === null ? '' : ` of ${record.server}`})` : `${record.server ?? ''}/${record.tool}`} ${paint(record.decision.final)} (${record.decision.deciding})${record.redacted.length > 0 ? color.yellow(` redacted: ${record.redacted.join(', ')}`) : ''}`;
    }
    case 'result': {
      const status = record.outcome.status;
      const paint =
        status === 'ok' ? color.green : status === 'tool_error' ? color.yellow : color.red;
      const findings =
        record.findings.length > 0
          ? color.yellow(` findings: ${record.findings.map((f) => f.rule).join(', ')}`)
          : '';
      return `${head} ${record.call.id} ${paint(status)} ${record.outcome.ms} ms${findings}`;
    }
    case 'finding': {
      const where =
        record.resource !== undefined
          ? ` resource ${record.resource}`
          : record.prompt !== undefined
            ? ` prompt ${record.prompt}`
            : record.tool === null
              ? ''
              : `/${record.tool}`;
      const action = record.action === undefined ? '' : ` (${record.action})`;
      return `${head} ${record.server}${where} ${color.yellow(`${record.severity} ${record.rule}`)} in ${record.field}${action}`;
    }
    case 'backend':
      return `${head} ${record.server} ${record.event}: ${record.detail}`;
    case 'config_change':
      return `${head} ${record.status}: ${record.summary}`;
    case 'session_start':
      return `${head} gateway ${record.gateway.version} pid ${record.gateway.pid}${record.session.client === null ? '' : ` client ${record.session.client.name} ${record.session.client.version}`}${record.session.agent === null ? '' : ` agent ${record.session.agent}`}`;
    case 'session_end':
      return `${head} ${record.reason}`;
    case 'checkpoint':
      return `${head} covers seq ${record.covers.seq} signed by ${record.key_id}`;
    case 'recovery':
      return `${head} ${color.yellow(`torn line at byte ${record.torn.offset} of ${record.torn.file}`)}`;
    case 'telemetry': {
      const { spans, log_records: logs, metric_exports: metrics } = record.dropped;
      return `${head} ${color.yellow(`dropped ${spans} spans, ${logs} log records, ${metrics} metric exports`)}: ${record.detail}`;
    }
    case 'key_rotated':
      return `${head} ${color.yellow(`signing key ${record.old_key_id} replaced by ${record.new_key_id}: ${record.reason}`)}`;
    case 'label': {
      const change = `${record.event === 'added' ? '+' : '-'}${record.changed.join(` ${record.event === 'added' ? '+' : '-'}`)}`;
      return `${head} ${record.call.id} ${record.server}/${record.tool} ${color.yellow(change)} (${record.cause}) session ${record.session_id}: ${record.labels.length === 0 ? 'no labels' : record.labels.join(', ')}`;
    }
  }
};
