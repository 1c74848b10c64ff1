import { z } from 'zod';
import type { PolicySettings } from '../core/policy/index.js';
import { flowsSchema, labelsSchema } from './flows-schema.js';

const oneOrMany = (item: z.ZodString) => z.union([item, z.array(item)]);
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const effect = z.enum(['allow', 'deny', 'ask']);
const accessClass = z.enum(['read', 'write']);
const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'ids are 1-64 letters, digits, ".", "_" or "-"');
const serverToolGlob = z
  .string()
  .min(1)
  .describe(
    'Glob over "server/tool" (the tool name is one segment, "/" and all): "*" stays in a segment, "**" crosses, "{a,b}"',
  );

const predicates = z
  .strictObject({
    pathUnder: oneOrMany(z.string()).describe('Every path is inside one of these folders'),
    notPathUnder: oneOrMany(z.string()).describe('The path is inside none of these folders'),
    urlHost: oneOrMany(z.string()).describe(
      '"example.com", "*.example.com" (subdomains), "*", an IP, "loopback" or "private"',
    ),
    notUrlHost: oneOrMany(z.string()).describe('The URL host matches none of these'),
    scheme: oneOrMany(z.string()).describe('URL schemes, e.g. "https"'),
    equals: scalar,
    in: z.array(scalar),
    glob: oneOrMany(z.string()),
    regex: z.string().describe('JavaScript regular expression, unanchored'),
    lt: z.number(),
    gt: z.number(),
    maxLength: z.int().nonnegative().describe('Longest string (UTF-16 units) or array'),
    exists: z.boolean(),
  })
  .partial();

const rule = z.strictObject({
  id,
  effect,
  match: serverToolGlob,
  agents: z.array(z.string().min(1)).optional().describe('Principals set by --agent NAME'),
  access: accessClass.optional(),
  serverTags: z
    .array(z.string().min(1))
    .optional()
    .describe('Matches servers with any of these tags'),
  args: z
    .record(z.string().min(1), predicates)
    .optional()
    .describe('Selector ("a.b", "items[*].path", "$strings", "$paths") → predicates'),
  reason: z.string().min(1).optional(),
  enforce: z
    .boolean()
    .optional()
    .describe('false: decide and log would_deny/would_ask, never block'),
});

const limit = z.strictObject({
  id,
  match: serverToolGlob,
  rate: z.string().regex(/^\d+\/\d*[smhd]$/, 'write calls/window, e.g. "30/1m", "5/s", "100/10s"'),
  burst: z.int().positive().optional(),
  per: z.enum(['server', 'tool', 'agent']).optional(),
});

/** The config's `policy` section: rules, limits, explicit access classes, mode and default. */
export const policySchema = z.strictObject({
  mode: z.enum(['enforce', 'audit']).default('enforce'),
  default: z.enum(['allow', 'deny', 'ask'], {
    error: (issue) =>
      issue.input === undefined
        ? '"default" is required once a policy section exists: "allow", "deny" or "ask"'
        : undefined,
  }),
  access: z
    .record(serverToolGlob, accessClass)
    .optional()
    .describe('Explicit access class per "server/tool" glob; beats readOnlyHint'),
  rules: z.array(rule).default([]),
  limits: z.array(limit).default([]),
  labels: labelsSchema.optional(),
  flows: flowsSchema.optional(),
});

// Compile-time proof that what the loader produces is what core's compiler accepts.
type AcceptedByCore<T extends PolicySettings> = T;

/** The parsed `policy` section, as handed to `compilePolicy`. */
export type PolicyConfig = AcceptedByCore<z.output<typeof policySchema>>;
