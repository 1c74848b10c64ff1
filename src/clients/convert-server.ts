import type { z } from 'zod';
import type { serverSchema } from '../config/schema.js';
import { isObject, pathFor, type Interpolation } from './client-locations.js';
import type { EditorInput, RawServer } from './parse-client-file.js';

/** A server entry in the gateway's config, as `init` writes it. */
export type GatewayServer = z.input<typeof serverSchema>;

/** A client's entry turned into the gateway's form, with what could not be carried over. */
export interface ConvertedServer {
  readonly raw: RawServer;
  /** Undefined when the gateway cannot run it at all (see `skipped`). */
  readonly server: GatewayServer | undefined;
  /** Why it was not imported: a transport the gateway lacks, or the gateway's own entry. */
  readonly skipped?: string;
  /** The entry is the gateway itself (an earlier `install`). */
  readonly isGateway: boolean;
  /** Things the user should know: fields dropped, variables rewritten. */
  readonly notes: string[];
  /** Environment variables that replace values the client prompted for (`${input:…}`). */
  readonly promptedVariables: { readonly name: string; readonly input: EditorInput | undefined }[];
}

/** What conversion needs to know beyond the entry. */
export interface ConvertContext {
  readonly platform: NodeJS.Platform;
  readonly home: string;
  readonly cwd: string;
  readonly inputs: readonly EditorInput[];
}

/** Keys every client format shares, carried over as they are or mapped. */
const MAPPED_KEYS = new Set([
  'type',
  'command',
  'args',
  'env',
  'cwd',
  'url',
  'serverUrl',
  'headers',
  'disabled',
  'enabled',
  // Codex
  'env_vars',
  'bearer_token_env_var',
  'http_headers',
  'env_http_headers',
  'startup_timeout_sec',
  'startup_timeout_ms',
  'tool_timeout_sec',
]);

/** Dropped fields that deserve a sentence rather than just their name. */
const DROPPED_HINTS: Readonly<Record<string, string>> = {
  envFile: 'envFile is not read by the gateway: put its variables into "env" as ${env:NAME}',
  oauth:
    'OAuth sign-in is not supported by the gateway: the server may refuse calls without a token in "headers"',
  auth: 'OAuth sign-in is not supported by the gateway: the server may refuse calls without a token in "headers"',
  headersHelper:
    'headersHelper (a command that prints headers) is not supported: put the headers in "headers"',
  enabled_tools:
    'per-tool allow lists are not carried over: use a policy rule to deny the tools you do not want',
  disabled_tools: 'per-tool deny lists are not carried over: use a policy rule to deny those tools',
  disabledTools: 'per-tool deny lists are not carried over: use a policy rule to deny those tools',
  autoApprove: 'auto-approval lists are not carried over: the gateway’s policy decides instead',
  alwaysAllow: 'auto-approval lists are not carried over: the gateway’s policy decides instead',
};

/** True when an entry starts mcp-gateway itself (so importing it would loop). */
export const isGatewayEntry = (entry: Readonly<Record<string, unknown>>): boolean => {
  const args: unknown[] = Array.isArray(entry['args']) ? entry['args'] : [];
  const words = [entry['command'], ...args].filter(
    (word): word is string => typeof word === 'string',
  );
  return words.some((word) => {
    const base = word.replaceAll('\\', '/').split('/').at(-1) ?? '';
    return (
      /^mcp-gateway(\.js|\.cmd|\.exe)?$/.test(base) ||
      /^mcp-gateway-cli(@[^/]*)?$/.test(word) ||
      word.replaceAll('\\', '/').endsWith('/bin/mcp-gateway.js')
    );
  });
};

/** Converts one client entry to a gateway server entry. Pure. */
export const convertServer = (raw: RawServer, ctx: ConvertContext): ConvertedServer => {
  const entry = raw.entry;
  const notes: string[] = [];
  const prompted = new Map<string, EditorInput | undefined>();
  const base = { raw, notes, isGateway: false, promptedVariables: [] };
  if (isGatewayEntry(entry)) {
    return {
      ...base,
      server: undefined,
      isGateway: true,
      skipped: 'this is the gateway’s own entry',
    };
  }
  const expand = (value: string, field: string): string =>
    convertVariables(value, raw.location.interpolation, {
      ...ctx,
      projectDir: raw.location.projectDir,
      field,
      notes,
      prompted,
    });
  const strings = (value: unknown, field: string): string[] | undefined =>
    Array.isArray(value)
      ? value.map((item, i) =>
          expand(typeof item === 'string' ? item : String(item), `${field}[${i}]`),
        )
      : undefined;
  const stringMap = (value: unknown, field: string): Record<string, string> | undefined => {
    if (!isObject(value)) return undefined;
    const out: Record<string, string> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = expand(typeof item === 'string' ? item : String(item), `${field}.${key}`);
    }
    return out;
  };

  const type = typeof entry['type'] === 'string' ? entry['type'].toLowerCase() : undefined;
  const url =
    typeof entry['url'] === 'string'
      ? entry['url']
      : typeof entry['serverUrl'] === 'string'
        ? entry['serverUrl']
        : undefined;
  const command = typeof entry['command'] === 'string' ? entry['command'] : undefined;

  for (const key of Object.keys(entry)) {
    if (MAPPED_KEYS.has(key)) continue;
    notes.push(
      DROPPED_HINTS[key] ?? `"${key}" is not carried over (the gateway has no such setting)`,
    );
  }

  const p = pathFor(ctx.platform);
  const absolute = (value: string): string =>
    raw.location.projectDir !== undefined && (value.startsWith('./') || value.startsWith('../'))
      ? p.resolve(raw.location.projectDir, value)
      : value;

  let server: GatewayServer;
  if (url !== undefined && command === undefined) {
    if (type === 'ws' || type === 'websocket' || /^wss?:/i.test(url)) {
      return {
        ...base,
        server: undefined,
        skipped: 'WebSocket servers are not supported by the gateway',
      };
    }
    const transport =
      type === 'sse'
        ? 'sse'
        : type === 'http' || type === 'streamable-http' || type === 'streamablehttp'
          ? 'streamable-http'
          : undefined;
    const headers: Record<string, string> = {
      ...stringMap(entry['headers'], 'headers'),
      ...stringMap(entry['http_headers'], 'http_headers'),
    };
    // Codex names the variables that hold a header's value instead of the value itself.
    if (isObject(entry['env_http_headers'])) {
      for (const [header, variable] of Object.entries(entry['env_http_headers'])) {
        if (typeof variable === 'string') headers[header] = `\${env:${variable}}`;
      }
    }
    if (typeof entry['bearer_token_env_var'] === 'string') {
      headers['Authorization'] = `Bearer \${env:${entry['bearer_token_env_var']}}`;
    }
    server = {
      url: expand(url, 'url'),
      ...(transport === undefined ? {} : { transport }),
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
    };
  } else if (command !== undefined) {
    if (url !== undefined) notes.push('"url" is dropped: the entry also has a "command"');
    const env: Record<string, string> = { ...stringMap(entry['env'], 'env') };
    // Codex forwards these from its environment when they are set: the same, empty when not.
    if (Array.isArray(entry['env_vars'])) {
      for (const name of entry['env_vars']) {
        if (typeof name === 'string' && env[name] === undefined) env[name] = `\${env:${name}:-}`;
      }
    }
    const args = strings(entry['args'], 'args');
    const cwd = typeof entry['cwd'] === 'string' ? expand(entry['cwd'], 'cwd') : undefined;
    const commandValue = absolute(expand(command, 'command'));
    if (commandValue.includes('${')) {
      notes.push(
        '"command" holds a variable, which the gateway does not expand there: write the path out',
      );
    }
    server = {
      command: commandValue,
      ...(args === undefined || args.length === 0 ? {} : { args }),
      ...(Object.keys(env).length > 0 ? { env } : {}),
      ...(cwd === undefined ? {} : { cwd: absolute(cwd) }),
    };
  } else {
    return {
      ...base,
      server: undefined,
      skipped: 'it has neither "command" nor "url"',
    };
  }

  const startup =
    seconds(entry['startup_timeout_sec']) ?? milliseconds(entry['startup_timeout_ms']);
  const call = seconds(entry['tool_timeout_sec']);
  if (startup !== undefined || call !== undefined) {
    server.timeouts = {
      ...(startup === undefined ? {} : { startup }),
      ...(call === undefined ? {} : { call }),
    };
  }
  if (raw.disabled) server.enabled = false;
  return {
    ...base,
    server,
    promptedVariables: [...prompted].map(([name, input]) => ({ name, input })),
  };
};

const seconds = (value: unknown): string | undefined =>
  typeof value === 'number' && value > 0 ? `${value}s` : undefined;
const milliseconds = (value: unknown): number | undefined =>
  typeof value === 'number' && value > 0 ? Math.round(value) : undefined;

interface VariableContext extends ConvertContext {
  readonly projectDir: string | undefined;
  readonly field: string;
  readonly notes: string[];
  readonly prompted: Map<string, EditorInput | undefined>;
}

const CLAUDE_CODE_VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(:-[^}]*)?\}/g;
const EDITOR_VARIABLE = /\$\{([^}]*)\}/g;

/**
 * Rewrites a client's `${…}` forms into the gateway's: `${env:NAME}` and `${env:NAME:-default}`
 * for variables, concrete paths for `${userHome}` and `${workspaceFolder}`.
 */
const convertVariables = (value: string, dialect: Interpolation, ctx: VariableContext): string => {
  if (dialect === 'none' || !value.includes('${')) return value;
  if (dialect === 'claude-code') {
    return value.replace(
      CLAUDE_CODE_VARIABLE,
      (_whole, name: string, fallback: string | undefined) =>
        fallback === undefined ? `\${env:${name}}` : `\${env:${name}${fallback}}`,
    );
  }
  const p = pathFor(ctx.platform);
  return value.replace(EDITOR_VARIABLE, (whole, inner: string) => {
    if (/^env:[A-Za-z_][A-Za-z0-9_]*(:-.*)?$/.test(inner)) return whole;
    if (inner === 'userHome') return ctx.home;
    if (inner === 'pathSeparator' || inner === '/') return p.sep;
    if (inner === 'workspaceFolder' || inner === 'workspaceFolderBasename') {
      const folder = ctx.projectDir ?? ctx.cwd;
      if (ctx.projectDir === undefined) {
        ctx.notes.push(
          `${ctx.field}: \${${inner}} depends on the open workspace; written as ${folder} (the folder init ran in)`,
        );
      }
      return inner === 'workspaceFolder' ? folder : p.basename(folder);
    }
    const input = /^input:(.+)$/.exec(inner);
    if (input?.[1] !== undefined) {
      const id = input[1];
      const name = environmentName(id);
      ctx.prompted.set(
        name,
        ctx.inputs.find((candidate) => candidate.id === id),
      );
      return `\${env:${name}}`;
    }
    ctx.notes.push(`${ctx.field}: \${${inner}} is kept as written; the gateway does not expand it`);
    return whole;
  });
};

/** An environment variable name made from any label: upper case, `_` for everything else. */
export const environmentName = (label: string): string => {
  const name = label
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (name === '') return 'SECRET';
  return /^[0-9]/.test(name) ? `_${name}` : name;
};
