import { compileGlob, isLiteralGlob } from '../policy/glob.js';
import type { PolicyProblem } from '../policy/policy-problem.js';
import {
  bitsOf,
  EGRESS,
  labelsOf,
  UNTRUSTED,
  type FlowLabel,
  type LabelBits,
} from './flow-label.js';
import type { KnownServer } from './known-servers.js';
import { recognizeServer, type ServerIdentity } from './recognize-server.js';

/** `policy.labels`: a `server/tool` name or glob → the tool's labels (an empty list: none). */
export type LabelSettings = Readonly<Record<string, readonly FlowLabel[]>>;

/** The annotations labels are read from. */
export interface LabelAnnotations {
  readonly readOnlyHint?: boolean | undefined;
  readonly openWorldHint?: boolean | undefined;
}

/** A tool's labels and where they came from. */
export interface ToolLabels {
  readonly bits: LabelBits;
  readonly labels: readonly FlowLabel[];
  /** `config`, `annotations`, `builtin:<id>`, `annotations+builtin:<id>` or `none`. */
  readonly source: string;
}

/** Resolves a tool's labels; remembers the answer per tool. */
export interface LabelResolver {
  labelsFor(server: string, tool: string, annotations: LabelAnnotations | undefined): ToolLabels;
  /** The well-known server a configured server was recognised as, if any. */
  knownServer(server: string): { readonly id: string; readonly by: string } | undefined;
}

/** What label resolution is built from: the config's `policy.labels` and each server's identity. */
export interface LabelResolverOptions {
  readonly labels: LabelSettings | undefined;
  readonly servers: readonly { readonly name: string; readonly identity: ServerIdentity }[];
}

interface CompiledKnown {
  readonly server: KnownServer;
  readonly by: string;
  readonly tools: readonly { readonly match: RegExp; readonly bits: LabelBits }[];
  readonly otherBits: LabelBits;
}

const NONE: ToolLabels = Object.freeze({ bits: 0, labels: Object.freeze([]), source: 'none' });
// Tool names come from backend catalogs; the cap keeps a hostile backend from growing the memo.
const MAX_REMEMBERED = 50_000;

/**
 * Builds the resolver. Sources, in order (DESIGN §12): a `policy.labels` entry decides alone (an
 * exact `server/tool` beats globs; several matching globs add up); otherwise annotations
 * (`openWorldHint: true` → untrusted, plus egress unless `readOnlyHint`) together with the
 * built-in defaults of a recognised server: a server's claims about itself may add labels to
 * the defaults but never remove them.
 */
export function createLabelResolver(options: LabelResolverOptions): {
  resolver: LabelResolver;
  problems: PolicyProblem[];
} {
  const problems: PolicyProblem[] = [];
  const exact = new Map<string, LabelBits>();
  const globs: { match: RegExp; bits: LabelBits }[] = [];
  for (const [pattern, labels] of Object.entries(options.labels ?? {})) {
    const bits = bitsOf(labels);
    if (isLiteralGlob(pattern)) {
      if (!pattern.includes('/'))
        problems.push({
          path: ['labels', pattern],
          message: `"${pattern}" names no server: write "server/tool" or a glob such as "${pattern}/*"`,
        });
      exact.set(pattern, bits);
      continue;
    }
    const glob = compileGlob(pattern);
    if (!glob.ok) problems.push({ path: ['labels', pattern], message: glob.message });
    else globs.push({ match: glob.regex, bits });
  }
  const known = new Map<string, CompiledKnown>();
  for (const { name, identity } of options.servers) {
    const recognised = recognizeServer(identity);
    if (recognised !== undefined) known.set(name, compileKnown(recognised.server, recognised.by));
  }
  // By server, then tool: a call's lookup hashes the two names it carries (V8 keeps a string's
  // hash), where a `server/tool` key would be a new string to build and hash on every call.
  const memo = new Map<
    string,
    Map<string, { annotations: LabelAnnotations | undefined; labels: ToolLabels }>
  >();
  let remembered = 0;

  const resolve = (
    server: string,
    tool: string,
    annotations: LabelAnnotations | undefined,
  ): ToolLabels => {
    const name = `${server}/${tool}`;
    const fromConfig = exact.get(name) ?? fromGlobs(globs, name);
    if (fromConfig !== undefined) return toolLabels(fromConfig, 'config');
    const hinted =
      annotations?.openWorldHint === true
        ? UNTRUSTED | (annotations.readOnlyHint === true ? 0 : EGRESS)
        : undefined;
    const builtin = known.get(server);
    const builtinBits = builtin === undefined ? undefined : builtinLabels(builtin, tool);
    if (hinted === undefined && builtinBits === undefined) return NONE;
    if (builtinBits === undefined) return toolLabels(hinted ?? 0, 'annotations');
    const source = `builtin:${builtin?.server.id ?? ''}`;
    if (hinted === undefined || (hinted | builtinBits) === builtinBits)
      return toolLabels(builtinBits, source);
    return toolLabels(hinted | builtinBits, `annotations+${source}`);
  };

  return {
    problems,
    resolver: {
      labelsFor(server, tool, annotations) {
        let tools = memo.get(server);
        const known = tools?.get(tool);
        if (known !== undefined && known.annotations === annotations) return known.labels;
        const labels = resolve(server, tool, annotations);
        if (known === undefined && remembered >= MAX_REMEMBERED) return labels;
        if (tools === undefined) {
          tools = new Map();
          memo.set(server, tools);
        }
        if (known === undefined) remembered++;
        tools.set(tool, { annotations, labels });
        return labels;
      },
      knownServer(server) {
        const found = known.get(server);
        return found === undefined ? undefined : { id: found.server.id, by: found.by };
      },
    },
  };
}

function fromGlobs(
  globs: readonly { match: RegExp; bits: LabelBits }[],
  name: string,
): LabelBits | undefined {
  let bits: LabelBits | undefined;
  for (const glob of globs) if (glob.match.test(name)) bits = (bits ?? 0) | glob.bits;
  return bits;
}

function compileKnown(server: KnownServer, by: string): CompiledKnown {
  return {
    server,
    by,
    tools: server.tools.map((entry) => {
      const glob = compileGlob(entry.match);
      // The table is ours and tested; a broken glob would be a bug, caught by its unit test.
      return { match: glob.ok ? glob.regex : /(?!)/, bits: bitsOf(entry.labels) };
    }),
    otherBits: bitsOf(server.otherTools),
  };
}

function builtinLabels(known: CompiledKnown, tool: string): LabelBits {
  for (const entry of known.tools) if (entry.match.test(tool)) return entry.bits;
  return known.otherBits;
}

function toolLabels(bits: LabelBits, source: string): ToolLabels {
  return { bits, labels: labelsOf(bits), source };
}
