import type { PendingApprovalView } from '../../approvals/pending-approvals.js';
import { loadConfig } from '../../config/load.js';
import { consoleStatusOf, requestConsole } from '../../console/console-client.js';
import {
  listConsoleEntries,
  listUserConsoleEntries,
  userConsolesDir,
  type ConsoleEntry,
} from '../../console/console-registry.js';
import { GatewayError } from '../../core/errors.js';
import { loadOptionsFor, withErrors, type CliDeps, type GlobalOptions } from '../context.js';
import type { Output } from '../output.js';

type ApprovalsOptions = GlobalOptions & {
  json?: boolean;
  all?: boolean;
  scope?: 'once' | 'session';
  reason?: string;
};

/** A waiting call and the gateway it waits in. */
type Listed = PendingApprovalView & { readonly gateway: { pid: number; url: string } };

/**
 * The running gateways of this config's state folder, or with `all` of every config this user
 * runs on the machine; none is an error that says what to do.
 */
export const runningConsoles = async (
  options: GlobalOptions & { readonly all?: boolean },
  deps: CliDeps,
): Promise<{ entries: ConsoleEntry[] }> => {
  if (options.all === true) {
    const userDir = userConsolesDir(deps.env);
    const entries = await listUserConsoleEntries(userDir);
    if (entries.length === 0)
      throw new GatewayError(
        'CONSOLE_UNAVAILABLE',
        `No running gateway of yours serves a console on this machine (none is listed in ${userDir}).`,
      );
    return { entries };
  }
  const config = await loadConfig(loadOptionsFor(options, deps));
  const entries = await listConsoleEntries(config.stateDir);
  if (entries.length === 0) {
    throw new GatewayError(
      'CONSOLE_UNAVAILABLE',
      `No running gateway serves a console for this config (state folder ${config.stateDir}). Approvals and the console exist while a gateway runs (\`mcp-gateway run\`, started by your MCP client) with "console": { "enabled": true } (the default outside CI); use --config to pick another config, or --all for every gateway of yours on this machine.`,
    );
  }
  return { entries };
};

/**
 * `approvals [list|approve ID|deny ID]`: the calls waiting for a human in the running gateways
 * of this config, decided from a terminal through the console's API (same token).
 */
export const approvalsCommand = async (
  action: string | undefined,
  id: string | undefined,
  options: ApprovalsOptions,
  deps: CliDeps,
): Promise<number> =>
  withErrors(options, deps, async (output) => {
    const verb = action ?? 'list';
    if (verb !== 'list' && verb !== 'approve' && verb !== 'deny') {
      throw new GatewayError('USAGE', `approvals takes list, approve ID or deny ID, not "${verb}"`);
    }
    const { entries } = await runningConsoles(options, deps);
    if (verb === 'list') return list(entries, options, output);
    if (id === undefined || id === '')
      throw new GatewayError(
        'USAGE',
        `approvals ${verb} needs the ID that \`approvals list\` shows`,
      );
    return decide(entries, verb, id, options, output);
  });

const list = async (
  entries: readonly ConsoleEntry[],
  options: ApprovalsOptions,
  output: Output,
): Promise<number> => {
  const waiting: Listed[] = [];
  for (const entry of entries) {
    const { approvals } = await requestConsole<{ approvals: PendingApprovalView[] }>(
      entry,
      'GET',
      '/api/approvals',
    );
    for (const approval of approvals)
      waiting.push({ ...approval, gateway: { pid: entry.pid, url: entry.url } });
  }
  if (options.json === true) {
    output.out(JSON.stringify({ approvals: waiting }, null, 2));
    return 0;
  }
  const { color } = output;
  if (waiting.length === 0) {
    output.out(`Nothing waits for approval (${entries.length} gateway(s) running).`);
    return 0;
  }
  const now = Date.now();
  for (const approval of waiting) {
    const waited = Math.round((now - Date.parse(approval.createdAt)) / 1000);
    const left = Math.max(0, Math.round((Date.parse(approval.expiresAt) - now) / 1000));
    output.out(
      `${color.bold(approval.id)}  ${color.bold(`${approval.server}/${approval.tool}`)}  rule "${approval.rule}"  waiting ${waited} s, ${left} s left  (gateway pid ${approval.gateway.pid})`,
    );
    const client =
      approval.client === undefined
        ? ''
        : `  client: ${approval.client.name} ${approval.client.version}`;
    const session = approval.session === undefined ? '' : `  session: ${approval.session}`;
    output.out(`  agent: ${approval.agent ?? '(none)'}${client}${session}`);
    output.out(`  reason: ${approval.reason}`);
    for (const one of approval.examined)
      output.out(
        `  checked ${one.at === '' ? '(the arguments)' : one.at}: ${JSON.stringify(one.value)}${one.reading === undefined ? '' : ` (${one.reading})`}`,
      );
    output.out(`  arguments (${approval.argsHash}), in full:`);
    for (const line of JSON.stringify(approval.args, null, 2).split('\n'))
      output.out(`    ${line}`);
    output.out(
      color.dim(
        `  mcp-gateway approvals approve ${approval.id}   |   mcp-gateway approvals deny ${approval.id} [--reason TEXT]`,
      ),
    );
  }
  return 0;
};

const decide = async (
  entries: readonly ConsoleEntry[],
  verb: 'approve' | 'deny',
  id: string,
  options: ApprovalsOptions,
  output: Output,
): Promise<number> => {
  const body = {
    decision: verb,
    scope: options.scope ?? 'once',
    ...(options.reason === undefined ? {} : { note: options.reason }),
  };
  for (const entry of entries) {
    try {
      const answer = await requestConsole<{ approval: PendingApprovalView }>(
        entry,
        'POST',
        `/api/approvals/${encodeURIComponent(id)}`,
        body,
      );
      const { approval } = answer;
      if (options.json === true)
        output.out(
          JSON.stringify({ ok: true, decision: verb, scope: body.scope, approval }, null, 2),
        );
      else
        output.out(
          `${output.color.green('✓')} ${verb === 'approve' ? 'approved' : 'denied'} ${approval.id}: ${approval.server}/${approval.tool}${verb === 'approve' ? ` (${body.scope === 'session' ? 'every call to this tool in this session' : 'this call only'})` : ''}`,
        );
      return 0;
    } catch (error) {
      // Not waiting in this gateway: it may wait in another one of the same config.
      if (consoleStatusOf(error) === 404) continue;
      throw error;
    }
  }
  throw new GatewayError(
    'APPROVAL_NOT_FOUND',
    `No call waits for approval "${id}": it was decided, timed out or cancelled (see \`mcp-gateway approvals list\`).`,
  );
};
