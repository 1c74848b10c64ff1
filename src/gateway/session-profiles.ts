import { resolveClientProfile, type ClientProfile } from '../clients/client-profile.js';
import type { Logger } from '../core/logger.js';
import type { LeftOutTool, ToolView } from '../core/routing/tool-view.js';
import type { AgentSession } from './agent-sessions.js';
import type { LiveCatalog, ViewSpec } from './live-catalog.js';
import type { Runtime } from './runtime.js';

interface Fitted {
  runtime: Runtime;
  client: string | undefined;
  profile: ClientProfile;
  generation: number;
  view: ToolView | undefined;
}

/** How many left-out names one stderr line lists before it says "and N more". */
const NAMES_IN_A_LINE = 30;

/**
 * Each agent session fitted to its client (DESIGN §14): the client table and `clients.<name>`
 * give its tool cap, name budget and result limit; its view of the catalog follows from them.
 * Resolved once per session and runtime, and the view once per catalog change.
 */
export class SessionProfiles {
  private readonly fitted = new WeakMap<AgentSession, Fitted>();
  /** Calls without a session (CLI commands): fitted to no client. */
  private standalone: Fitted | undefined;
  private readonly reported = new Set<string>();

  constructor(
    private readonly options: {
      readonly runtime: () => Runtime;
      readonly catalog: LiveCatalog;
      readonly env: Readonly<Record<string, string | undefined>>;
      readonly logger: Logger;
    },
  ) {}

  /** The profile of the client behind `session` (no client: the config's own limits). */
  profileFor(session: AgentSession | undefined): ClientProfile {
    return this.fit(session).profile;
  }

  /** What `session` is offered, under its names: read by every call, rebuilt on change. */
  viewFor(session: AgentSession | undefined): ToolView {
    const fitted = this.fit(session);
    const generation = this.options.catalog.generation();
    if (fitted.view === undefined || fitted.generation !== generation) {
      fitted.view = this.options.catalog.view(specOf(fitted.profile));
      fitted.generation = generation;
    }
    return fitted.view;
  }

  /** The view spec of a session, for tools/list (which may wait for backends first). */
  specFor(session: AgentSession | undefined): ViewSpec {
    return specOf(this.fit(session).profile);
  }

  /** Says on stderr, once per distinct set, which tools a client is not offered and why. */
  reportLeftOut(session: AgentSession | undefined, view: ToolView): void {
    if (view.leftOut.length === 0) return;
    const { profile } = this.fit(session);
    const capped = view.leftOut.filter((l) => l.reason === 'cap');
    const excluded = view.leftOut.filter((l) => l.reason === 'excluded');
    if (capped.length > 0) {
      const key = `cap|${profile.title}|${capped.map((l) => l.exposed).join(',')}`;
      if (!this.reported.has(key)) {
        this.reported.add(key);
        this.options.logger.warn(
          `${profile.title} takes at most ${profile.toolCap ?? '?'} tools (${describeOrigin(profile)}); ${view.tools.length + capped.length} are offered, so ${capped.length} are left out: ${listNames(capped)}. Choose which with servers.<name>.priority, servers.<name>.tools.priority or tools.include/exclude (docs/clients.md#tool-caps); preview with: mcp-gateway tools --client ${profile.facts?.id ?? profile.clientName ?? ''}`,
        );
      }
    }
    const bySetting = new Map<string, LeftOutTool[]>();
    for (const l of excluded) bySetting.set(l.by, [...(bySetting.get(l.by) ?? []), l]);
    for (const [setting, tools] of bySetting) {
      const key = `excluded|${setting}|${tools.map((l) => l.exposed).join(',')}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      this.options.logger.info(
        `${setting} leaves out ${tools.length} tool${tools.length === 1 ? '' : 's'}: ${listNames(tools)}`,
      );
    }
  }

  /** One line at initialize: what the gateway fits this client to. */
  announce(session: AgentSession): void {
    const { profile } = this.fit(session);
    const parts = [
      profile.toolCap === undefined ? undefined : `at most ${profile.toolCap} tools`,
      profile.nameLimit === undefined
        ? undefined
        : `tool names up to ${profile.nameMaxLength} characters (${profile.nameLimit.maxLength} with its prefix "${profile.nameLimit.prefix}")`,
      profile.resultBytes === undefined
        ? undefined
        : `text results over ${profile.resultBytes.toLocaleString('en-US')} bytes cut`,
    ].filter((p): p is string => p !== undefined);
    const who =
      profile.facts === undefined
        ? `client "${profile.clientName ?? '?'}" (not in the client table)`
        : `client "${profile.clientName ?? ''}" (${profile.title})`;
    this.options.logger.info(
      parts.length === 0 ? `${who}: no known limits` : `${who}: ${parts.join(', ')}`,
    );
  }

  private fit(session: AgentSession | undefined): Fitted {
    const runtime = this.options.runtime();
    const cached = session === undefined ? this.standalone : this.fitted.get(session);
    const client = session?.info.client?.name;
    // A session says who it is at initialize: until then it is fitted to no client.
    if (cached?.runtime === runtime && cached.client === client) return cached;
    const profile = resolveClientProfile(client, runtime.config, this.options.env);
    const fitted: Fitted = { runtime, client, profile, generation: -1, view: undefined };
    if (session === undefined) this.standalone = fitted;
    else this.fitted.set(session, fitted);
    return fitted;
  }
}

const specOf = (profile: ClientProfile): ViewSpec => ({
  nameMaxLength: profile.nameMaxLength,
  toolCap: profile.toolCap,
});

const describeOrigin = (profile: ClientProfile): string =>
  profile.origins.toolCap === 'clients'
    ? `clients.${profile.overrideKey ?? ''}.toolCap`
    : 'the client table';

const listNames = (tools: readonly LeftOutTool[]): string => {
  const names = tools.slice(0, NAMES_IN_A_LINE).map((l) => l.exposed);
  const more = tools.length - names.length;
  return more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ');
};
