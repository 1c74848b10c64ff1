import { digestAuditContent } from '../audit/digest.js';
import type { ApprovalChannelName } from '../config/resolve.js';
import { redactSecrets } from '../core/audit/redact-secrets.js';
import type { CompiledPolicy } from '../core/policy/index.js';
import type { Logger } from '../core/logger.js';
import { findSecrets } from '../core/scanner/secrets.js';
import type { SessionInfo } from '../core/tool-call.js';
import type { ApprovalAnswer, ApprovalRequest, AskHuman } from '../pipeline/enforce-policy.js';
import type { PendingApprovals, PendingApprovalView } from './pending-approvals.js';

/** The `approvals` settings a request is handled with (read per request: a reload applies). */
export interface ApprovalSettings {
  readonly channels: readonly ApprovalChannelName[];
  readonly timeoutMs: number;
  readonly fastDeclineMs: number;
  readonly preapproved: readonly string[];
}

/** Where a waiting call can be decided: the console's pending list and its address. */
export interface ConsoleWaitPort {
  readonly pending: PendingApprovals;
  /** Resolves once the console serves or could not start (it starts beside the gateway). */
  readonly ready: () => Promise<void>;
  /** The console's base URL while it serves, else undefined (then it is no channel). */
  readonly url: () => string | undefined;
}

export interface ApprovalBrokerOptions {
  readonly settings: () => ApprovalSettings;
  /** Ids of the policy's enforced `ask` rules (pre-approval must cover every one that matched). */
  readonly askRules: () => ReadonlySet<string>;
  /** Asks through MCP elicitation (`unavailable` when the agent did not declare it). */
  readonly elicit: AskHuman;
  /** The agent session that made a call, as an identity: elicitation can be turned off per session. */
  readonly sessionOf: (callId: string) => object | undefined;
  /** Who made a call (client name and version), for the console. */
  readonly sessionInfoOf: (callId: string) => SessionInfo | undefined;
  /** The id of the agent session that made a call, as the audit log names it, for the console. */
  readonly sessionIdOf?: (callId: string) => string | undefined;
  readonly console: ConsoleWaitPort | undefined;
  /** Shows a desktop notification that links to the waiting call in the console (best effort). */
  readonly notify: ((approval: PendingApprovalView) => void) | undefined;
  readonly logger: Logger;
  readonly now: () => number;
  /** How often a waiting call tells the agent it is still waiting (default 5 s). */
  readonly progressEveryMs?: number;
}

const PROGRESS_EVERY_MS = 5000;

/**
 * The approval broker: the `AskHuman` port the policy step calls. It answers pre-approved
 * rules at once, else tries `approvals.channels` in order. Elicitation that answers faster
 * than a human could is taken as a client that never showed the question: it is not used
 * again in that session and the next channel decides. The console channel puts the call on
 * the pending list (the page and `mcp-gateway approvals`), with a desktop notification when
 * `notify` is listed, and waits for a decision, the timeout, or the agent's cancel.
 */
export const createApprovalBroker = (options: ApprovalBrokerOptions): AskHuman => {
  // Agent sessions whose client auto-declines: asking them again would deny again at once.
  const noElicitation = new WeakSet<object>();

  const preapproved = (request: ApprovalRequest, settings: ApprovalSettings): boolean => {
    if (settings.preapproved.length === 0) return false;
    const approved = new Set(settings.preapproved);
    if (!approved.has(request.rule)) return false;
    // Another ask rule matching the same call asks on its own account.
    const askRules = options.askRules();
    return request.rules.every((rule) => !askRules.has(rule) || approved.has(rule));
  };

  /** The answer, or why the next channel decides ('unshowable' keeps the elicitation's answer). */
  const tryElicitation = async (
    request: ApprovalRequest,
    settings: ApprovalSettings,
  ): Promise<ApprovalAnswer | 'next' | { readonly unshowable: ApprovalAnswer }> => {
    const session = options.sessionOf(request.callId);
    if (session !== undefined && noElicitation.has(session)) return 'next';
    const started = options.now();
    const answer = await options.elicit(request);
    if (answer.approved) return { ...answer, channel: 'elicitation' };
    if (answer.why === 'unavailable') return 'next';
    // Too long for a dialog: the console shows arguments in full, so it may still ask.
    if (answer.why === 'unshowable') return { unshowable: { ...answer, channel: 'elicitation' } };
    const ms = options.now() - started;
    if (ms < settings.fastDeclineMs && request.signal?.aborted !== true) {
      if (session !== undefined) noElicitation.add(session);
      options.logger.info(
        `The client answered an approval request in ${Math.round(ms)} ms (${answer.why}), faster than a human can: elicitation is not used again for this session; the next approval channel decides.`,
      );
      return 'next';
    }
    return { ...answer, channel: 'elicitation' };
  };

  const waitInConsole = async (
    request: ApprovalRequest,
    settings: ApprovalSettings,
    port: ConsoleWaitPort,
    url: string,
  ): Promise<ApprovalAnswer> => {
    const created = options.now();
    const { view, decided } = port.pending.add(viewOf(request, settings, created, options));
    if (settings.channels.includes('notify')) options.notify?.(view);
    options.logger.info(
      `Call ${request.server}/${request.tool} waits for approval ${view.id} (rule "${request.rule}"): decide in the console at ${url} or with \`mcp-gateway approvals approve ${view.id}\` / \`deny ${view.id}\`.`,
    );
    const total = Math.ceil(settings.timeoutMs / 1000);
    const progress = (): void => {
      const waited = Math.floor((options.now() - created) / 1000);
      request.onProgress?.({
        progress: waited,
        total,
        message: `Waiting for a human to approve ${request.server}/${request.tool} in the mcp-gateway console (${url}); ${total - waited} s left.`,
      });
    };
    let ticker: NodeJS.Timeout | undefined;
    if (request.onProgress !== undefined) {
      progress();
      ticker = setInterval(progress, options.progressEveryMs ?? PROGRESS_EVERY_MS);
    }
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => {
        resolve('expired');
      }, settings.timeoutMs);
    });
    let onAbort: (() => void) | undefined;
    const cancelled = new Promise<'cancelled'>((resolve) => {
      if (request.signal === undefined) return;
      if (request.signal.aborted) resolve('cancelled');
      onAbort = () => {
        resolve('cancelled');
      };
      request.signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const outcome = await Promise.race([decided, expired, cancelled]);
      if (outcome === 'expired' || outcome === 'cancelled') {
        port.pending.withdraw(view.id, outcome);
        return outcome === 'expired'
          ? {
              approved: false,
              why: 'timeout',
              detail: `nobody decided in the console within ${total} s`,
              channel: 'console',
            }
          : { approved: false, why: 'cancelled', channel: 'console' };
      }
      if (outcome === undefined) return { approved: false, why: 'cancelled', channel: 'console' };
      if (outcome.approved)
        return { approved: true, scope: outcome.scope, channel: outcome.channel };
      const where = outcome.channel === 'terminal' ? 'in a terminal' : 'in the console';
      return {
        approved: false,
        why: 'declined',
        detail:
          outcome.note === undefined || outcome.note.trim() === ''
            ? `denied ${where}`
            : `denied ${where}: ${outcome.note.trim()}`,
        channel: outcome.channel,
      };
    } finally {
      clearTimeout(timer);
      clearInterval(ticker);
      if (onAbort !== undefined) request.signal?.removeEventListener('abort', onAbort);
    }
  };

  return async function askHuman(request) {
    const settings = options.settings();
    if (preapproved(request, settings))
      return { approved: true, scope: 'once', channel: 'preapproved' };
    const tried: string[] = [];
    let unshowable: ApprovalAnswer | undefined;
    for (const channel of settings.channels) {
      if (channel === 'elicitation') {
        const answer = await tryElicitation(request, settings);
        if (answer === 'next') tried.push('the client does not answer MCP elicitation');
        else if ('unshowable' in answer) unshowable = answer.unshowable;
        else return answer;
      } else if (channel === 'console') {
        await options.console?.ready();
        const url = options.console?.url();
        if (options.console !== undefined && url !== undefined)
          return waitInConsole(request, settings, options.console, url);
        tried.push('the console is off');
      }
      // `notify` accompanies the console wait: it links to the page where the call is decided.
    }
    if (unshowable !== undefined) return unshowable;
    return {
      approved: false,
      why: 'unavailable',
      detail: `${tried.length > 0 ? `${tried.join(' and ')}; ` : ''}pre-approve rule "${request.rule}" with "approvals": { "preapproved": ["${request.rule}"] } in the config or --approve ${request.rule} on the command line`,
    };
  };
};

/** The console's view of a request: arguments redacted as in the audit log, bound by their hash. */
const viewOf = (
  request: ApprovalRequest,
  settings: ApprovalSettings,
  created: number,
  options: Pick<ApprovalBrokerOptions, 'sessionInfoOf' | 'sessionIdOf'>,
): Omit<PendingApprovalView, 'id'> => {
  const session = options.sessionInfoOf(request.callId);
  return {
    session: options.sessionIdOf?.(request.callId),
    callId: request.callId,
    server: request.server,
    tool: request.tool,
    exposed: request.exposed,
    agent: request.agent,
    client: session?.client,
    rule: request.rule,
    rules: request.rules,
    reason: request.reason,
    args: redactSecrets(request.args, { findSecrets }).value,
    examined: request.examined.map((one) => ({
      ...one,
      // Redacted like the arguments: a value under a secret-sounding key is secret here too.
      value: redactValueAt(one.at, one.value),
    })),
    argsHash: digestAuditContent(request.args).sha256,
    createdAt: new Date(created).toISOString(),
    expiresAt: new Date(created + settings.timeoutMs).toISOString(),
  };
};

const askRuleCache = new WeakMap<CompiledPolicy, ReadonlySet<string>>();

/** The ids of a policy's enforced `ask` rules (worked out once per compiled policy). */
export const enforcedAskRules = (policy: CompiledPolicy): ReadonlySet<string> => {
  let ids = askRuleCache.get(policy);
  if (ids === undefined) {
    ids = new Set(
      policy.rules.all.filter((rule) => rule.effect === 'ask' && rule.enforced).map((r) => r.id),
    );
    askRuleCache.set(policy, ids);
  }
  return ids;
};

/** A value redacted as it would be at its place in the arguments (its key decides too). */
const redactValueAt = (at: string, value: unknown): unknown => {
  const key = /(?:^|\.)([^.[\]]+)$|\["((?:[^"\\]|\\.)*)"\]$/.exec(at);
  const name =
    key?.[1] ?? (key?.[2] === undefined ? 'value' : (JSON.parse(`"${key[2]}"`) as string));
  return redactSecrets({ [name]: value }, { findSecrets }).value[name];
};
