import type { ClientOverride, ResolvedConfig } from '../config/resolve.js';
import { clientFactsById, clientFactsFor, isClientId, type ClientFacts } from './client-facts.js';

/**
 * Bytes a token is assumed to take when a client states its result limit in tokens. English
 * prose runs near 4, code and JSON nearer 3: the lower figure keeps a cut result under the limit.
 */
export const BYTES_PER_TOKEN = 3;

/** Where a limit of a client profile comes from. */
export type LimitOrigin = 'table' | 'clients' | 'limits' | 'naming' | 'setting' | 'none';

/** The limits one agent session is fitted to: the client table, then the config's overrides. */
export interface ClientProfile {
  /** `clientInfo.name` as the client sent it; undefined when no client said (CLI commands). */
  readonly clientName: string | undefined;
  /** The row of the client table, when the client is known. */
  readonly facts: ClientFacts | undefined;
  /** The `clients.<key>` that applies, if any. */
  readonly overrideKey: string | undefined;
  /** The client as messages name it: "Cursor", or its clientInfo name. */
  readonly title: string;
  /** Most tools offered; undefined: no cap. */
  readonly toolCap: number | undefined;
  /** Longest name the gateway's own tool names may take for this client. */
  readonly nameMaxLength: number;
  /** The client's whole-name limit with its prefix (the entry name filled in), when it has one. */
  readonly nameLimit: { readonly maxLength: number; readonly prefix: string } | undefined;
  /** Longest text result sent whole; undefined: never cut. */
  readonly resultBytes: number | undefined;
  /** false: never ask this client to approve a call through elicitation. */
  readonly elicitation: boolean | null;
  readonly origins: {
    readonly toolCap: LimitOrigin;
    readonly names: LimitOrigin;
    readonly resultBytes: LimitOrigin;
  };
}

/** What a client profile is resolved from in the config. */
export type ProfileConfig = Pick<ResolvedConfig, 'clients' | 'limits' | 'naming' | 'entryName'>;

/**
 * The profile of the client that sent `clientName` in `initialize`: the table's facts (by exact
 * `clientInfo.name`), overridden by `clients.<id>` or `clients.<clientInfo.name>`, with the
 * gateway's own `naming.maxLength` as the upper bound of every name budget.
 */
export const resolveClientProfile = (
  clientName: string | undefined,
  config: ProfileConfig,
  env: Readonly<Record<string, string | undefined>>,
): ClientProfile => {
  const facts = clientName === undefined ? undefined : clientFactsFor(clientName);
  const overrideKey = [facts?.id, clientName].find(
    (key): key is string => key !== undefined && Object.hasOwn(config.clients, key),
  );
  const override: ClientOverride =
    overrideKey === undefined ? {} : (config.clients[overrideKey] ?? {});

  const cap = pick(override.toolCap, facts?.toolCap.value ?? null);
  const names = pick(override.names, facts?.nameBudget.value ?? null);
  const nameLimit =
    names.value === null
      ? undefined
      : {
          maxLength: names.value.maxLength,
          prefix: names.value.prefix.replaceAll('{key}', config.entryName),
        };
  const budget =
    nameLimit === undefined ? undefined : nameLimit.maxLength - nameLimit.prefix.length;
  // A prefix longer than the limit leaves no room: the shortest names the naming scheme allows.
  const nameMaxLength =
    budget === undefined
      ? config.naming.maxLength
      : Math.max(MIN_NAME_LENGTH, Math.min(config.naming.maxLength, budget));

  const result = resultLimit(override, facts, config, env);
  return {
    clientName,
    facts,
    overrideKey,
    title: facts?.title ?? clientName ?? 'no client',
    toolCap: cap.value ?? undefined,
    nameMaxLength,
    nameLimit,
    resultBytes: result.value ?? undefined,
    elicitation:
      override.elicitation !== undefined
        ? override.elicitation
        : (facts?.elicitation.value ?? null),
    origins: {
      toolCap: cap.value === null ? 'none' : cap.origin,
      names: budget === undefined || budget >= config.naming.maxLength ? 'naming' : names.origin,
      resultBytes: result.value === null ? 'none' : result.origin,
    },
  };
};

/** A client named on the command line: a table id (`cursor`) or a `clientInfo.name`. */
export const clientNameFromArgument = (argument: string): string =>
  isClientId(argument)
    ? (clientFactsById(argument).clientInfoNames.value[0] ?? argument)
    : argument;

/** The shortest `naming.maxLength` the schema accepts: room for a cut name and its hash. */
const MIN_NAME_LENGTH = 8;

const pick = <T>(
  override: T | null | undefined,
  table: T | null,
): { value: T | null; origin: LimitOrigin } =>
  override !== undefined
    ? { value: override, origin: 'clients' }
    : { value: table, origin: 'table' };

const resultLimit = (
  override: ClientOverride,
  facts: ClientFacts | undefined,
  config: ProfileConfig,
  env: Readonly<Record<string, string | undefined>>,
): { value: number | null; origin: LimitOrigin } => {
  if (override.resultBytes !== undefined) return { value: override.resultBytes, origin: 'clients' };
  if (config.limits.resultBytes !== undefined)
    return { value: config.limits.resultBytes, origin: 'limits' };
  const limit = facts?.resultLimit.value;
  if (limit === undefined || limit === null) return { value: null, origin: 'none' };
  // The client's own setting (Claude Code's MAX_MCP_OUTPUT_TOKENS) reaches its servers' environment.
  const setting = limit.setting === undefined ? undefined : env[limit.setting];
  const tokens = setting !== undefined && /^\d+$/.test(setting) ? Number(setting) : undefined;
  return tokens !== undefined && tokens > 0
    ? { value: tokens * BYTES_PER_TOKEN, origin: 'setting' }
    : { value: limit.tokens * BYTES_PER_TOKEN, origin: 'table' };
};
