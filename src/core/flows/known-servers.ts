import type { FlowLabel } from './flow-label.js';

/** Labels for the tools of one kind of well-known server, matched by tool-name glob. */
export interface KnownToolLabels {
  /** Glob over the backend's own tool name (`*` within the name, `{a,b}` alternatives). */
  readonly match: string;
  readonly labels: readonly FlowLabel[];
}

/**
 * A well-known MCP server, recognised by what it runs or where it lives, never by the name it
 * has in the config (anyone can call a server "fetch").
 */
export interface KnownServer {
  /** Stable id, shown as the label source `builtin:<id>`. */
  readonly id: string;
  readonly title: string;
  /**
   * Package names that identify it, lower case: npm (`@scope/name`), PyPI (`-` for `_`),
   * container images without registry tag (`ghcr.io/github/github-mcp-server`, `mcp/fetch`),
   * and binary names.
   */
  readonly packages: readonly string[];
  /** A family of packages recognised by a word in the package name (e.g. `gmail`). */
  readonly packageWords?: readonly string[];
  /** Remote endpoints: host, and a path prefix when the host serves more than MCP. */
  readonly urls?: readonly { readonly host: string; readonly path?: string }[];
  /** Tool-name globs, first match wins. */
  readonly tools: readonly KnownToolLabels[];
  /** Labels of a tool no glob matches (new tools of a service are labelled carefully). */
  readonly otherTools: readonly FlowLabel[];
}

// Verbs of tools that change something at a remote service, which other people then see.
const REMOTE_WRITES =
  '{create,update,add,push,fork,merge,delete,remove,request,assign,submit,dismiss,mark,post,reply,send,comment,close,reopen,edit,set,upload,publish,run,rerun,cancel,trigger,manage}_*';
const REMOTE_READS = '{get,list,search,read,download,fetch,find,query}_*';

/**
 * The built-in defaults (DESIGN §12): the third and last source of a tool's labels, after
 * `policy.labels` and annotations. docs/flows.md prints this table; keep them in step.
 */
export const KNOWN_SERVERS: readonly KnownServer[] = [
  {
    id: 'fetch',
    title: 'Web fetch',
    packages: [
      'mcp-server-fetch',
      'mcp/fetch',
      'fetch-mcp',
      '@kazuph/mcp-fetch',
      '@tokenizin/mcp-npx-fetch',
    ],
    tools: [],
    otherTools: ['untrusted', 'egress'],
  },
  {
    id: 'web-search',
    title: 'Web search',
    packages: [
      '@modelcontextprotocol/server-brave-search',
      '@brave/brave-search-mcp-server',
      'mcp/brave-search',
      'tavily-mcp',
      'exa-mcp-server',
    ],
    tools: [],
    otherTools: ['untrusted', 'egress'],
  },
  {
    id: 'github',
    title: 'GitHub',
    packages: [
      '@modelcontextprotocol/server-github',
      'github-mcp-server',
      'ghcr.io/github/github-mcp-server',
      'mcp/github',
      'mcp/github-mcp-server',
    ],
    urls: [{ host: 'api.githubcopilot.com', path: '/mcp' }],
    tools: [
      { match: '{*_read,get_me}', labels: ['untrusted', 'sensitive'] },
      { match: '*_write', labels: ['egress'] },
      { match: REMOTE_READS, labels: ['untrusted', 'sensitive'] },
      { match: REMOTE_WRITES, labels: ['egress'] },
    ],
    otherTools: ['untrusted', 'egress'],
  },
  {
    id: 'gitlab',
    title: 'GitLab',
    packages: ['@modelcontextprotocol/server-gitlab', '@zereight/mcp-gitlab', 'mcp/gitlab'],
    urls: [{ host: 'gitlab.com', path: '/api/v4/mcp' }],
    tools: [
      { match: REMOTE_READS, labels: ['untrusted', 'sensitive'] },
      { match: REMOTE_WRITES, labels: ['egress'] },
    ],
    otherTools: ['untrusted', 'egress'],
  },
  {
    id: 'slack',
    title: 'Slack',
    packages: [
      '@modelcontextprotocol/server-slack',
      '@zencoderai/slack-mcp-server',
      'slack-mcp-server',
      'mcp/slack',
    ],
    tools: [
      {
        match:
          '{{slack_,}{get,list,search,read}_*,conversations_{history,replies,search_messages},channels_list}',
        labels: ['untrusted', 'sensitive'],
      },
      {
        match: '{{slack_,}{post,reply,send,add,create,update}_*,conversations_add_message}',
        labels: ['egress'],
      },
    ],
    otherTools: ['untrusted', 'egress'],
  },
  {
    id: 'email',
    title: 'Email (Gmail, IMAP/SMTP, Outlook)',
    packages: ['@gongrzhe/server-gmail-autoauth-mcp', '@shinzolabs/gmail-mcp'],
    packageWords: ['gmail', 'email', 'mail', 'imap', 'smtp', 'outlook'],
    tools: [
      { match: '{send,reply,forward}{_*,}', labels: ['egress'] },
      { match: '*_{send,reply,forward}', labels: ['egress'] },
    ],
    // Everything else reads, files or drafts mail: outside content and private data.
    otherTools: ['untrusted', 'sensitive'],
  },
  {
    id: 'filesystem',
    title: 'Filesystem',
    packages: ['@modelcontextprotocol/server-filesystem', 'mcp/filesystem'],
    tools: [
      {
        match: '{{read,list,search,get}_*,directory_tree}',
        labels: ['sensitive'],
      },
    ],
    otherTools: [],
  },
  {
    id: 'memory',
    title: 'Memory (knowledge graph)',
    packages: ['@modelcontextprotocol/server-memory', 'mcp/memory'],
    tools: [{ match: '{read,search,open}_*', labels: ['sensitive'] }],
    otherTools: [],
  },
  {
    id: 'browser',
    title: 'Browser automation',
    packages: [
      '@playwright/mcp',
      '@executeautomation/playwright-mcp-server',
      '@modelcontextprotocol/server-puppeteer',
      'mcp/puppeteer',
      'mcp/playwright',
      '@browsermcp/mcp',
      'chrome-devtools-mcp',
    ],
    tools: [],
    otherTools: ['untrusted', 'egress'],
  },
  {
    id: 'database',
    title: 'Databases',
    packages: [
      '@modelcontextprotocol/server-postgres',
      'mcp/postgres',
      'mcp-server-sqlite',
      'mcp/sqlite',
      '@benborla29/mcp-server-mysql',
      '@supabase/mcp-server-supabase',
      'mongodb-mcp-server',
      '@bytebase/dbhub',
      '@modelcontextprotocol/server-redis',
    ],
    tools: [],
    otherTools: ['sensitive'],
  },
];
