import type { ClientProfile, LimitOrigin } from '../clients/client-profile.js';
import type { ToolCatalog } from '../core/routing/tool-catalog.js';
import type { LeftOutTool, ToolView } from '../core/routing/tool-view.js';

/** A client's profile and what it is offered, as `tools --json` and `doctor --json` print it. */
export interface ClientReport {
  readonly client: string | undefined;
  readonly id: string | undefined;
  readonly title: string;
  readonly toolCap: number | null;
  readonly nameMaxLength: number;
  readonly nameLimit: { readonly maxLength: number; readonly prefix: string } | null;
  readonly resultBytes: number | null;
  readonly elicitation: boolean | null;
  readonly origins: ClientProfile['origins'];
  readonly offered: number;
  /** Tools whose names this client sees shorter than the config's names. */
  readonly shortened: number;
  readonly leftOut: readonly LeftOutTool[];
}

/** The report of one client: its limits, where they come from, and what it is not offered. */
export const clientReport = (
  profile: ClientProfile,
  view: ToolView,
  base: ToolCatalog,
): ClientReport => ({
  client: profile.clientName,
  id: profile.facts?.id,
  title: profile.title,
  toolCap: profile.toolCap ?? null,
  nameMaxLength: profile.nameMaxLength,
  nameLimit: profile.nameLimit ?? null,
  resultBytes: profile.resultBytes ?? null,
  elicitation: profile.elicitation,
  origins: profile.origins,
  offered: view.tools.length,
  shortened: view.catalog.tools.filter((tool) => {
    const route = view.catalog.routeFor(tool.name);
    return route !== undefined && base.exposedNameFor(route.server, route.tool) !== tool.name;
  }).length,
  leftOut: view.leftOut,
});

const ORIGIN: Record<LimitOrigin, string> = {
  table: 'client table',
  clients: 'config clients',
  limits: 'config limits.resultBytes',
  naming: 'naming.maxLength',
  setting: "the client's own setting",
  none: '',
};

/** One line on a client's limits, e.g. `at most 40 tools (client table), names up to 53 …`. */
export const describeLimits = (report: ClientReport): string => {
  const parts = [
    report.toolCap === null
      ? 'no tool cap'
      : `at most ${report.toolCap} tools (${ORIGIN[report.origins.toolCap]})`,
    `names up to ${report.nameMaxLength} characters` +
      (report.nameLimit === null || report.origins.names === 'naming'
        ? ''
        : ` (${report.nameLimit.maxLength} with its prefix "${report.nameLimit.prefix}", ${ORIGIN[report.origins.names]})`),
    report.resultBytes === null
      ? 'results never cut'
      : `text results over ${report.resultBytes.toLocaleString('en-US')} bytes cut (${ORIGIN[report.origins.resultBytes]})`,
  ];
  return parts.join(', ');
};

/** Lines naming the tools a client is not offered, grouped by reason, with what to change. */
export const describeLeftOut = (
  report: ClientReport,
  which: 'cap' | 'excluded' | 'both' = 'both',
): string[] => {
  const lines: string[] = [];
  const capped = report.leftOut.filter((l) => l.reason === 'cap');
  if (capped.length > 0 && which !== 'excluded') {
    lines.push(
      `${capped.length} tool${capped.length === 1 ? '' : 's'} left out over ${report.title}'s cap of ${report.toolCap ?? '?'}: ${capped.map((l) => l.exposed).join(', ')}`,
      '  choose which with servers.<name>.priority, servers.<name>.tools.priority, or tools.include/exclude (docs/clients.md#tool-caps)',
    );
  }
  if (which === 'cap') return lines;
  const bySetting = new Map<string, string[]>();
  for (const l of report.leftOut.filter((x) => x.reason === 'excluded'))
    bySetting.set(l.by, [...(bySetting.get(l.by) ?? []), l.exposed]);
  for (const [setting, names] of bySetting)
    lines.push(
      `${names.length} tool${names.length === 1 ? '' : 's'} left out by ${setting}: ${names.join(', ')}`,
    );
  return lines;
};
