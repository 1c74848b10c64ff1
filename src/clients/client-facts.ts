/**
 * What each known MCP client does with the tools, names and results a server gives it.
 * Data only (no I/O): the gateway picks a row by the `clientInfo.name` sent in `initialize`
 * and fits its session to it. Every fact carries its source, because clients change and a
 * number nobody can check is worse than none. docs/clients.md renders this table.
 */

/** The clients `init` can read and `install` can write. */
export const CLIENT_IDS = [
  'claude-desktop',
  'claude-code',
  'cursor',
  'vscode',
  'windsurf',
  'codex',
] as const;

/** One client the gateway knows by name. */
export type ClientId = (typeof CLIENT_IDS)[number];

/** A value with where it comes from; `note` says how sure it is when the source is weak. */
export interface SourcedFact<T> {
  readonly value: T;
  readonly sources: readonly string[];
  readonly note?: string;
}

/** How long a tool name the client accepts, counting the prefix it adds itself. */
export interface NameBudget {
  /** The longest full name, prefix included. */
  readonly maxLength: number;
  /** The prefix the client puts before a server's tool names; `{key}` is the entry's name. */
  readonly prefix: string;
}

/** How much of one tool result the client takes before it fails or cuts. */
export interface ResultLimit {
  readonly tokens: number;
  /** The client's own setting that changes it, if any. */
  readonly setting?: string;
}

/** Whether the client answers `elicitation/create`: true, false, or null to trust its capabilities. */
export type ElicitationSupport = boolean | null;

/** Everything the gateway knows about one client. `null` values mean "no known limit". */
export interface ClientFacts {
  readonly id: ClientId;
  readonly title: string;
  /** Exact `clientInfo.name` values it sends in `initialize`. */
  readonly clientInfoNames: SourcedFact<readonly string[]>;
  /** How many tools it uses (or accepts) at most, across all servers. */
  readonly toolCap: SourcedFact<number | null>;
  readonly nameBudget: SourcedFact<NameBudget | null>;
  readonly resultLimit: SourcedFact<ResultLimit | null>;
  readonly elicitation: SourcedFact<ElicitationSupport>;
}

const CLAUDE_CODE_MCP_DOCS = 'https://code.claude.com/docs/en/mcp';
const CLIENT_NAMES_SURVEY =
  'https://www.npmjs.com/package/mcp-client-capabilities (a database keyed by clientInfo.name)';
const FEATURE_MATRIX =
  'https://dev.to/serverdex/which-mcp-clients-support-which-features-i-read-the-docs-59kb (each client’s docs, November 2026)';

/** The known clients, one row each. */
export const CLIENT_FACTS: readonly ClientFacts[] = [
  {
    id: 'claude-desktop',
    title: 'Claude Desktop',
    clientInfoNames: { value: ['claude-ai'], sources: [CLIENT_NAMES_SURVEY] },
    toolCap: { value: null, sources: [], note: 'no documented cap' },
    nameBudget: {
      value: { maxLength: 64, prefix: '' },
      sources: ['https://github.com/anthropics/claude-code/issues/2485'],
      note: 'the Anthropic API refuses tool names over 64 characters; the prefix Desktop adds is not documented',
    },
    resultLimit: { value: null, sources: [], note: 'not documented' },
    elicitation: {
      value: null,
      sources: [FEATURE_MATRIX],
      note: 'its docs do not say; trust the capability it declares',
    },
  },
  {
    id: 'claude-code',
    title: 'Claude Code',
    clientInfoNames: { value: ['claude-code'], sources: [CLIENT_NAMES_SURVEY] },
    toolCap: {
      value: null,
      sources: [CLAUDE_CODE_MCP_DOCS],
      note: 'tool search defers definitions',
    },
    nameBudget: {
      value: { maxLength: 64, prefix: 'mcp__{key}__' },
      sources: [
        'https://github.com/anthropics/claude-code/issues/20643',
        'https://github.com/anthropics/claude-code/issues/2485',
      ],
    },
    resultLimit: {
      value: { tokens: 25_000, setting: 'MAX_MCP_OUTPUT_TOKENS' },
      sources: [
        CLAUDE_CODE_MCP_DOCS,
        'https://developers.figma.com/docs/figma-mcp-server/mcp-clients-issues',
      ],
      note: 'a warning from 10,000 tokens',
    },
    elicitation: { value: true, sources: [FEATURE_MATRIX] },
  },
  {
    id: 'cursor',
    title: 'Cursor',
    clientInfoNames: { value: ['cursor-vscode'], sources: [CLIENT_NAMES_SURVEY] },
    toolCap: {
      value: 40,
      sources: [
        'https://easymanage.com/res/docs/tutorials/ai-solutions/chapter-3-mcp-advanced',
        'https://mcptrove.com/blog/cursor-tool-limit-math',
      ],
      note: 'third-party reports of Cursor using only the first ~40 tools; Cursor’s current docs give no number',
    },
    nameBudget: {
      value: { maxLength: 60, prefix: '{key}' },
      sources: ['https://easymanage.com/res/docs/tutorials/ai-solutions/chapter-3-mcp-advanced'],
      note: 'one third-party source: server name plus tool name at most 60 characters',
    },
    resultLimit: { value: null, sources: [], note: 'not documented' },
    elicitation: { value: true, sources: [FEATURE_MATRIX] },
  },
  {
    id: 'vscode',
    title: 'VS Code (GitHub Copilot)',
    clientInfoNames: {
      value: ['Visual Studio Code', 'Visual Studio Code - Insiders'],
      sources: [CLIENT_NAMES_SURVEY],
    },
    toolCap: {
      value: 128,
      sources: [
        'https://github.com/microsoft/vscode/issues/254189',
        'https://github.com/microsoft/vscode-copilot-release/issues/11653',
      ],
      note: 'a request with more tools fails: "You may not include more than 128 tools in your request"',
    },
    nameBudget: { value: null, sources: [], note: 'not documented' },
    resultLimit: { value: null, sources: [], note: 'not documented' },
    elicitation: {
      value: true,
      sources: [
        'https://code.visualstudio.com/docs/copilot/reference/mcp-configuration',
        FEATURE_MATRIX,
      ],
    },
  },
  {
    id: 'windsurf',
    title: 'Windsurf',
    clientInfoNames: { value: ['windsurf-client'], sources: [CLIENT_NAMES_SURVEY] },
    toolCap: {
      value: 100,
      sources: ['https://docs.windsurf.com/windsurf/cascade/mcp'],
      note: '"Cascade has a limit of 100 total tools that it has access to at any given time"',
    },
    nameBudget: { value: null, sources: [], note: 'not documented' },
    resultLimit: { value: null, sources: [], note: 'not documented' },
    elicitation: {
      value: null,
      sources: [FEATURE_MATRIX],
      note: 'its docs do not say; trust the capability it declares',
    },
  },
  {
    id: 'codex',
    title: 'OpenAI Codex',
    clientInfoNames: { value: ['codex-mcp-client'], sources: [CLIENT_NAMES_SURVEY] },
    toolCap: { value: null, sources: [], note: 'no documented cap' },
    nameBudget: { value: null, sources: [], note: 'not documented' },
    resultLimit: { value: null, sources: [], note: 'not documented' },
    elicitation: {
      value: null,
      sources: ['https://developers.openai.com/codex/mcp'],
      note: 'not documented; trust the capability it declares',
    },
  },
];

/** The row for a `clientInfo.name` (exact match first, then case-insensitive), if known. */
export const clientFactsFor = (clientInfoName: string): ClientFacts | undefined => {
  const exact = CLIENT_FACTS.find((facts) => facts.clientInfoNames.value.includes(clientInfoName));
  if (exact !== undefined) return exact;
  const lower = clientInfoName.toLowerCase();
  return CLIENT_FACTS.find((facts) =>
    facts.clientInfoNames.value.some((name) => name.toLowerCase() === lower),
  );
};

/** The row of a client by its id. */
export const clientFactsById = (id: ClientId): ClientFacts => {
  const found = CLIENT_FACTS.find((facts) => facts.id === id);
  if (found === undefined) throw new Error(`no facts for client ${id}`);
  return found;
};

/** True for the ids `init --from` and `install --client` accept. */
export const isClientId = (value: string): value is ClientId =>
  (CLIENT_IDS as readonly string[]).includes(value);

/**
 * How many characters the gateway's own exposed names may use when the client knows the
 * gateway under `entryName`; undefined when the client has no known budget.
 */
export const nameLengthBudget = (facts: ClientFacts, entryName: string): number | undefined => {
  const budget = facts.nameBudget.value;
  if (budget === null) return undefined;
  return budget.maxLength - budget.prefix.replaceAll('{key}', entryName).length;
};
