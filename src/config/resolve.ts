import path from 'node:path';
import {
  compileFlows,
  createLabelResolver,
  type CompiledFlows,
  type LabelResolver,
} from '../core/flows/index.js';
import {
  compilePolicy,
  type CompiledPolicy,
  type PolicyEnvironment,
} from '../core/policy/index.js';
import {
  compileToolSelection,
  type ServerOffer,
  type ToolSelection,
} from '../core/routing/tool-selection.js';
import { resolveTelemetry, type ResolvedTelemetry } from './resolve-telemetry.js';
import { SIZE_PATTERN, type ParsedUserConfig, type ServerConfig } from './schema.js';
import { defaultScanLimits, type ScanLimits } from '../core/scanner/scan-in-slices.js';

/** Flags from the command line; they win over the file. */
export interface InlineConfig {
  readonly stateDir?: string | undefined;
  readonly agent?: string | undefined;
  readonly logLevel?: LogLevel | undefined;
  /** `--profile` (or MCP_GATEWAY_PROFILE): the `profiles.<name>` to run. */
  readonly profile?: string | undefined;
  /** `--entry-name`: the name the client knows the gateway by (in prefixes like `mcp__{key}__`). */
  readonly entryName?: string | undefined;
  /** `--approve RULE_ID`: `ask` rules approved without asking, added to `approvals.preapproved`. */
  readonly approve?: readonly string[] | undefined;
  /** `--no-console`: false turns the console off whatever the file says. */
  readonly console?: boolean | undefined;
}

/** Where an `ask` can be put to a human. */
export type ApprovalChannelName = 'elicitation' | 'console' | 'notify';

/** The channels tried when the config names none. */
export const DEFAULT_APPROVAL_CHANNELS: readonly ApprovalChannelName[] = [
  'elicitation',
  'console',
  'notify',
];
export const DEFAULT_APPROVAL_TIMEOUT_MS = 120_000;
export const DEFAULT_FAST_DECLINE_MS = 150;

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

interface ServerCommon {
  readonly name: string;
  readonly enabled: boolean;
  readonly startupTimeoutMs: number;
  readonly callTimeoutMs: number;
  readonly trustAnnotations: boolean;
  readonly tags: readonly string[];
}

/** A backend started as a child process speaking MCP over stdio. */
export interface ResolvedStdioServer extends ServerCommon {
  readonly kind: 'stdio';
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: string;
  readonly inheritEnv: boolean;
  /** The command line as written in the file, `${env:…}` unexpanded: safe to print. */
  readonly display: string;
}

/** A backend reached over HTTP. */
export interface ResolvedRemoteServer extends ServerCommon {
  readonly kind: 'remote';
  readonly url: string;
  readonly transport: 'auto' | 'streamable-http' | 'sse';
  readonly headers: Readonly<Record<string, string>>;
  /** The URL as written in the file, `${env:…}` unexpanded, without query or credentials: safe to print. */
  readonly display: string;
}

export type ResolvedServer = ResolvedStdioServer | ResolvedRemoteServer;

export type SurfaceAction = 'block' | 'redact' | 'warn' | 'off';

/**
 * What `clients.<name>` says about a client, over the built-in table: an absent field keeps the
 * table's value, `null` means "no limit".
 */
export interface ClientOverride {
  readonly toolCap?: number | null;
  readonly names?: { readonly maxLength: number; readonly prefix: string } | null;
  readonly resultBytes?: number | null;
  readonly elicitation?: boolean | null;
}

/** The entry name the gateway assumes a client gave it, unless `--entry-name` says otherwise. */
export const DEFAULT_ENTRY_NAME = 'gateway';

/** Disk space for the full text of cut results, unless `limits.keptResults` says otherwise. */
export const DEFAULT_KEPT_RESULTS_BYTES = 256_000_000;

/** The config with every default filled and every `${env:…}` expanded. */
export interface ResolvedConfig {
  /** Absolute path of the file it came from (undefined for `wrap`). */
  readonly file: string | undefined;
  readonly dir: string;
  readonly stateDir: string;
  readonly servers: readonly ResolvedServer[];
  readonly naming: {
    readonly separator: string;
    readonly maxLength: number;
    readonly prefix: 'always' | 'never';
  };
  /** The policy compiled once at load (an empty policy allows everything but the self-protection rule). */
  readonly policy: CompiledPolicy;
  /** Flow rules compiled once at load: on by default, with the built-in set (DESIGN §12). */
  readonly flows: CompiledFlows;
  /** Each tool's flow labels: `policy.labels`, annotations, built-in defaults of known servers. */
  readonly labels: LabelResolver;
  readonly scanning: {
    readonly descriptions: 'block' | 'warn' | 'off';
    readonly responses: SurfaceAction;
    readonly arguments: SurfaceAction;
    readonly threshold: 'low' | 'medium' | 'high' | undefined;
    readonly allow: readonly { readonly rule: string; readonly match: string }[];
    /** `maxChars`, `maxMs` and the slice size of large scans. */
    readonly limits: ScanLimits;
  };
  readonly pinning: { readonly mode: 'block' | 'warn' | 'off' };
  readonly audit: {
    readonly enabled: boolean;
    readonly path: string;
    readonly durability: 'batch' | 'sync';
    readonly results: 'none' | 'hash' | 'redacted';
  };
  readonly cache: { readonly enabled: boolean };
  /** Which tools agents are offered and their priority under a client's tool cap. */
  readonly selection: ToolSelection;
  /** The `profiles.<name>` in force, if any (servers outside it are not started). */
  readonly profile: string | undefined;
  /** `clients.<id or clientInfo.name>` overrides of the client table. */
  readonly clients: Readonly<Record<string, ClientOverride>>;
  readonly limits: {
    /** `limits.resultBytes`: undefined keeps each client's known limit; null never cuts. */
    readonly resultBytes: number | null | undefined;
    readonly keptResultsBytes: number;
  };
  /** The name the client knows the gateway by (`--entry-name`, default "gateway"). */
  readonly entryName: string;
  readonly approvals: {
    readonly channels: readonly ApprovalChannelName[];
    /** How long a call waits in the console. */
    readonly timeoutMs: number;
    /** An elicitation answered faster than this was not a human's. */
    readonly fastDeclineMs: number;
    /** `ask` rule ids approved without asking (the file's and `--approve`'s). */
    readonly preapproved: readonly string[];
  };
  /** The local console: on unless turned off or running under CI. */
  readonly console: { readonly enabled: boolean; readonly port: number };
  /** OTLP export of audit records, spans and metrics; undefined when nothing is exported. */
  readonly telemetry: ResolvedTelemetry | undefined;
  readonly agent: string | undefined;
  readonly logLevel: LogLevel;
  /** Problems that do not stop the gateway (rules that can never match, …). */
  readonly warnings: readonly ConfigIssue[];
}

/** What resolving needs from the machine: injected so that resolving stays pure. */
export interface ResolveContext {
  readonly file: string | undefined;
  readonly dir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
  readonly realpath?: PolicyEnvironment['realpath'];
  /** `sha256:…` of a canonical JSON value (the policy digest). */
  readonly digest: (value: unknown) => string;
}

/** One problem in a config file: where (JSON path) and what to do about it. */
export interface ConfigIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export const DEFAULT_STARTUP_TIMEOUT_MS = 15_000;
export const DEFAULT_CALL_TIMEOUT_MS = 50_000;

/** `${configDir}`: the folder of the config file, for servers that want absolute paths. */
const CONFIG_DIR_REFERENCE = '${configDir}';
const ENV_REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

// Characters no HTTP header value may hold inside it: a line break would end the header (or
// smuggle another), and fetch rejects the whole request with the value in its error message.
const HEADER_VALUE_BREAK = /[\r\n\0]/;
// RFC 9110 token characters, what a header name may be made of.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * A URL as it may be printed: `${env:…}` left as written (so a key in the path stays hidden),
 * without user info, query or fragment, where tokens usually travel.
 */
export const displayUrl = (written: string): string =>
  written.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1').replace(/[?#].*$/s, '');

/** Parses "500ms", "15s", "2m", "1h" or a number of milliseconds. */
export const parseDuration = (value: number | string): number => {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/.exec(value);
  if (match === null) throw new Error(`not a duration: ${value}`);
  const amount = Number(match[1]);
  const unit = match[2];
  const factor = unit === 'h' ? 3_600_000 : unit === 'm' ? 60_000 : unit === 's' ? 1000 : 1;
  return Math.round(amount * factor);
};

const SIZE_UNITS: Readonly<Record<string, number>> = {
  B: 1,
  kB: 1000,
  KB: 1000,
  KiB: 1024,
  MB: 1_000_000,
  MiB: 1_048_576,
};

/** Parses "100KB", "64KiB", "2MB" or a number of bytes. */
export const parseSize = (value: number | string): number => {
  if (typeof value === 'number') return value;
  const match = SIZE_PATTERN.exec(value);
  if (match === null) throw new Error(`not a size: ${value}`);
  return Math.round(Number(match[1]) * (SIZE_UNITS[match[2] ?? 'B'] ?? 1));
};

/**
 * Turns what the user wrote plus the CLI flags into the config the gateway runs on.
 * Pure: the environment is passed in; problems come back as issues with JSON paths.
 */
export const resolveConfig = (
  user: ParsedUserConfig,
  inline: InlineConfig,
  context: ResolveContext,
): { config: ResolvedConfig; issues: ConfigIssue[] } => {
  const issues: ConfigIssue[] = [];
  const { dir, env } = context;
  const serversKey = user.mcpServers !== undefined ? 'mcpServers' : 'servers';
  const entries = Object.entries(user.servers ?? user.mcpServers ?? {});
  const profile = resolveProfile(
    user,
    inline.profile,
    entries.map(([name]) => name),
    issues,
  );

  // A server that will not start (disabled, or outside the profile) needs no variables: one
  // config can serve a mail agent without the coding agent's secrets, and the other way round.
  let reporting = true;
  const expand = (value: string, at: readonly (string | number)[]): string =>
    value
      .replaceAll(CONFIG_DIR_REFERENCE, dir)
      .replace(ENV_REFERENCE, (_whole, name: string, fallback: string | undefined) => {
        const found = env[name];
        if (found !== undefined && found !== '') return found;
        if (fallback !== undefined) return fallback;
        if (reporting) {
          issues.push({
            path: at,
            message: `environment variable ${name} is not set; set it, or write \${env:${name}:-default} to give a default`,
          });
        }
        return '';
      });
  const expandMap = (
    map: Readonly<Record<string, string>> | undefined,
    at: readonly (string | number)[],
  ) =>
    Object.fromEntries(
      Object.entries(map ?? {}).map(([key, value]) => [key, expand(value, [...at, key])]),
    );

  const servers = entries.map(([name, server]): ResolvedServer => {
    const at = [serversKey, name];
    const inProfile = profile?.servers === undefined || profile.servers.includes(name);
    const common = { ...resolveCommon(name, server), ...(inProfile ? {} : { enabled: false }) };
    reporting = common.enabled;
    if (server.url !== undefined) {
      // Leading and trailing whitespace (a CRLF from a Windows .env file) is cut, as fetch does.
      const headers = Object.fromEntries(
        Object.entries(expandMap(server.headers, [...at, 'headers'])).map(([k, v]) => [
          k,
          v.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, ''),
        ]),
      );
      for (const [header, value] of Object.entries(headers)) {
        const written = server.headers?.[header] ?? '';
        if (!HEADER_NAME.test(header)) {
          issues.push({
            path: [...at, 'headers', header],
            message:
              'is not a valid header name: use letters, digits and - only (e.g. "X-Api-Key")',
          });
        }
        // The value itself is never printed: it is usually a credential.
        if (HEADER_VALUE_BREAK.test(value)) {
          const source = [...written.matchAll(ENV_REFERENCE)].map((m) => m[1] ?? '');
          issues.push({
            path: [...at, 'headers', header],
            message:
              source.length > 0
                ? `contains a line break (CR or LF) inside it after expanding \${env:${source.join('}, ${env:')}}; a header value must be one line: set the variable to the token alone (e.g. "$(tr -d '\\r\\n' < token-file)")`
                : 'contains a line break (CR or LF) or a NUL inside it; a header value must be one line: remove it',
          });
        }
      }
      return {
        ...common,
        kind: 'remote',
        url: expand(server.url, [...at, 'url']),
        transport: server.transport ?? 'auto',
        headers,
        display: displayUrl(server.url.replaceAll(CONFIG_DIR_REFERENCE, dir)),
      };
    }
    const command = server.command ?? '';
    return {
      ...common,
      kind: 'stdio',
      // A command written as a relative path is relative to the config file, like every other path.
      command:
        command.startsWith('./') || command.startsWith('../')
          ? path.resolve(dir, command)
          : command,
      args: (server.args ?? []).map((arg, i) => expand(arg, [...at, 'args', i])),
      env: expandMap(server.env, [...at, 'env']),
      cwd: path.resolve(dir, server.cwd ?? '.'),
      inheritEnv: server.inheritEnv ?? false,
      display: [command, ...(server.args ?? [])].join(' '),
    };
  });

  reporting = true;
  const offers: ServerOffer[] = entries.map(([name, server]) => ({
    server: name,
    priority: server.priority ?? 0,
    include: server.tools?.include,
    exclude: server.tools?.exclude ?? [],
    toolPriority: server.tools?.priority ?? {},
  }));
  const compiledSelection = compileToolSelection(offers, profile, serversKey);
  issues.push(...compiledSelection.problems);

  const stateDir = path.resolve(dir, inline.stateDir ?? user.stateDir ?? '.mcp-gateway');
  const naming = {
    separator: user.naming?.separator ?? '__',
    maxLength: user.naming?.maxLength ?? 64,
    prefix: user.naming?.prefix ?? 'always',
  } as const;
  if (naming.prefix === 'never' && servers.filter((s) => s.enabled).length > 1) {
    issues.push({
      path: ['naming', 'prefix'],
      message:
        '"never" keeps tool names untouched, which only works with one enabled server; use "always"',
    });
  }

  const auditPath = path.resolve(dir, user.audit?.path ?? path.join(stateDir, 'audit.jsonl'));
  const compiled = compilePolicy(user.policy, {
    home: context.home,
    cwd: dir,
    configDir: dir,
    // Built in and not removable: no tool may read or write the gateway's own state or config.
    protectedPaths: [stateDir, auditPath, ...(context.file === undefined ? [] : [context.file])],
    digest: context.digest(user.policy ?? null),
    knownServers: servers.map((s) => s.name),
    // Relative path arguments resolve where each backend resolves them, not in the config folder.
    servers: servers.map((s) =>
      s.kind === 'stdio'
        ? { name: s.name, kind: s.kind, command: s.command, args: s.args, cwd: s.cwd }
        : { name: s.name, kind: s.kind, url: s.url },
    ),
    ...(context.realpath === undefined ? {} : { realpath: context.realpath }),
  });
  for (const problem of compiled.problems)
    issues.push({ path: ['policy', ...problem.path], message: problem.message });
  const flows = compileFlows(user.policy?.flows, compiled.policy.mode);
  const labels = createLabelResolver({
    labels: user.policy?.labels,
    // Well-known servers are recognised by what they run or where they live, never by name.
    servers: servers.map((server) => ({
      name: server.name,
      identity:
        server.kind === 'remote'
          ? { kind: 'remote', url: server.url }
          : { kind: 'stdio', command: server.command, args: server.args },
    })),
  });
  for (const problem of [...flows.problems, ...labels.problems])
    issues.push({ path: ['policy', ...problem.path], message: problem.message });
  const approvals = resolveApprovals(user, inline, compiled.policy.rules.all, issues);
  const telemetry = resolveTelemetry(user.telemetry, { env, expand, parseDuration });
  issues.push(...telemetry.issues);

  const config: ResolvedConfig = {
    file: context.file,
    dir,
    stateDir,
    servers,
    naming,
    policy: compiled.policy,
    flows: flows.flows,
    labels: labels.resolver,
    scanning: {
      descriptions: user.scanning?.descriptions ?? 'block',
      responses: user.scanning?.responses ?? 'warn',
      arguments: user.scanning?.arguments ?? 'warn',
      threshold: user.scanning?.threshold,
      allow: (user.scanning?.allow ?? []).map((entry) => ({
        rule: entry.rule,
        match: entry.match ?? '*/*',
      })),
      limits: {
        ...defaultScanLimits,
        ...(user.scanning?.maxChars === undefined ? {} : { maxChars: user.scanning.maxChars }),
        ...(user.scanning?.maxMs === undefined ? {} : { maxMs: user.scanning.maxMs }),
      },
    },
    pinning: { mode: user.pinning?.mode ?? 'block' },
    audit: {
      enabled: user.audit?.enabled ?? true,
      path: auditPath,
      durability: user.audit?.durability ?? 'batch',
      results: user.audit?.results ?? 'hash',
    },
    cache: { enabled: user.cache?.enabled ?? true },
    selection: compiledSelection.selection,
    profile: profile?.name,
    clients: resolveClients(user.clients),
    limits: {
      resultBytes:
        user.limits?.resultBytes === undefined || user.limits.resultBytes === null
          ? user.limits?.resultBytes
          : parseSize(user.limits.resultBytes),
      keptResultsBytes:
        user.limits?.keptResults === undefined
          ? DEFAULT_KEPT_RESULTS_BYTES
          : parseSize(user.limits.keptResults),
    },
    entryName: inline.entryName ?? DEFAULT_ENTRY_NAME,
    approvals: approvals.settings,
    console: {
      // Under CI nobody watches a console, so an `ask` is decided at once (pre-approved or denied).
      enabled: inline.console ?? user.console?.enabled ?? !isSet(env['CI']),
      port: user.console?.port ?? 0,
    },
    telemetry: telemetry.telemetry,
    agent: inline.agent,
    logLevel: inline.logLevel ?? 'info',
    warnings: [
      ...compiled.warnings.map((w) => ({ path: ['policy', ...w.path], message: w.message })),
      ...approvals.warnings,
      ...telemetry.warnings,
    ],
  };
  return { config, issues };
};

/** The chosen profile: its servers (each must exist) and tool filters; unknown names are issues. */
const resolveProfile = (
  user: ParsedUserConfig,
  name: string | undefined,
  serverNames: readonly string[],
  issues: ConfigIssue[],
):
  | {
      readonly name: string;
      readonly servers: readonly string[] | undefined;
      readonly include: readonly string[] | undefined;
      readonly exclude: readonly string[];
    }
  | undefined => {
  if (name === undefined || name === '') return undefined;
  const profiles = user.profiles ?? {};
  const profile = profiles[name];
  if (profile === undefined) {
    const known = Object.keys(profiles);
    issues.push({
      path: ['profiles'],
      message:
        known.length === 0
          ? `has no profile "${name}" (asked for by --profile or MCP_GATEWAY_PROFILE): the config defines no profiles`
          : `has no profile "${name}" (asked for by --profile or MCP_GATEWAY_PROFILE); it has ${known.map((k) => `"${k}"`).join(', ')}`,
    });
    return undefined;
  }
  profile.servers?.forEach((server, i) => {
    if (!serverNames.includes(server)) {
      issues.push({
        path: ['profiles', name, 'servers', i],
        message: `names "${server}", which is not a configured server (${serverNames.join(', ') || 'none'})`,
      });
    }
  });
  return {
    name,
    servers: profile.servers,
    include: profile.tools?.include,
    exclude: profile.tools?.exclude ?? [],
  };
};

const resolveClients = (
  clients: ParsedUserConfig['clients'],
): Readonly<Record<string, ClientOverride>> =>
  Object.fromEntries(
    Object.entries(clients ?? {}).map(([key, client]) => {
      const override: ClientOverride = {
        ...(client.toolCap === undefined ? {} : { toolCap: client.toolCap }),
        ...(client.names === undefined
          ? {}
          : {
              names:
                client.names === null
                  ? null
                  : { maxLength: client.names.maxLength, prefix: client.names.prefix ?? '' },
            }),
        ...(client.resultBytes === undefined
          ? {}
          : { resultBytes: client.resultBytes === null ? null : parseSize(client.resultBytes) }),
        ...(client.elicitation === undefined ? {} : { elicitation: client.elicitation }),
      };
      return [key, override];
    }),
  );

/** `CI=false` and `CI=0` mean no CI, as most tools read it. */
const isSet = (value: string | undefined): boolean =>
  value !== undefined && value !== '' && value !== 'false' && value !== '0';

const resolveApprovals = (
  user: ParsedUserConfig,
  inline: InlineConfig,
  rules: readonly { readonly id: string; readonly effect: string }[],
  issues: ConfigIssue[],
): { settings: ResolvedConfig['approvals']; warnings: ConfigIssue[] } => {
  const warnings: ConfigIssue[] = [];
  const channels = user.approvals?.channels ?? DEFAULT_APPROVAL_CHANNELS;
  channels.forEach((channel, index) => {
    if (channels.indexOf(channel) !== index)
      issues.push({
        path: ['approvals', 'channels', index],
        message: `"${channel}" is listed twice; name each channel once`,
      });
  });
  if (channels.includes('notify') && !channels.includes('console'))
    warnings.push({
      path: ['approvals', 'channels'],
      message:
        '"notify" links to the console, which is not among the channels, so it never fires; add "console"',
    });
  const askRules = new Set(rules.filter((rule) => rule.effect === 'ask').map((rule) => rule.id));
  const fromFile = user.approvals?.preapproved ?? [];
  fromFile.forEach((id, index) => {
    if (!askRules.has(id))
      warnings.push({
        path: ['approvals', 'preapproved', index],
        message: `"${id}" is not an "ask" rule of the policy, so it pre-approves nothing`,
      });
  });
  for (const id of inline.approve ?? []) {
    if (!askRules.has(id))
      issues.push({
        path: ['approvals', 'preapproved'],
        message: `--approve ${id}: the policy has no "ask" rule with that id${askRules.size > 0 ? ` (its ask rules: ${[...askRules].join(', ')})` : ''}`,
      });
  }
  return {
    settings: {
      channels,
      timeoutMs: parseDuration(user.approvals?.timeout ?? DEFAULT_APPROVAL_TIMEOUT_MS),
      fastDeclineMs: parseDuration(user.approvals?.fastDecline ?? DEFAULT_FAST_DECLINE_MS),
      preapproved: [...new Set([...fromFile, ...(inline.approve ?? [])])],
    },
    warnings,
  };
};

const resolveCommon = (name: string, server: ServerConfig): ServerCommon => ({
  name,
  enabled: server.enabled ?? true,
  startupTimeoutMs: parseDuration(server.timeouts?.startup ?? DEFAULT_STARTUP_TIMEOUT_MS),
  callTimeoutMs: parseDuration(server.timeouts?.call ?? DEFAULT_CALL_TIMEOUT_MS),
  trustAnnotations: server.trustAnnotations ?? false,
  tags: server.tags ?? [],
});
