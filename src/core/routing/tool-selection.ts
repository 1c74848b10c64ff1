import { compileToolGlob } from '../policy/glob.js';

/** One server's `tools` and `priority` settings, as written. */
export interface ServerOffer {
  readonly server: string;
  readonly priority: number;
  /** Globs over the tool's own name; undefined: every tool. */
  readonly include: readonly string[] | undefined;
  readonly exclude: readonly string[];
  /** Glob over the tool's own name → priority (the highest match wins over `priority`). */
  readonly toolPriority: Readonly<Record<string, number>>;
}

/** The chosen profile's tool filters, as written (globs over `server/tool`). */
export interface ProfileOffer {
  readonly name: string;
  readonly include: readonly string[] | undefined;
  readonly exclude: readonly string[];
}

/**
 * Which tools agents are offered and in what order a client's tool cap keeps them. Not a
 * security control (a tool's policy decides whether it runs); it shapes the list.
 */
export interface ToolSelection {
  /** The setting that leaves this tool out (e.g. `servers.gh.tools.exclude`), or undefined. */
  exclusionOf(server: string, tool: string): string | undefined;
  /** Higher first under a cap; 0 unless configured. */
  priorityOf(server: string, tool: string): number;
  /** True when nothing is configured: every tool is offered, all at priority 0. */
  readonly everything: boolean;
}

/** A glob that does not compile, with where it was written. */
export interface SelectionProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

interface CompiledServer {
  readonly priority: number;
  readonly include: readonly RegExp[] | undefined;
  readonly exclude: readonly RegExp[];
  readonly toolPriority: readonly { readonly regex: RegExp; readonly priority: number }[];
}

/** Compiles the servers' `tools`/`priority` settings and the profile's filters once, at load. */
export const compileToolSelection = (
  servers: readonly ServerOffer[],
  profile: ProfileOffer | undefined,
  serversKey = 'servers',
): { selection: ToolSelection; problems: SelectionProblem[] } => {
  const problems: SelectionProblem[] = [];
  const compile = (
    pattern: string,
    glob: string,
    at: readonly (string | number)[],
  ): RegExp | undefined => {
    const compiled = compileToolGlob(glob);
    if (compiled.ok) return compiled.regex;
    problems.push({ path: at, message: `"${pattern}": ${compiled.message}` });
    return undefined;
  };
  const compileAll = (
    patterns: readonly string[],
    toGlob: (pattern: string) => string,
    at: readonly (string | number)[],
  ): RegExp[] =>
    patterns
      .map((pattern, i) => compile(pattern, toGlob(pattern), [...at, i]))
      .filter((r): r is RegExp => r !== undefined);

  const byServer = new Map<string, CompiledServer>();
  for (const offer of servers) {
    const at = [serversKey, offer.server, 'tools'];
    // A server's own globs are over the tool's name: anchor them under the server's segment.
    const scoped = (pattern: string): string => `${offer.server}/${pattern}`;
    byServer.set(offer.server, {
      priority: offer.priority,
      include:
        offer.include === undefined
          ? undefined
          : compileAll(offer.include, scoped, [...at, 'include']),
      exclude: compileAll(offer.exclude, scoped, [...at, 'exclude']),
      toolPriority: Object.entries(offer.toolPriority).flatMap(([pattern, priority]) => {
        const regex = compile(pattern, scoped(pattern), [...at, 'priority', pattern]);
        return regex === undefined ? [] : [{ regex, priority }];
      }),
    });
  }
  const profileAt = ['profiles', profile?.name ?? '', 'tools'];
  const profileInclude =
    profile?.include === undefined
      ? undefined
      : compileAll(profile.include, (p) => p, [...profileAt, 'include']);
  const profileExclude = compileAll(profile?.exclude ?? [], (p) => p, [...profileAt, 'exclude']);

  const everything =
    profileInclude === undefined &&
    profileExclude.length === 0 &&
    [...byServer.values()].every(
      (s) =>
        s.priority === 0 &&
        s.include === undefined &&
        s.exclude.length === 0 &&
        s.toolPriority.length === 0,
    );
  const matches = (regexes: readonly RegExp[], identity: string): boolean =>
    regexes.some((r) => r.test(identity));

  const selection: ToolSelection = {
    everything,
    exclusionOf(server, tool) {
      if (everything) return undefined;
      const identity = `${server}/${tool}`;
      const own = byServer.get(server);
      if (own?.include !== undefined && !matches(own.include, identity))
        return `${serversKey}.${server}.tools.include`;
      if (own !== undefined && matches(own.exclude, identity))
        return `${serversKey}.${server}.tools.exclude`;
      if (profile !== undefined) {
        if (profileInclude !== undefined && !matches(profileInclude, identity))
          return `profiles.${profile.name}.tools.include`;
        if (matches(profileExclude, identity)) return `profiles.${profile.name}.tools.exclude`;
      }
      return undefined;
    },
    priorityOf(server, tool) {
      const own = byServer.get(server);
      if (own === undefined) return 0;
      const identity = `${server}/${tool}`;
      let best: number | undefined;
      for (const entry of own.toolPriority) {
        if (entry.regex.test(identity) && (best === undefined || entry.priority > best))
          best = entry.priority;
      }
      return best ?? own.priority;
    },
  };
  return { selection, problems };
};
