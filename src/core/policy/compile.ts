import { normalizeFolder, resolveBase, type PathResolution } from './argument-path.js';
import type {
  AccessOverrides,
  CompiledLimit,
  CompiledPolicy,
  CompiledRule,
  PolicyEnvironment,
} from './compiled-policy.js';
import { compileCondition, type CompiledCondition, type ConditionContext } from './condition.js';
import {
  compileGlob,
  compileToolGlob,
  expandAlternatives,
  isLiteralGlob,
  serverPartOf,
} from './glob.js';
import type {
  AccessClass,
  LimitSettings,
  PolicySettings,
  RuleSettings,
} from './policy-settings.js';
import type { PolicyProblem, ProblemReport } from './policy-problem.js';
import { parseRate } from './rate.js';
import { serverPathsOf, type ServerBase } from './relative-base.js';
import { createRuleIndex } from './rule-index.js';
import { ruleMessage } from './rule-message.js';

/** The result of compiling: a policy that is always safe to use, plus what is wrong with the config. */
export interface PolicyCompilation {
  readonly policy: CompiledPolicy;
  /** Config errors: the caller must refuse the config (the policy is still fail-closed). */
  readonly problems: PolicyProblem[];
  /** Valid but probably not meant (a rule that can never match). */
  readonly warnings: PolicyProblem[];
}

const serverNamePattern = /^[A-Za-z0-9-]{1,32}$/;
const reservedIds = /^(?:default$|builtin:|limit:)/;
const matchNothing = /(?!)/;
const matchEverything = /^/;

/**
 * Compiles the config's `policy` section once at load: globs and regexes to RegExp, paths
 * normalized, sets built. No section means default allow (self-protection still applies).
 */
export function compilePolicy(
  config: PolicySettings | undefined,
  env: PolicyEnvironment,
): PolicyCompilation {
  const problems: PolicyProblem[] = [];
  const warnings: PolicyProblem[] = [];
  const report: ProblemReport = {
    problem: (path, message) => problems.push({ path, message }),
    warning: (path, message) => warnings.push({ path, message }),
  };
  const cwd = normalizeFolder(env.cwd);
  const resolution: PathResolution = {
    home: normalizeFolder(env.home),
    relative: { kind: 'folders', folders: [cwd] },
    realpath: env.realpath,
  };
  const context: ConditionContext = {
    resolution,
    baseDir: env.configDir === undefined ? cwd : normalizeFolder(env.configDir),
  };
  const mode = config?.mode ?? 'enforce';
  const access = compileAccess(config?.access ?? {}, report);
  const rules = (config?.rules ?? []).map((rule, index) =>
    compileRule(rule, ['rules', index], { mode, access, context, env, report }),
  );
  reportDuplicateIds(config?.rules ?? [], 'rules', report);
  const limits = (config?.limits ?? []).map((limit, index) =>
    compileLimit(limit, ['limits', index], report),
  );
  reportDuplicateIds(config?.limits ?? [], 'limits', report);

  const protectedPaths = env.protectedPaths.flatMap(
    (path) => resolveBase(path, resolution, cwd) ?? [],
  );
  const servers = new Map<string, ServerBase>();
  for (const server of env.servers ?? []) {
    const paths = serverPathsOf(
      server.kind === 'stdio' ? { ...server, cwd: normalizeFolder(server.cwd) } : server,
      resolution.home,
    );
    servers.set(server.name, {
      ...paths,
      resolution: { ...resolution, relative: paths.base },
      withRoots: new WeakMap(),
    });
  }
  return {
    policy: {
      mode,
      defaultEffect: config?.default ?? 'allow',
      digest: env.digest,
      rules: createRuleIndex(rules),
      limits: createRuleIndex(limits),
      access,
      resolution,
      servers,
      protectedPaths,
      protectedPathsFolded: protectedPaths.map((path) => path.toLowerCase()),
    },
    problems,
    warnings,
  };
}

interface RuleContext {
  readonly mode: 'enforce' | 'audit';
  readonly access: AccessOverrides;
  readonly context: ConditionContext;
  readonly env: PolicyEnvironment;
  readonly report: ProblemReport;
}

function compileRule(
  rule: RuleSettings,
  path: (string | number)[],
  { mode, access, context, env, report }: RuleContext,
): CompiledRule {
  if (reservedIds.test(rule.id)) {
    report.problem([...path, 'id'], `"${rule.id}" is reserved: choose another rule id`);
  }
  const failOpen = rule.effect === 'allow';
  const match = compileMatch(rule.match, [...path, 'match'], report, failOpen);
  warnAboutServers(rule.match, [...path, 'match'], env.knownServers, report);

  if (rule.agents?.length === 0) {
    report.warning(
      [...path, 'agents'],
      'an empty "agents" list never matches: remove it to match every agent',
    );
  }
  if (rule.serverTags?.length === 0) {
    report.warning([...path, 'serverTags'], 'an empty "serverTags" list never matches');
  }
  if (rule.access !== undefined) {
    const declared = declaredAccess(access, rule.match);
    if (declared !== undefined && declared !== rule.access) {
      report.warning(
        [...path, 'access'],
        `this rule can never match: "policy.access" classes ${rule.match} as ${declared}, not ${rule.access}`,
      );
    }
  }
  const conditions: CompiledCondition[] = Object.entries(rule.args ?? {}).map(
    ([selector, predicates]) =>
      compileCondition(selector, predicates, context, [...path, 'args', selector], report),
  );
  return {
    id: rule.id,
    effect: rule.effect,
    enforced: mode === 'enforce' && rule.enforce !== false,
    match,
    agents: rule.agents === undefined ? undefined : new Set(rule.agents),
    access: rule.access,
    serverTags: rule.serverTags === undefined ? undefined : new Set(rule.serverTags),
    conditions,
    side: rule.effect === 'allow' ? 'allow' : 'deny',
    message: ruleMessage('policy', rule),
  };
}

/** Compiles a `server/tool` glob; a broken one fails closed (allow: nothing, deny/ask: everything). */
function compileMatch(
  pattern: string,
  path: (string | number)[],
  report: ProblemReport,
  failOpen: boolean,
): RegExp {
  const compiled = compileToolGlob(pattern);
  if (!compiled.ok) {
    report.problem(path, compiled.message);
    return failOpen ? matchNothing : matchEverything;
  }
  const alternatives = expandAlternatives(pattern);
  if (
    alternatives?.some((alternative) => !alternative.includes('/') && !alternative.includes('**'))
  ) {
    report.problem(
      path,
      `"${pattern}" must glob the canonical "server/tool" name, e.g. "${pattern}/*" or "*/${pattern}"`,
    );
  }
  return compiled.regex;
}

/** Warns when no alternative's server half can be a server name (or a configured server). */
function warnAboutServers(
  pattern: string,
  path: (string | number)[],
  knownServers: readonly string[] | undefined,
  report: ProblemReport,
): void {
  const servers = (expandAlternatives(pattern) ?? []).map(serverPartOf);
  if (
    servers.length === 0 ||
    servers.some((server) => server === undefined || server.includes('**'))
  ) {
    return;
  }
  const serverGlobs = servers.map((server) => compileGlob(server ?? ''));
  const possible = servers.some((server) => {
    const fixed = (server ?? '').replaceAll(/[*?]/g, '');
    return /^[A-Za-z0-9-]*$/.test(fixed) && fixed.length <= 32;
  });
  if (!possible) {
    report.warning(
      path,
      `this rule can never match: "${pattern}" names no possible server (names are ${serverNamePattern.source})`,
    );
    return;
  }
  if (knownServers === undefined) return;
  const known = knownServers.some((name) =>
    serverGlobs.some((glob) => glob.ok && glob.regex.test(name)),
  );
  if (!known) {
    report.warning(path, `no configured server matches "${pattern}"`);
  }
}

function compileAccess(
  overrides: Readonly<Record<string, AccessClass>>,
  report: ProblemReport,
): AccessOverrides {
  const exact = new Map<string, AccessClass>();
  const globs: { match: RegExp; access: AccessClass }[] = [];
  for (const [pattern, access] of Object.entries(overrides)) {
    if (isLiteralGlob(pattern)) {
      if (!pattern.includes('/')) {
        report.problem(
          ['access', pattern],
          `"${pattern}" must be a canonical "server/tool" name or glob`,
        );
      }
      exact.set(pattern, access);
      continue;
    }
    // A broken override must not silently downgrade a tool to read, so it classes nothing.
    globs.push({ match: compileMatch(pattern, ['access', pattern], report, true), access });
  }
  return { exact, globs };
}

/** The class `policy.access` gives a rule's own `match` text, when it can be known at load. */
function declaredAccess(access: AccessOverrides, pattern: string): AccessClass | undefined {
  const exact = access.exact.get(pattern);
  if (exact !== undefined) return exact;
  if (!isLiteralGlob(pattern)) return undefined;
  const classes = new Set(
    access.globs.filter((glob) => glob.match.test(pattern)).map((glob) => glob.access),
  );
  if (classes.size === 1) return [...classes][0];
  return classes.size > 1 ? 'write' : undefined;
}

function compileLimit(
  limit: LimitSettings,
  path: (string | number)[],
  report: ProblemReport,
): CompiledLimit {
  // A broken limit glob limits everything: failing closed is the point of a limit.
  const match = compileMatch(limit.match, [...path, 'match'], report, false);
  const rate = parseRate(limit.rate);
  if (rate === undefined) {
    report.problem(
      [...path, 'rate'],
      `"${limit.rate}" is not a rate: write calls/window, e.g. "30/1m", "5/s", "100/10s"`,
    );
  }
  const count = rate?.count ?? 1;
  const burst = limit.burst ?? count;
  if (burst < 1) report.problem([...path, 'burst'], 'burst must be at least 1');
  const per = limit.per === undefined ? '' : `, per ${limit.per}`;
  return {
    id: limit.id,
    match,
    per: limit.per,
    burst: Math.max(1, burst),
    tokensPerMs: count / (rate?.windowMs ?? 1),
    description: `${limit.rate}, burst ${burst}${per}`,
  };
}

function reportDuplicateIds(
  items: readonly { readonly id: string }[],
  section: 'rules' | 'limits',
  report: ProblemReport,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      report.problem(
        [section, index, 'id'],
        `duplicate id "${item.id}": decisions name rules by id, so ids must be unique`,
      );
    }
    seen.add(item.id);
  });
}
