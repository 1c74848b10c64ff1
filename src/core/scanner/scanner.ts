import type { CombinerModel } from './combiner.js';
import { combinerModel } from './combiner-model.js';
import { findDescriptionIntent, toolFacets } from './description-intent.js';
import { gradeInstructions, gradeUnit } from './grade-unit.js';
import type { Surface } from './detector.js';
import type { Finding } from './finding.js';
import { JOINED_LONE_WORDS } from './inert-value.js';
import { joinLimit, joinPieces, locatePiece } from './joined-fields.js';
import type { RawFinding } from './raw-finding.js';
import {
  createScanJob,
  type ScanJob,
  type ScanJobHooks,
  type StringCheck,
  type StringSite,
} from './scan-job.js';
import {
  createShadowFinder,
  createHijackFinder,
  findExfilParameter,
  toolPurpose,
  judgeTool,
  type ShadowFinder,
  type ToolContext,
} from './scan-tool.js';
import { createTextScan } from './scan-text.js';
import { outsideSpeech } from './outside-speech.js';
import { inInstructions } from './instructions-register.js';
import { unlessForbidden } from './prohibited-acts.js';

/** Scanner options. */
export interface ScanOptions {
  /** Rule ids (e.g. `role.persona`, or `secret` for every secret rule) that never report. */
  readonly disabledRules?: readonly string[];
  /** Tool names known to the gateway (all servers), used for shadowing when scanTool gets no list of its own. */
  readonly knownToolNames?: readonly string[];
  /** The model that grades a text's signals together (default: the shipped one); null reports each rule's own severity. */
  readonly combiner?: CombinerModel | null;
}

/**
 * A tool definition as scanTool reads it: every field is read, those named here and any other
 * (`outputSchema`, `_meta`, `icons`, fields a future spec adds), since a client may show the
 * model any of them.
 */
export interface ScannableTool {
  readonly name: string;
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  readonly inputSchema?: unknown;
  readonly outputSchema?: unknown;
  readonly annotations?: unknown;
  readonly _meta?: unknown;
  readonly [field: string]: unknown;
}

/** The content scanner: pure, synchronous, no I/O. */
export interface Scanner {
  /** Scan one string found at `field`; spans are offsets in the raw string. */
  scanText(text: string, field: string): Finding[];
  /** Walk a JSON value (tool result, arguments) and scan every string; field = JSON path like `content[0].text`, `args.url`. Object keys are scanned too. */
  scanValue(value: unknown, field: string): Finding[];
  /** Scan a whole tool definition: every string in it (name, descriptions, both schemas with their defaults, enums, examples and comments, annotations, `_meta`), plus poisoning cues and cross-server shadowing. */
  scanTool(tool: ScannableTool, context: ToolContext): Finding[];
  /** True when no layer of the text scan reports anything on `text` alone, before grading (`createInertCheck`). */
  quietText(text: string): boolean;
  /** scanValue as a job run step by step, so a caller can yield between steps and stop at a limit. */
  startValue(value: unknown, field: string): ScanJob;
  /** scanTool as a job run step by step. */
  startTool(tool: ScannableTool, context: ToolContext): ScanJob;
  /**
   * One text as a job; `description` weighs poisoning cues as in a tool definition (a server's
   * `instructions`), and a context adds cross-server shadowing.
   */
  startText(
    text: string,
    field: string,
    options: { readonly surface: Surface; readonly context?: ToolContext },
  ): ScanJob;
}

const schemaRoots = new Set(['inputSchema', 'outputSchema']);
// A word or phrase of letters (any script) and in-word punctuation, without digits or separators of ids.
const loneWord = /^[\p{L}\p{M}'’,.!?、。，！？-]{2,200}$/u;
// How much of each end of a long field joins with its neighbours: more than the longest phrase a pattern reads.
const joinEdge = 1024;

/** An offset in a field's joined ends (`joinEdge` characters, a blank line, `joinEdge` characters) as one in the field. */
function untrim(offset: number, length: number): number {
  if (length <= 2 * joinEdge + 2 || offset <= joinEdge) return offset;
  return offset < joinEdge + 2 ? joinEdge : length - joinEdge + (offset - joinEdge - 2);
}

/** Create a scanner; compile the detector table once and reuse the scanner for every call. */
export function createScanner(options: ScanOptions = {}): Scanner {
  const disabled = new Set(options.disabledRules ?? []);
  // A cue in a character's line (a story's quotation, a script's dialogue) gives the reader no order (outside-speech.ts).
  // A register shift in text that instructs its human reader throughout is that text's register (instructions-register.ts).
  // An ask in a clause that forbids it asks nothing (prohibited-acts.ts).
  const scan = unlessForbidden(inInstructions(outsideSpeech(createTextScan(disabled))));
  const exfilOn = !disabled.has('poison.exfil-parameter');
  const shadowOn = !disabled.has('poison.cross-server-shadowing');
  const hijackOn = !disabled.has('poison.tool-shadowing');
  // One finder per listing: every tool of a server is reviewed with the same context arrays.
  let shadowCache: { key: readonly unknown[]; finder: ShadowFinder } | undefined;

  const finderFor = (tool: ScannableTool, context: ToolContext): ShadowFinder => {
    if (context.otherToolNames.length === 0 && options.knownToolNames) {
      const otherToolNames = options.knownToolNames.filter((n) => n !== tool.name);
      return createShadowFinder({ ...context, otherToolNames });
    }
    const key = [context.server, context.otherServers, context.otherToolNames];
    if (shadowCache?.key.every((k, i) => k === key[i]) !== true)
      shadowCache = { key, finder: createShadowFinder(context) };
    return shadowCache.finder;
  };

  const toolCheck = (tool: ScannableTool, context: ToolContext): StringCheck => {
    const shadows = shadowOn ? finderFor(tool, context) : undefined;
    // A parameter's ask is judged against what the tool is for (its name, title and description).
    const purpose = exfilOn ? toolPurpose(tool) : '';
    const hijack = hijackOn
      ? createHijackFinder(typeof tool.name === 'string' ? tool.name : '')
      : undefined;
    // What the whole definition claims or does, for an attack split between its fields.
    const facets = toolFacets(tool);
    const ownName = typeof tool.name === 'string' ? tool.name : '';
    return (text, site) => {
      if (site.isKey) return [];
      // An input schema's default or enum value can carry an order too ("run-me-before-any-other-tool").
      if (site.key === 'default' || /\.(?:enum|examples)$/.test(site.parent))
        return /^inputSchema\b/.test(site.field) && /[\s_-]/.test(text)
          ? [
              // A sentence in a default names a neighbour's tool as a description would.
              ...(shadows && /\s/.test(text) ? shadows(text, ownName) : []),
              ...findDescriptionIntent(text.replace(/[_-]+/g, ' '), ownName, {
                ...facets,
                schemaValue: true,
              }),
              // A default the model passes as it is: "cat ~/.config/gh/hosts.yml".
              ...(exfilOn
                ? [findExfilParameter(text, purpose)].filter((f) => f !== undefined)
                : []),
            ]
          : [];
      if (site.key !== 'description' && site.key !== 'title') return [];
      const root = /^[A-Za-z]+/.exec(site.field)?.[0] ?? '';
      const inSchema = schemaRoots.has(root);
      if (!inSchema && site.field !== 'description') return [];
      const out: RawFinding[] = [];
      // A parameter's description asking for the conversation or a file; the schema's own description is not a parameter's.
      if (exfilOn && root === 'inputSchema' && site.parent !== 'inputSchema') {
        const exfil = findExfilParameter(text, purpose);
        if (exfil) out.push(exfil);
      }
      // Orders about other tools need the tool's own name to tell them from advice about itself.
      if (hijack && !inSchema) {
        const order = hijack(text);
        if (order) out.push(order);
      }
      if (shadows) out.push(...shadows(text, typeof tool.name === 'string' ? tool.name : ''));
      out.push(
        ...findDescriptionIntent(text, typeof tool.name === 'string' ? tool.name : '', facets),
      );
      return out;
    };
  };

  const model = options.combiner === undefined ? combinerModel : options.combiner;
  // One verdict per scanned unit (a text, a JSON value, a whole tool): signals weigh together.
  // A tool definition's decisive cues stay high whatever the combiner's intercept (grade-unit.ts).
  const grade = (found: Finding[], surface: Surface): Finding[] =>
    model ? gradeUnit(found, surface, model) : found;

  // A phrase split across fields (parameter descriptions, result properties) reads whole in the joined text.
  function scanJoined(
    pieces: readonly (readonly [string, string])[],
    surface: Surface,
    found: readonly Finding[],
  ): Finding[] {
    // Only prose can carry part of a phrase: ids, numbers, paths and urls are left out. A lone word counts next
    // to prose ("ignore" / "all previous instructions"; text in a script written without spaces is such a word).
    // A few lone words alone do not join: a value of a few short words is one the hot path need not scan at all
    // (inert-value.ts); from JOINED_LONE_WORDS on they do (an order cut one word per field).
    let lone = 0;
    for (const [, text] of pieces) if (loneWord.test(text)) lone++;
    const spaced = lone >= JOINED_LONE_WORDS || pieces.some(([, text]) => text.includes(' '));
    const prose = pieces.filter(
      ([, text]) => text.includes(' ') || (spaced && loneWord.test(text)),
    );
    const texts = prose.map(([, text]) => text);
    // A phrase split across fields spans a junction: each long piece is joined by its two ends only (the middle
    // was scanned on its own), so joining costs about a kilobyte per field, however long the fields are.
    const ends = texts.map((text) =>
      text.length <= 2 * joinEdge + 2
        ? text
        : `${text.slice(0, joinEdge)}\n\n${text.slice(text.length - joinEdge)}`,
    );
    const joined = joinPieces(ends);
    if (!joined) return [];
    const seen = new Set(found.map((f) => f.rule));
    const out: Finding[] = [];
    for (const f of scan(joined.text, surface)) {
      if (seen.has(f.rule)) continue;
      const at = locatePiece(joined, ends, f.start, f.end);
      const length = texts[at.index]?.length ?? 0;
      out.push({
        rule: f.rule,
        severity: f.severity,
        field: prose[at.index]?.[0] ?? '',
        span: [untrim(at.start, length), untrim(at.end, length)],
        message: f.message,
      });
    }
    return out;
  }

  // Joining, then grading, once the whole unit is read; a unit not read to the end is graded as it is.
  const finishing = (
    surface: Surface,
    joins: ((site: StringSite) => boolean) | undefined,
    limit = Infinity,
    judge: (found: Finding[]) => Finding[] = (found) => found,
  ): Pick<ScanJobHooks, 'join' | 'joinLimit' | 'finish'> => ({
    ...(joins === undefined ? {} : { join: joins, joinLimit: limit }),
    finish: (found, pieces) =>
      grade(
        judge(pieces === undefined ? found : [...found, ...scanJoined(pieces, surface, found)]),
        surface,
      ),
  });
  // Every string of a result or argument set joins, keys excepted, and so are MCP's `type` and `mimeType`: an
  // enum, never part of a phrase, that would otherwise make every text result a second, joined text to scan.
  const valueJoins = (site: StringSite): boolean =>
    !site.isKey && site.key !== 'type' && site.key !== 'mimeType';
  // A tool's description and the descriptions and titles of its input schema join.
  const toolJoins = (site: StringSite): boolean =>
    !site.isKey &&
    (site.field === 'description' ||
      (/^inputSchema\b/.test(site.field) && (site.key === 'description' || site.key === 'title')));

  const startValue = (value: unknown, field: string): ScanJob =>
    createScanJob([{ value, field, surface: 'content' }], scan, {
      // Past joinLimit characters of strings in all, a value is not joined: a large result is not read twice.
      ...finishing('content', typeof value === 'object' ? valueJoins : undefined, joinLimit),
    });
  const startTool = (tool: ScannableTool, context: ToolContext): ScanJob =>
    createScanJob([{ value: tool, field: '', surface: 'description' }], scan, {
      check: toolCheck(tool, context),
      // A description's ask for data is judged against what the tool is for, as a parameter's is.
      ...finishing('description', toolJoins, Infinity, (found) => judgeTool(found, tool)),
    });
  const startText = (
    text: string,
    field: string,
    { surface, context }: { readonly surface: Surface; readonly context?: ToolContext },
  ): ScanJob => {
    const shadows = context && shadowOn ? finderFor({ name: '' }, context) : undefined;
    // A server's instructions get the description reading, knowing they may order their own tools.
    const intent = surface === 'description';
    return createScanJob([{ value: text, field, surface }], scan, {
      ...(shadows === undefined && !intent
        ? {}
        : {
            check: (whole: string, site: StringSite) =>
              site.isKey
                ? []
                : [
                    ...(shadows ? shadows(whole) : []),
                    ...(intent ? findDescriptionIntent(whole, '', { instructions: true }) : []),
                  ],
          }),
      ...(intent
        ? { finish: (found: Finding[]) => gradeInstructions(found, model) }
        : finishing(surface, undefined)),
    });
  };
  const run = (job: ScanJob): Finding[] => {
    job.step(Infinity);
    return job.finish();
  };

  return {
    scanText: (text, field) => run(startValue(text, field)),
    scanValue: (value, field) => run(startValue(value, field)),
    quietText: (text) => scan(text, 'content').length === 0,
    scanTool: (tool, context) => run(startTool(tool, context)),
    startValue,
    startTool,
    startText,
  };
}
