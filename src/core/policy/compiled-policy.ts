import type { PathResolution } from './argument-path.js';
import type { CompiledCondition, Side } from './condition.js';
import type { PolicyEffect } from './decision.js';
import type { AccessClass } from './policy-settings.js';
import type { RootsView, ServerBase, ServerLocation } from './relative-base.js';
import type { RuleIndex } from './rule-index.js';

/** What the policy needs to know about the machine it runs on; the gateway supplies it. */
export interface PolicyEnvironment {
  /** For `~` expansion. */
  readonly home: string;
  /** Relative paths in arguments to a server not in `servers` resolve against it. */
  readonly cwd: string;
  /** The configured servers: where each resolves relative paths (its cwd, its roots, …). */
  readonly servers?: readonly ServerLocation[];
  /** Gateway state folder and config file: a built-in, non-removable deny. */
  readonly protectedPaths: readonly string[];
  /** `sha256:…` of the policy, computed by the caller. */
  readonly digest: string;
  /** Symlink-aware option: the real path, or undefined when it cannot be resolved. */
  readonly realpath?: (path: string) => string | undefined;
  /** Relative folders written in the policy resolve against it (the config file's folder); default `cwd`. */
  readonly configDir?: string;
  /** Configured server names, to warn about rules whose `match` names none of them. */
  readonly knownServers?: readonly string[];
}

/** One tools/call as the policy sees it: canonical names, arguments, principal and class. */
export interface PolicyCall {
  readonly server: string;
  readonly tool: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly agent: string | undefined;
  readonly access: AccessClass;
  readonly serverTags: readonly string[];
  /** The MCP roots the agent gave this backend, when the gateway relayed any. */
  readonly roots?: RootsView | undefined;
}

/** A rule ready to evaluate: globs, sets and predicates built once at load. */
export interface CompiledRule {
  readonly id: string;
  readonly effect: PolicyEffect;
  /** False in audit mode and for `enforce: false`: decided and reported, never applied. */
  readonly enforced: boolean;
  readonly match: RegExp;
  readonly agents: ReadonlySet<string> | undefined;
  readonly access: AccessClass | undefined;
  readonly serverTags: ReadonlySet<string> | undefined;
  readonly conditions: readonly CompiledCondition[];
  readonly side: Side;
  /** The sentence a decision by this rule carries. */
  readonly message: string;
}

/** A token bucket definition ready to use. */
export interface CompiledLimit {
  readonly id: string;
  readonly match: RegExp;
  readonly per: 'server' | 'tool' | 'agent' | undefined;
  readonly burst: number;
  readonly tokensPerMs: number;
  /** `30/1m, burst 10, per tool`, for explanations. */
  readonly description: string;
}

/** Explicit access classes: exact `server/tool` names win over globs. */
export interface AccessOverrides {
  readonly exact: ReadonlyMap<string, AccessClass>;
  readonly globs: readonly { readonly match: RegExp; readonly access: AccessClass }[];
}

/** A policy compiled once at load and evaluated per call. */
export interface CompiledPolicy {
  readonly mode: 'enforce' | 'audit';
  readonly defaultEffect: PolicyEffect;
  readonly digest: string;
  readonly rules: RuleIndex<CompiledRule>;
  readonly limits: RuleIndex<CompiledLimit>;
  readonly access: AccessOverrides;
  /** Path resolution for calls to servers the policy was not told about. */
  readonly resolution: PathResolution;
  /** Per configured server: where its relative paths resolve. */
  readonly servers: ReadonlyMap<string, ServerBase>;
  /** Normalized protected paths (and their real paths), plus lowercased copies. */
  readonly protectedPaths: readonly string[];
  readonly protectedPathsFolded: readonly string[];
}
