import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FIXTURE_SERVER, MEMORY_SERVER } from './paths.js';

// Secret-looking values are built at runtime so no scanner flags the repository (STYLE §23).
export const GITHUB_PAT = `ghp_${'A'.repeat(36)}`;
export const BRAVE_KEY = `BSA${'b'.repeat(27)}`;
export const BEARER = `tok_${'c'.repeat(24)}`;
export const OPENAI_KEY = `sk-proj-${'D1e'.repeat(10)}`;
export const DB_PASSWORD = `pw${'9'.repeat(12)}`;

/** Every secret value a fixture holds: none may appear in a file the gateway writes. */
export const ALL_SECRETS = [GITHUB_PAT, BRAVE_KEY, BEARER, OPENAI_KEY, DB_PASSWORD];

/** A temporary home with a project folder, as a user's machine would have them. */
export interface FakeMachine {
  readonly root: string;
  readonly home: string;
  readonly project: string;
  /** The environment a CLI run sees: this home, no colour, PATH kept. */
  readonly env: Record<string, string>;
}

/** Creates an empty temporary home and project folder. */
export const createMachine = async (): Promise<FakeMachine> => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mcp-gateway-clients-'));
  const home = path.join(root, 'home');
  const project = path.join(root, 'project');
  await mkdir(home, { recursive: true });
  await mkdir(project, { recursive: true });
  return {
    root,
    home,
    project,
    env: {
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      PATH: process.env['PATH'] ?? '',
      NO_COLOR: '1',
    },
  };
};

const put = async (file: string, text: string): Promise<string> => {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
};

/** Claude Desktop: strict JSON, Windows-style paths, secrets in env and args. */
export const writeClaudeDesktop = (machine: FakeMachine): Promise<string> =>
  put(
    path.join(machine.home, '.config', 'Claude', 'claude_desktop_config.json'),
    `{
  "mcpServers": {
    "memory": {
      "command": "${process.execPath}",
      "args": ["${MEMORY_SERVER}"],
      "env": { "MEMORY_FILE_PATH": "${path.join(machine.root, 'memory.jsonl')}" }
    },
    "github_server": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-github"],
      "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_PAT}", "LOG_LEVEL": "info" }
    },
    "brave search": {
      "command": "C:\\\\Program Files\\\\nodejs\\\\node.exe",
      "args": ["C:\\\\Users\\\\me\\\\mcp\\\\brave\\\\index.js", "--api-key", "${BRAVE_KEY}"]
    }
  },
  "globalShortcut": "Ctrl+Space"
}
`,
  );

/** Cursor (global): comments, trailing commas, ${env:…}, ${userHome}, a remote server with a token. */
export const writeCursor = (machine: FakeMachine): Promise<string> =>
  put(
    path.join(machine.home, '.cursor', 'mcp.json'),
    `// Cursor reads JSON with comments
{
  "mcpServers": {
    /* notes kept here */
    "notes": {
      "command": "node",
      "args": ["\${userHome}/mcp/notes.js", "--db", "\${env:NOTES_DB}"],
    },
    "linear": {
      "url": "https://mcp.linear.example/sse",
      "headers": { "Authorization": "Bearer ${BEARER}" }, // token pasted by hand
    },
  },
}
`,
  );

/** Cursor (project). */
export const writeCursorProject = (machine: FakeMachine): Promise<string> =>
  put(
    path.join(machine.project, '.cursor', 'mcp.json'),
    `{ "mcpServers": { "repo-tools": { "command": "./scripts/tools.sh", "args": ["\${workspaceFolder}"] } } }
`,
  );

/** VS Code user mcp.json: servers, inputs, type, a prompted secret, tabs for indentation. */
export const writeVsCode = (machine: FakeMachine): Promise<string> =>
  put(
    path.join(machine.home, '.config', 'Code', 'User', 'mcp.json'),
    `{
\t// VS Code: "servers", not "mcpServers"
\t"inputs": [
\t\t{ "type": "promptString", "id": "openai-key", "description": "OpenAI API key", "password": true }
\t],
\t"servers": {
\t\t"openai-tools": {
\t\t\t"type": "stdio",
\t\t\t"command": "uvx",
\t\t\t"args": ["openai-mcp"],
\t\t\t"env": { "OPENAI_API_KEY": "\${input:openai-key}" },
\t\t\t"envFile": "\${workspaceFolder}/.env"
\t\t},
\t\t"docs": { "type": "http", "url": "https://docs.example/mcp" },
\t},
}
`,
  );

/** VS Code project .vscode/mcp.json. */
export const writeVsCodeProject = (machine: FakeMachine): Promise<string> =>
  put(
    path.join(machine.project, '.vscode', 'mcp.json'),
    `{
  "servers": {
    "db": {
      "type": "stdio",
      "command": "npx",
      "args": ["-y", "@example/db-mcp", "postgresql://app:${DB_PASSWORD}@localhost/app"]
    }
  }
}
`,
  );

/** Claude Code: ~/.claude.json with user scope and local scope for two projects, plus .mcp.json. */
export const writeClaudeCode = async (machine: FakeMachine): Promise<string> => {
  await put(
    path.join(machine.project, '.mcp.json'),
    `{
  "mcpServers": {
    "api": {
      "type": "http",
      "url": "\${API_BASE_URL:-https://api.example.com}/mcp",
      "headers": { "Authorization": "Bearer \${API_KEY}" }
    }
  }
}
`,
  );
  return put(
    path.join(machine.home, '.claude.json'),
    `${JSON.stringify(
      {
        numStartups: 12,
        mcpServers: {
          context7: {
            type: 'stdio',
            command: 'npx',
            args: ['-y', '@upstash/context7-mcp'],
            env: {},
          },
        },
        projects: {
          [machine.project]: {
            allowedTools: [],
            mcpServers: {
              'local-fs': {
                type: 'stdio',
                command: 'npx',
                args: ['-y', '@modelcontextprotocol/server-filesystem', '.'],
                env: {},
              },
              old: { type: 'stdio', command: 'old-server', args: [] },
            },
            disabledMcpServers: ['old'],
          },
          '/elsewhere/other-project': {
            mcpServers: { unrelated: { type: 'stdio', command: 'x', args: [] } },
          },
        },
      },
      null,
      2,
    )}\n`,
  );
};

/** Windsurf: serverUrl, a disabled server, a WebSocket one the gateway cannot run. */
export const writeWindsurf = (machine: FakeMachine): Promise<string> =>
  put(
    path.join(machine.home, '.codeium', 'windsurf', 'mcp_config.json'),
    `{
    "mcpServers": {
        "zapier": { "serverUrl": "https://actions.zapier.example/mcp/sse" },
        "git": { "command": "uvx", "args": ["mcp-server-git"], "disabled": true },
        "live": { "serverUrl": "wss://live.example/mcp" }
    }
}
`,
  );

/** Codex: TOML with comments, an env table, env_vars, a bearer token variable, a disabled server. */
export const writeCodex = (machine: FakeMachine): Promise<string> =>
  put(
    path.join(machine.home, '.codex', 'config.toml'),
    `# Codex settings
model = "gpt-5-codex"

# documentation lookups
[mcp_servers.context7]
command = "npx"
args = ["-y", "@upstash/context7-mcp"]   # pinned later
startup_timeout_sec = 20

[mcp_servers.context7.env]
OPENAI_API_KEY = "${OPENAI_KEY}"

[mcp_servers.figma]
url = "https://mcp.figma.example/mcp"
bearer_token_env_var = "FIGMA_OAUTH_TOKEN"

[mcp_servers.shell]
command = "shell-mcp"
env_vars = ["SHELL_PROFILE"]
enabled = false

[profiles.fast]
model = "gpt-5-mini"
`,
  );

/** A small Claude Desktop file whose servers all run here without a network: for a real session. */
export const writeClaudeDesktopSample = (machine: FakeMachine): Promise<string> =>
  put(
    path.join(machine.home, '.config', 'Claude', 'claude_desktop_config.json'),
    `${JSON.stringify(
      {
        mcpServers: {
          memory: {
            command: process.execPath,
            args: [MEMORY_SERVER],
            env: { MEMORY_FILE_PATH: path.join(machine.root, 'memory.jsonl') },
          },
          echo_tools: {
            command: process.execPath,
            args: [FIXTURE_SERVER],
            env: { FIXTURE_TOOLS: 'echo', ECHO_API_TOKEN: GITHUB_PAT },
          },
        },
      },
      null,
      2,
    )}\n`,
  );
