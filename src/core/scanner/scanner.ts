import { gradeFindings, type CombinerModel } from './combiner.js';
import { combinerModel } from './combiner-model.js';
import type { Finding } from './finding.js';
import { collectStrings, joinPieces, locatePiece } from './joined-fields.js';
import type { RawFinding } from './raw-finding.js';
import { findExfilParameter, findShadowing, type ToolContext } from './scan-tool.js';
import { createTextScan } from './scan-text.js';
import type { Surface } from './detector.js';

/** Scanner options. */
export interface ScanOptions {
  /** Rule ids (e.g. `role.persona`, or `secret` for every secret rule) that never report. */
  readonly disabledRules?: readonly string[];
  /** Tool names known to the gateway (all servers), used for shadowing when scanTool gets no list of its own. */
  readonly knownToolNames?: readonly string[];
  /** Stop walking JSON values deeper than this (default 64). */
  readonly maxDepth?: number;
  /** The model that grades a text's signals together (default: the shipped one); null reports each rule's own severity. */
  readonly combiner?: CombinerModel | null;
}

/** A tool definition as scanTool reads it. */
export interface ScannableTool {
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  readonly inputSchema?: unknown;
  readonly annotations?: unknown;
}

/** The content scanner: pure, synchronous, no I/O. */
export interface Scanner {
  /** Scan one string found at `field`; spans are offsets in the raw string. */
  scanText(text: string, field: string): Finding[];
  /** Walk a JSON value (tool result, arguments) and scan every string; field = JSON path like `content[0].text`, `args.url`. Object keys are scanned too. */
  scanValue(value: unknown, field: string): Finding[];
  /** Scan a whole tool definition: name, title, description, every description/title inside inputSchema, annotations; plus poisoning cues and cross-server shadowing. */
  scanTool(tool: ScannableTool, context: ToolContext): Finding[];
}

const identifier = /^[A-Za-z_$][\w$]*$/;

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (identifier.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}

function attach(field: string, found: readonly RawFinding[]): Finding[] {
  return found.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    field,
    span: [f.start, f.end],
    message: f.message,
  }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Create a scanner; compile the detector table once and reuse the scanner for every call. */
export function createScanner(options: ScanOptions = {}): Scanner {
  const disabled = new Set(options.disabledRules ?? []);
  const scan = createTextScan(disabled);
  const maxDepth = options.maxDepth ?? 64;
  const enabled = (f: RawFinding): boolean => !disabled.has(f.rule);
  const model = options.combiner === undefined ? combinerModel : options.combiner;
  // One verdict per scanned unit (a text, a JSON value, a whole tool): signals weigh together.
  const grade = (found: Finding[], surface: Surface): Finding[] =>
    model ? gradeFindings(found, surface, model) : found;

  // Tool definitions come from untrusted servers: a "string" field may be anything at runtime.
  function scanString(text: unknown, field: string, surface: Surface): Finding[] {
    return typeof text !== 'string' || text.length === 0 ? [] : attach(field, scan(text, surface));
  }

  function walk(
    value: unknown,
    field: string,
    surface: Surface,
    depth: number,
    out: Finding[],
  ): void {
    if (typeof value === 'string') {
      out.push(...scanString(value, field, surface));
      return;
    }
    if (depth >= maxDepth || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(item, childPath(field, i), surface, depth + 1, out);
      });
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      const path = childPath(field, key);
      out.push(...scanString(key, `${path}#key`, surface));
      walk(item, path, surface, depth + 1, out);
    }
  }

  // A phrase split across fields (parameter descriptions, result properties) reads whole in the joined text.
  function scanJoined(
    pieces: readonly [string, string][],
    surface: Surface,
    found: readonly Finding[],
  ): Finding[] {
    // Only prose can carry half a phrase: "text" in content[0].type, ids and enums are left out.
    const prose = pieces.filter(([, text]) => text.includes(' '));
    const texts = prose.map(([, text]) => text);
    const joined = joinPieces(texts);
    if (!joined) return [];
    const seen = new Set(found.map((f) => f.rule));
    const out: Finding[] = [];
    for (const f of scan(joined.text, surface)) {
      if (seen.has(f.rule)) continue;
      const at = locatePiece(joined, texts, f.start, f.end);
      out.push(...attach(prose[at.index]?.[0] ?? '', [{ ...f, start: at.start, end: at.end }]));
    }
    return out;
  }

  function walkSchema(schema: unknown, field: string, depth: number, out: Finding[]): void {
    if (depth >= maxDepth) return;
    if (Array.isArray(schema)) {
      schema.forEach((item, i) => {
        walkSchema(item, childPath(field, i), depth + 1, out);
      });
      return;
    }
    if (!isRecord(schema)) return;
    for (const [key, item] of Object.entries(schema)) {
      const path = childPath(field, key);
      if ((key === 'description' || key === 'title') && typeof item === 'string') {
        out.push(...scanString(item, path, 'description'));
        const exfil = findExfilParameter(item);
        if (exfil && enabled(exfil) && field !== 'inputSchema') out.push(...attach(path, [exfil]));
      } else if (key === 'properties' && isRecord(item)) {
        for (const name of Object.keys(item))
          out.push(...scanString(name, `${childPath(path, name)}#key`, 'description'));
        walkSchema(item, path, depth + 1, out);
      } else if (typeof item === 'object') {
        walkSchema(item, path, depth + 1, out);
      }
    }
  }

  function schemaTexts(
    schema: unknown,
    field: string,
    depth: number,
    out: [string, string][],
  ): void {
    if (depth >= maxDepth || typeof schema !== 'object' || schema === null) return;
    for (const [key, item] of Object.entries(schema)) {
      const path = childPath(field, key);
      if ((key === 'description' || key === 'title') && typeof item === 'string')
        out.push([path, item]);
      else schemaTexts(item, path, depth + 1, out);
    }
  }

  return {
    scanText(text, field) {
      return grade(scanString(text, field, 'content'), 'content');
    },
    scanValue(value, field) {
      const out: Finding[] = [];
      walk(value, field, 'content', 0, out);
      const pieces =
        typeof value === 'object' ? collectStrings(value, field, childPath, maxDepth) : undefined;
      if (pieces) out.push(...scanJoined(pieces, 'content', out));
      return grade(out, 'content');
    },
    scanTool(tool, context) {
      const out: Finding[] = [];
      out.push(...scanString(tool.name, 'name', 'description'));
      out.push(...scanString(tool.title, 'title', 'description'));
      out.push(...scanString(tool.description, 'description', 'description'));
      walkSchema(tool.inputSchema, 'inputSchema', 0, out);
      walk(tool.annotations, 'annotations', 'description', 0, out);
      const ctx: ToolContext =
        context.otherToolNames.length === 0 && options.knownToolNames
          ? { ...context, otherToolNames: options.knownToolNames.filter((n) => n !== tool.name) }
          : context;
      const texts: [string, string][] =
        typeof tool.description === 'string' ? [['description', tool.description]] : [];
      schemaTexts(tool.inputSchema, 'inputSchema', 0, texts);
      out.push(...scanJoined(texts, 'description', out));
      if (!disabled.has('poison.cross-server-shadowing')) {
        for (const [field, text] of texts) out.push(...attach(field, findShadowing(text, ctx)));
      }
      return grade(out, 'description');
    },
  };
}
