import { z } from 'zod';
import type { FlowSettings, LabelSettings } from '../core/flows/index.js';

const label = z.enum(['untrusted', 'sensitive', 'egress']);
const sessionLabel = z.enum(['untrusted', 'sensitive']);
const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'ids are 1-64 letters, digits, ".", "_" or "-"');

/** `policy.labels`: what each tool means for data flow, beating annotations and built-in defaults. */
export const labelsSchema = z
  .record(
    z.string().min(1).describe('A canonical "server/tool" name or glob'),
    z.array(label).describe('"untrusted", "sensitive", "egress"; [] for none'),
  )
  .describe(
    'Flow labels per "server/tool" glob; an exact name beats globs, matching globs add up (docs/flows.md)',
  );

const flowRule = z.strictObject({
  id,
  after: z
    .array(sessionLabel)
    .describe('Session labels that must all have been taken in; [] for always'),
  match: z
    .string()
    .min(1)
    .describe(
      'A "server/tool" glob, or "@egress", "@untrusted", "@sensitive" for tools with that label',
    ),
  effect: z.enum(['allow', 'deny', 'ask']),
  carries: z
    .literal('sensitive')
    .optional()
    .describe('Only when the arguments carry text or a secret that a sensitive tool returned'),
  agents: z.array(z.string().min(1)).optional().describe('Principals set by --agent NAME'),
  reason: z.string().min(1).optional(),
  enforce: z
    .boolean()
    .optional()
    .describe('false: decide and log would_deny/would_ask, never block'),
});

/** `policy.flows`: flow rules over what the session has read (DESIGN §12). */
export const flowsSchema = z
  .strictObject({
    mode: z
      .enum(['enforce', 'audit', 'off'])
      .optional()
      .describe('"audit": record what flow rules would do, never block; "off": no flow control'),
    defaults: z
      .boolean()
      .optional()
      .describe(
        'Include the built-in flow rules (default true); your rule with the same id replaces one',
      ),
    untrustedFindings: z
      .enum(['low', 'medium', 'high', 'off'])
      .optional()
      .describe(
        'A result with a scanner finding at or above this severity makes the session untrusted (default medium)',
      ),
    rules: z.array(flowRule).optional(),
  })
  .describe('Flow control: untrusted input must not drive private data out (docs/flows.md)');

// Compile-time proof that what the loader produces is what core's compiler accepts.
type AcceptedByCore<T extends FlowSettings> = T;
type LabelsAcceptedByCore<T extends LabelSettings> = T;

/** The parsed `policy.flows` section. */
export type FlowsConfig = AcceptedByCore<z.output<typeof flowsSchema>>;
/** The parsed `policy.labels` section. */
export type LabelsConfig = LabelsAcceptedByCore<z.output<typeof labelsSchema>>;
