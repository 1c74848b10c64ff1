import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { openToolCache, serverFingerprint } from '../../cache/tool-cache.js';
import { loadConfig } from '../../config/load.js';
import type { ResolvedConfig } from '../../config/resolve.js';
import { GatewayError } from '../../core/errors.js';
import {
  accessClassFor,
  evaluatePolicy,
  explainPolicy,
  type PolicyCall,
} from '../../core/policy/index.js';
import {
  bitsOf,
  evaluateFlows,
  explainFlows,
  FlowSession,
  isFlowLabel,
  replayHistory,
  withFlows,
  type HistoryEntry,
  type LabelAnnotations,
  type ReplayedEntry,
  type SessionLabel,
  type ToolLabels,
} from '../../core/flows/index.js';
import { createScanner } from '../../core/scanner/scanner.js';
import { findSecrets } from '../../core/scanner/secrets.js';
import { atLeast } from '../../core/scanner/severity.js';
import { loadOptionsFor, type CliDeps, type GlobalOptions, withErrors } from '../context.js';

/** `policy test --call JSON [--after LABELS] [--history FILE]`: the decision for one call, without running anything; exit 0 allow, 1 deny/ask. */
export const policyTestCommand = async (
  options: GlobalOptions & {
    call: string;
    access?: 'read' | 'write';
    after?: string;
    history?: string;
    json?: boolean;
  },
  deps: CliDeps,
): Promise<number> =>
  withErrors(options, deps, async (output) => {
    const config = await loadConfig(loadOptionsFor(options, deps));
    const request = parseCall(options.call);
    const call: PolicyCall = {
      ...target(config, request.tool, options.access),
      args: request.args,
    };
    const annotations = await cachedAnnotations(config);
    const labelsFor = (server: string, tool: string): ToolLabels =>
      config.labels.labelsFor(server, tool, annotations.get(`${server}/${tool}`));
    // A session that has read what --after and --history say, as the gateway would hold it.
    const session = new FlowSession('policy-test');
    const after = parseLabels(options.after);
    if (after.length > 0)
      session.takeIn(bitsOf(after), {
        callId: '--after',
        server: 'policy test',
        tool: '--after',
        receipt: undefined,
      });
    const history =
      options.history === undefined
        ? []
        : replayHistory(
            session,
            config.flows,
            await readHistory(path.resolve(deps.cwd, options.history), config),
            {
              labelsFor: (server, tool) => labelsFor(server, tool).bits,
              scan: scanWith(config),
              findSecrets,
            },
          );
    const toolLabels = labelsFor(call.server, call.tool);
    let decision = evaluatePolicy(config.policy, call);
    const flow = evaluateFlows(
      config.flows,
      session,
      { ...call, toolLabels: toolLabels.bits },
      findSecrets,
    );
    if (flow !== undefined) decision = withFlows(decision, flow);
    if (options.json === true) {
      output.out(
        JSON.stringify(
          {
            call,
            labels: { tool: toolLabels.labels, source: toolLabels.source },
            history: history.map(historyJson),
            decision,
          },
          null,
          2,
        ),
      );
    } else {
      const paint =
        decision.final === 'allow'
          ? output.color.green
          : decision.effect === 'ask'
            ? output.color.yellow
            : output.color.red;
      output.out(
        `${paint(decision.effect.toUpperCase())} ${call.server}/${call.tool} (${call.access})`,
      );
      output.out(`  deciding rule: ${decision.decidingRule}`);
      output.out(
        `  matching rules: ${decision.rules.length === 0 ? '(none)' : decision.rules.join(', ')}`,
      );
      output.out(`  reason: ${decision.reason}`);
      if (decision.wouldBe !== undefined)
        output.out(
          `  would be: ${decision.wouldBe} (rule ${decision.wouldBeRule ?? 'default'}), not enforced`,
        );
      output.out(
        `  tool labels: ${toolLabels.labels.length === 0 ? '(none)' : toolLabels.labels.join(', ')} (${toolLabels.source})`,
      );
      for (const line of historyLines(history)) output.out(`  ${line}`);
      const labels = decision.flow?.labels ?? sessionLabelsOf(session);
      output.out(`  session labels: ${labels.length === 0 ? '(none)' : labels.join(', ')}`);
      for (const source of decision.flow?.sources ?? [])
        output.out(`    ${source.label} from ${source.call} (${source.tool})`);
      const carried = decision.flow?.carried;
      if (carried !== undefined)
        output.out(
          `  carries: ${carried.kind === 'secret' ? 'a secret' : 'text'} from ${carried.source === null ? 'an earlier result' : `${carried.source.call} (${carried.source.tool})`}`,
        );
      output.out(`  policy: ${decision.policy}`);
    }
    return decision.final === 'allow' ? 0 : 1;
  });

/** `policy explain TOOL`: every rule that can apply to a tool, and whether arguments matter. */
export const policyExplainCommand = async (
  tool: string,
  options: GlobalOptions & { access?: 'read' | 'write'; json?: boolean },
  deps: CliDeps,
): Promise<number> =>
  withErrors(options, deps, async (output) => {
    const config = await loadConfig(loadOptionsFor(options, deps));
    const call = target(config, tool, options.access);
    const explained = explainPolicy(config.policy, call);
    const fallback = evaluatePolicy(config.policy, { ...call, args: {} });
    const annotations = await cachedAnnotations(config);
    const labels = config.labels.labelsFor(
      call.server,
      call.tool,
      annotations.get(`${call.server}/${call.tool}`),
    );
    const known = config.labels.knownServer(call.server);
    const flows = explainFlows(config.flows, { ...call, toolLabels: labels.bits });
    if (options.json === true) {
      output.out(
        JSON.stringify(
          {
            call,
            rules: explained,
            withoutArguments: fallback,
            labels: {
              tool: labels.labels,
              source: labels.source,
              ...(known === undefined ? {} : { knownServer: known }),
            },
            flows,
          },
          null,
          2,
        ),
      );
      return 0;
    }
    output.out(
      `${call.server}/${call.tool} (${call.access}${call.agent === undefined ? '' : `, agent ${call.agent}`})`,
    );
    if (explained.length === 0) output.out(`  no rule applies; the default is ${fallback.effect}`);
    for (const entry of explained) {
      output.out(
        `  ${entry.effect.padEnd(6)} ${entry.rule.padEnd(24)} ${entry.applies}${entry.reason === undefined ? '' : `: ${entry.reason}`}`,
      );
    }
    output.out(`  with no arguments: ${fallback.effect} (${fallback.decidingRule})`);
    output.out(
      `  labels: ${labels.labels.length === 0 ? '(none)' : labels.labels.join(', ')} (${labels.source}${known === undefined ? '' : `, recognised by ${known.by}`})`,
    );
    for (const flow of flows) {
      const when = [
        flow.after.length === 0 ? 'in any session' : `after ${flow.after.join(' + ')}`,
        ...(flow.carries ? ['when the arguments carry sensitive data'] : []),
      ].join(', ');
      output.out(`  ${flow.effect.padEnd(6)} ${flow.rule.padEnd(24)} ${when}: ${flow.reason}`);
    }
    return 0;
  });

interface CallRequest {
  readonly tool: string;
  readonly args: Record<string, unknown>;
}

const parseCall = (text: string): CallRequest => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw usage(`--call is not valid JSON: ${(error as Error).message}`);
  }
  const request = value as { tool?: unknown; args?: unknown } | null;
  if (typeof request?.tool !== 'string')
    throw usage('--call needs a "tool", e.g. {"tool":"fs/write_file","args":{"path":"/tmp/x"}}');
  const args: unknown = request.args ?? {};
  if (typeof args !== 'object' || args === null || Array.isArray(args))
    throw usage('--call "args" must be an object');
  return { tool: request.tool, args: args as Record<string, unknown> };
};

/** `server/tool`, or an exposed `server__tool` name, to the policy's view of the call. */
const target = (
  config: ResolvedConfig,
  tool: string,
  access: 'read' | 'write' | undefined,
): Omit<PolicyCall, 'args'> => {
  const separator = config.naming.separator;
  const slash = tool.indexOf('/');
  const cut = slash !== -1 ? slash : tool.indexOf(separator);
  if (cut <= 0)
    throw usage(
      `"${tool}" names no server: write "server/tool" (or the exposed "server${separator}tool")`,
    );
  const server = tool.slice(0, cut);
  const name = tool.slice(cut + (slash !== -1 ? 1 : separator.length));
  const resolved = config.servers.find((s) => s.name === server);
  if (resolved === undefined)
    throw usage(`no server "${server}" in ${config.file ?? 'the config'}`);
  return {
    server,
    tool: name,
    agent: config.agent,
    // Without starting the backend there are no annotations: explicit overrides, else the flag, else write.
    access: access ?? accessClassFor(config.policy, server, name, undefined, false),
    serverTags: resolved.tags,
  };
};

const usage = (message: string): GatewayError => new GatewayError('USAGE', message);

const parseLabels = (text: string | undefined): SessionLabel[] => {
  if (text === undefined) return [];
  const labels = text
    .split(',')
    .map((label) => label.trim())
    .filter((label) => label !== '');
  for (const label of labels) {
    if (!isFlowLabel(label) || label === 'egress')
      throw usage(`--after takes session labels "untrusted" and "sensitive", not "${label}"`);
  }
  return labels as SessionLabel[];
};

/** Annotations of the last known tool definitions (the gateway's cache), so labels match a running gateway. */
const cachedAnnotations = async (
  config: ResolvedConfig,
): Promise<Map<string, LabelAnnotations | undefined>> => {
  const found = new Map<string, LabelAnnotations | undefined>();
  const cache = await openToolCache(config.stateDir, { enabled: config.cache.enabled });
  for (const server of config.servers) {
    for (const tool of cache.get(server.name, serverFingerprint(server))?.tools ?? [])
      found.set(`${server.name}/${tool.name}`, tool.annotations);
  }
  await cache.close();
  return found;
};

const scanWith = (config: ResolvedConfig) => {
  const scanner = createScanner();
  const threshold = config.scanning.threshold ?? 'medium';
  return (result: CallToolResult) =>
    scanner
      .scanValue(result.content, 'result.content')
      .filter((finding) => atLeast(finding.severity, threshold));
};

/**
 * `--history FILE`: a JSON array or JSONL of `{ "tool": "server/tool", "result": TEXT | CallToolResult }`,
 * or an audit log, whose `call` records (with the `result` of `audit.results: "redacted"`) are replayed.
 */
const readHistory = async (file: string, config: ResolvedConfig): Promise<HistoryEntry[]> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw usage(`--history: cannot read ${file}: ${(error as Error).message}`);
  }
  let items: unknown[];
  try {
    const trimmed = text.trim();
    items = trimmed.startsWith('[')
      ? (JSON.parse(trimmed) as unknown[])
      : trimmed
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map((line) => JSON.parse(line) as unknown);
  } catch (error) {
    throw usage(
      `--history: ${file} is neither a JSON array nor JSON lines: ${(error as Error).message}`,
    );
  }
  const entries: HistoryEntry[] = [];
  const byCallId = new Map<string, number>();
  items.forEach((item, index) => {
    if (typeof item !== 'object' || item === null)
      throw usage(`--history: entry ${index + 1} of ${file} is not an object`);
    const record = item as Record<string, unknown>;
    if (record['type'] === 'result') {
      const id = (record['call'] as { id?: unknown } | undefined)?.id;
      const at = typeof id === 'string' ? byCallId.get(id) : undefined;
      const entry = at === undefined ? undefined : entries[at];
      if (entry !== undefined && at !== undefined && record['result'] !== undefined)
        entries[at] = { ...entry, result: toResult(record['result']) };
      return;
    }
    if (record['type'] !== undefined && record['type'] !== 'call') return;
    const name =
      record['type'] === 'call'
        ? `${String(record['server'])}/${String(record['tool'])}`
        : record['tool'];
    if (typeof name !== 'string')
      throw usage(`--history: entry ${index + 1} of ${file} needs a "tool" ("server/tool")`);
    const { server, tool } = target(config, name, undefined);
    const id = (record['call'] as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') byCallId.set(id, entries.length);
    entries.push({
      server,
      tool,
      result: record['result'] === undefined ? undefined : toResult(record['result']),
    });
  });
  return entries;
};

const toResult = (value: unknown): CallToolResult =>
  typeof value === 'string'
    ? { content: [{ type: 'text', text: value }] }
    : { content: [], ...(value as Partial<CallToolResult>) };

const historyJson = (entry: ReplayedEntry) => ({
  position: entry.position,
  tool: `${entry.server}/${entry.tool}`,
  changes: entry.changes,
});

const historyLines = (history: readonly ReplayedEntry[]): string[] =>
  history.map((entry) => {
    const changes = entry.changes.map(
      (change) =>
        `+${change.changed.join(' +')} (${change.cause}${change.rules === undefined ? '' : `: ${change.rules.join(', ')}`})`,
    );
    return `history #${entry.position} ${entry.server}/${entry.tool}: ${changes.length === 0 ? 'no new label' : changes.join('; ')}`;
  });

const sessionLabelsOf = (session: FlowSession): string[] =>
  ['untrusted', 'sensitive'].filter(
    (label) => (session.labels & bitsOf([label as SessionLabel])) !== 0,
  );
