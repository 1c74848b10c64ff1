import type { RootsView } from './relative-base.js';

/** Watches the `roots/list` answers relayed to each backend, so the policy knows its roots. */
export interface RootsTracker {
  /**
   * Runs `forward` (relaying one backend request to the agent); for `roots/list`, the backend's
   * roots are unknown until the answer is back, then every root it gave is remembered.
   */
  relay<T>(server: string, method: string, forward: () => Promise<T>): Promise<T>;
  /** What the policy should assume about a backend's roots; undefined when it never asked. */
  view(server: string): RootsView | undefined;
}

// Roots come from the agent, but a server may ask again and again; past this many distinct
// roots the union is no longer worth keeping, and the base is treated as unknown.
const maxRoots = 256;

/** Creates a tracker; each change replaces a server's view, so views can key memos. */
export function createRootsTracker(): RootsTracker {
  const views = new Map<string, RootsView>();
  const inFlight = new Map<string, number>();
  const update = (server: string, change: (view: RootsView) => Partial<RootsView>): void => {
    const current = views.get(server) ?? { pending: false, uris: [], overflowed: false };
    views.set(server, { ...current, ...change(current) });
  };
  const settle = (server: string): void => {
    const left = (inFlight.get(server) ?? 1) - 1;
    inFlight.set(server, left);
    update(server, () => ({ pending: left > 0 }));
  };
  return {
    async relay(server, method, forward) {
      if (method !== 'roots/list') return await forward();
      inFlight.set(server, (inFlight.get(server) ?? 0) + 1);
      update(server, () => ({ pending: true }));
      try {
        const answer = await forward();
        const uris = rootUris(answer);
        update(server, (view) => {
          const known = new Set(view.uris);
          for (const uri of uris) known.add(uri);
          return known.size > maxRoots
            ? { overflowed: true }
            : { uris: known.size === view.uris.length ? view.uris : [...known] };
        });
        return answer;
      } finally {
        settle(server);
      }
    },
    view: (server) => views.get(server),
  };
}

/** The `uri` of every root in a `roots/list` result (`{ roots: [{ uri, name? }] }`). */
function rootUris(answer: unknown): string[] {
  const roots = (answer as { roots?: unknown } | undefined)?.roots;
  if (!Array.isArray(roots)) return [];
  const uris: string[] = [];
  for (const root of roots as unknown[]) {
    const uri = (root as { uri?: unknown } | null)?.uri;
    if (typeof uri === 'string') uris.push(uri);
  }
  return uris;
}
