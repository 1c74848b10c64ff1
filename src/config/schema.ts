import { z } from 'zod';
import { durationSchema } from './duration-schema.js';
import { policySchema } from './policy-schema.js';
import { telemetrySchema } from './telemetry-schema.js';

/** Server names stay reversible inside `server__tool`: letters, digits and single dashes only. */
export const SERVER_NAME_PATTERN = /^[A-Za-z0-9-]{1,32}$/;

const duration = durationSchema;

const timeoutsSchema = z.strictObject({
  startup: duration
    .optional()
    .describe('How long the backend may take to start and list its tools (default 15s).'),
  call: duration
    .optional()
    .describe(
      'How long one tools/call may take before it is cancelled at the backend (default 50s).',
    ),
});

const stringMap = z.record(z.string(), z.string());

/** Bytes as a number, or a string with a unit. */
export const SIZE_PATTERN = /^(\d+(?:\.\d+)?)\s*(B|kB|KB|KiB|MB|MiB)$/;

const size = z
  .union([z.number().int().positive(), z.string().regex(SIZE_PATTERN, 'a size such as "100KB"')])
  .describe('Bytes as a number, or a string such as "100KB" (1000 bytes each), "64KiB" or "2MB".');

const globList = z.array(z.string().min(1));

/** Which of a server's tools a session is offered, and in what order under a client's tool cap. */
const serverToolsSchema = z.strictObject({
  include: globList
    .optional()
    .describe("Offer only this server's tools whose names match one of these globs."),
  exclude: globList
    .optional()
    .describe("Never offer this server's tools whose names match one of these globs."),
  priority: z
    .record(z.string().min(1), z.number().int())
    .optional()
    .describe(
      'Priority of the tools matching each glob (the highest match wins), over the server\'s "priority".',
    ),
});

/** One backend: a local command (stdio) or a remote URL (Streamable HTTP or legacy SSE). */
export const serverSchema = z
  .strictObject({
    command: z.string().min(1).optional().describe('Executable to start (stdio backend).'),
    args: z
      .array(z.string())
      .optional()
      .describe('Arguments; ${env:NAME} and ${env:NAME:-default} are expanded.'),
    env: stringMap.optional().describe('Extra environment for the child; ${env:NAME} is expanded.'),
    cwd: z.string().optional().describe('Working directory, relative to the config file folder.'),
    inheritEnv: z
      .boolean()
      .optional()
      .describe("Pass the gateway's whole environment to the child (default false)."),
    url: z
      .string()
      .min(1)
      .optional()
      .describe('Remote MCP endpoint (Streamable HTTP, falling back to SSE).'),
    transport: z.enum(['auto', 'streamable-http', 'sse']).optional(),
    headers: stringMap
      .optional()
      .describe('HTTP headers for a remote backend; ${env:NAME} is expanded.'),
    enabled: z.boolean().optional(),
    timeouts: timeoutsSchema.optional(),
    trustAnnotations: z
      .boolean()
      .optional()
      .describe("Believe this server's readOnlyHint when classing tools as read or write."),
    tags: z
      .array(z.string().min(1))
      .optional()
      .describe('Labels that policy rules can match with serverTags.'),
    priority: z
      .number()
      .int()
      .optional()
      .describe(
        "Over a client's tool cap, tools of servers with a higher priority are offered first (default 0).",
      ),
    tools: serverToolsSchema
      .optional()
      .describe(
        'Which tools of this server are offered to agents (not a security control: use policy).',
      ),
  })
  .superRefine((server, ctx) => {
    if (server.command === undefined && server.url === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: 'needs either "command" (a local server) or "url" (a remote server)',
      });
    }
    if (server.command !== undefined && server.url !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'has both "command" and "url"; keep one' });
    }
    if (server.url !== undefined) {
      for (const key of ['args', 'env', 'cwd', 'inheritEnv'] as const) {
        if (server[key] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `"${key}" only applies to a local "command" server`,
          });
        }
      }
    }
    if (server.command !== undefined) {
      for (const key of ['transport', 'headers'] as const) {
        if (server[key] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `"${key}" only applies to a remote "url" server`,
          });
        }
      }
    }
  });

const serversSchema = z.record(
  z
    .string()
    .regex(
      SERVER_NAME_PATTERN,
      'server names are 1-32 letters, digits or "-" (no "_", so tool names stay reversible)',
    ),
  serverSchema,
);

const namingSchema = z.strictObject({
  separator: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,4}$/)
    .optional()
    .describe('Between server and tool name (default "__").'),
  maxLength: z
    .number()
    .int()
    .min(8)
    .max(128)
    .optional()
    .describe('Longest exposed name (default 64).'),
  prefix: z
    .enum(['always', 'never'])
    .optional()
    .describe('"never" keeps a single backend\'s names untouched.'),
});

const surfaceAction = z.enum(['block', 'redact', 'warn', 'off']);

const scanningSchema = z.strictObject({
  descriptions: z.enum(['block', 'warn', 'off']).optional(),
  responses: surfaceAction.optional(),
  arguments: surfaceAction.optional(),
  threshold: z
    .enum(['low', 'medium', 'high'])
    .optional()
    .describe(
      'Lowest severity that triggers the action (default: high for descriptions, medium otherwise).',
    ),
  allow: z
    .array(
      z.strictObject({
        rule: z.string().min(1).describe('A rule id, or a prefix ending in "*" (e.g. "secret.*").'),
        match: z.string().min(1).optional().describe('A server/tool glob (default: every tool).'),
      }),
    )
    .optional(),
  maxChars: z
    .number()
    .int()
    .min(1024)
    .optional()
    .describe(
      'Characters scanned at most per result, argument set, tool definition or instructions (default 16777216); the rest is reported as scan.incomplete and the surface action applies.',
    ),
  maxMs: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe(
      'Milliseconds spent scanning (pauses between slices excluded) at most per result, argument set or tool definition (default 10000); the rest is reported as scan.incomplete.',
    ),
});

const pinningSchema = z.strictObject({ mode: z.enum(['block', 'warn', 'off']).optional() });

const auditSchema = z.strictObject({
  enabled: z.boolean().optional(),
  path: z
    .string()
    .optional()
    .describe('JSONL file, relative to the config folder (default .mcp-gateway/audit.jsonl).'),
  durability: z.enum(['batch', 'sync']).optional(),
  results: z.enum(['none', 'hash', 'redacted']).optional(),
});

const cacheSchema = z.strictObject({ enabled: z.boolean().optional() });

/** A subset of the servers and tools, chosen with `--profile NAME` or MCP_GATEWAY_PROFILE. */
const profileSchema = z.strictObject({
  servers: z
    .array(z.string().min(1))
    .optional()
    .describe('The servers this profile runs (default: every enabled server).'),
  tools: z
    .strictObject({
      include: globList
        .optional()
        .describe('Offer only the tools whose server/tool matches one of these globs.'),
      exclude: globList
        .optional()
        .describe('Never offer the tools whose server/tool matches one of these globs.'),
    })
    .optional(),
});

/** What the gateway assumes about one client, over the built-in table (docs/clients.md). */
const clientSchema = z.strictObject({
  toolCap: z
    .number()
    .int()
    .positive()
    .nullable()
    .optional()
    .describe('Most tools this client is offered; null: no cap.'),
  names: z
    .strictObject({
      maxLength: z
        .number()
        .int()
        .min(8)
        .max(256)
        .describe('Longest tool name the client accepts, its own prefix included.'),
      prefix: z
        .string()
        .optional()
        .describe(
          'What the client puts before each tool name; {key} is the gateway\'s entry name (e.g. "mcp__{key}__").',
        ),
    })
    .nullable()
    .optional()
    .describe("The client's tool-name limit; null: none."),
  resultBytes: size
    .nullable()
    .optional()
    .describe('Longest text result this client is sent; longer ones are cut. null: never cut.'),
  elicitation: z
    .boolean()
    .nullable()
    .optional()
    .describe('false: never ask this client to approve calls through elicitation.'),
});

const limitsSchema = z.strictObject({
  resultBytes: size
    .nullable()
    .optional()
    .describe(
      "Longest text result sent to any client without its own clients.<name>.resultBytes (default: each client's known limit); null: never cut.",
    ),
  keptResults: size
    .optional()
    .describe('Disk space for the full text of cut results, for all sessions (default "256MB").'),
});

const approvalsSchema = z.strictObject({
  channels: z
    .array(z.enum(['elicitation', 'console', 'notify']))
    .optional()
    .describe(
      'Where an `ask` is put to a human, tried in order (default ["elicitation", "console", "notify"]).',
    ),
  timeout: duration
    .optional()
    .describe('How long a call waits in the console for a human to decide (default 120s).'),
  fastDecline: duration
    .optional()
    .describe(
      'A client that declines an approval faster than this never showed it to a human: elicitation is not used again in that session (default 150ms).',
    ),
  preapproved: z
    .array(z.string().min(1))
    .optional()
    .describe(
      'Ids of `ask` rules approved without asking anyone (for CI; also `--approve RULE_ID`).',
    ),
});

const consoleSchema = z.strictObject({
  enabled: z
    .boolean()
    .optional()
    .describe(
      'Serve the local console on 127.0.0.1 (default true; false when the CI environment variable is set).',
    ),
  port: z
    .number()
    .int()
    .min(0)
    .max(65535)
    .optional()
    .describe('Port of the console (default 0: a free port, different for every gateway).'),
});

/** The whole config file, as users write it. */
export const userConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    servers: serversSchema.optional(),
    mcpServers: serversSchema
      .optional()
      .describe('Accepted as a synonym of "servers" (paste from Claude Desktop).'),
    stateDir: z
      .string()
      .optional()
      .describe(
        'Folder for the audit log, pins, cache and keys (default .mcp-gateway next to the config).',
      ),
    naming: namingSchema.optional(),
    policy: policySchema.optional(),
    scanning: scanningSchema.optional(),
    pinning: pinningSchema.optional(),
    audit: auditSchema.optional(),
    cache: cacheSchema.optional(),
    profiles: z
      .record(
        z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'profile names are letters, digits, "-" and "_"'),
        profileSchema,
      )
      .optional()
      .describe('Named subsets of servers and tools; choose one with --profile NAME.'),
    clients: z
      .record(z.string().min(1), clientSchema)
      .optional()
      .describe(
        "Overrides of the known clients' limits, by client id (cursor, claude-code, …) or clientInfo.name.",
      ),
    limits: limitsSchema.optional(),
    approvals: approvalsSchema.optional(),
    console: consoleSchema.optional(),
    telemetry: telemetrySchema.optional(),
  })
  .superRefine((config, ctx) => {
    if (config.servers !== undefined && config.mcpServers !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['mcpServers'],
        message: 'use either "servers" or "mcpServers", not both',
      });
    }
  });

export type UserConfig = z.input<typeof userConfigSchema>;
export type ParsedUserConfig = z.output<typeof userConfigSchema>;
export type ServerConfig = z.output<typeof serverSchema>;
