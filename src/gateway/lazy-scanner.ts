import type { Scanner } from '../core/scanner/scanner.js';
import { traceStartup } from '../backends/startup-trace.js';

/** A scanner built the first time something is scanned, or earlier by `build()`. */
export interface LazyScanner extends Scanner {
  /** Builds the scanner now unless it is built. */
  build(): void;
  readonly built: boolean;
}

/** Words a scanner of the same build found nothing in, kept across starts (the tool cache). */
export interface KnownQuietWords {
  isQuietWord(word: string): boolean;
  rememberQuietWord(word: string): void;
}

/**
 * Building the scanner (its keyword automata, pattern tables and lexicons) takes a few hundred
 * milliseconds of CPU at start. A warm start whose listings are known clean and whose first
 * calls carry values too plain to scan needs none of it before its first answer, so it is built
 * on first use, or when the gateway is idle, whichever comes first. `tables` says, for the start-up
 * trace, how much of it the bundle carried (core/scanner/precomputed.ts).
 *
 * `quietText` is asked about the single words of a call's arguments and results before they may
 * pass unscanned (`createInertCheck`: `message`, `hello`, `README.md`). Its answer depends on
 * the text and the scanner build only, so `known` (the tool cache, under `SCANNER_BUILD`)
 * remembers the words it cleared: a later start of the same build answers them without
 * building its scanner, and a first call of such words alone does not wait for the build.
 */
export const lazyScanner = (
  create: () => Scanner,
  tables?: () => { readonly precomputed: number; readonly computed: number },
  known?: KnownQuietWords,
): LazyScanner => {
  let scanner: Scanner | undefined;
  const get = (): Scanner => {
    if (scanner === undefined) {
      traceStartup('scanner: building');
      scanner = create();
      const use = tables?.();
      traceStartup(
        use === undefined
          ? 'scanner: built'
          : `scanner: built (keyword lists and tries: ${use.precomputed} from the bundle, ${use.computed} computed)`,
      );
    }
    return scanner;
  };
  return {
    get built() {
      return scanner !== undefined;
    },
    build: () => {
      get();
    },
    scanText: (text, field) => get().scanText(text, field),
    scanValue: (value, field) => get().scanValue(value, field),
    quietText: (text) => {
      if (known === undefined) return get().quietText(text);
      if (known.isQuietWord(text)) return true;
      const quiet = get().quietText(text);
      if (quiet) known.rememberQuietWord(text);
      return quiet;
    },
    scanTool: (tool, context) => get().scanTool(tool, context),
    startValue: (value, field) => get().startValue(value, field),
    startTool: (tool, context) => get().startTool(tool, context),
    startText: (text, field, options) => get().startText(text, field, options),
  };
};

/**
 * Words of MCP's own result shape, in every tool result (`{"content":[{"type":"text",…}]}`):
 * asked about while idle with the argument names, so that a warm start knows them before its
 * first call. Nothing passes the inert check unasked (`createInertCheck`); this only asks early.
 */
export const RESULT_WORDS: readonly string[] = [
  'content',
  'type',
  'text',
  'isError',
  'structuredContent',
  'mimeType',
  'resource',
  'annotations',
];

/** Most argument names one `learnArgumentNames` asks the scanner about. */
const ARGUMENT_NAMES_PER_ROUND = 256;

/**
 * Asks `scanner.quietText` about the argument names the tools declare (their input schemas' top-level
 * `properties`) and about the words of MCP's result shape (`RESULT_WORDS`: `content`, `type`, `text`…),
 * so that a `known` memory remembers the quiet ones: a call's keys are these names, and a later
 * start's first call of a tool never called before then finds them known. Only words that could be
 * remembered (a word of printable ASCII, 1–64 characters) and are not known yet are asked, each once,
 * at most 256 per round: every word of a value is asked about before the value may pass unscanned,
 * however short (`createInertCheck`). Run when the gateway is idle, after its scanner is built.
 * Returns how many were asked.
 */
export const learnArgumentNames = (
  tools: readonly { readonly inputSchema?: unknown }[],
  scanner: Pick<Scanner, 'quietText'>,
  known: Pick<KnownQuietWords, 'isQuietWord'>,
): number => {
  const asked = new Set<string>();
  const ask = (name: string): boolean => {
    if (asked.size >= ARGUMENT_NAMES_PER_ROUND) return false;
    if (name.length === 0 || name.length > 64 || asked.has(name) || known.isQuietWord(name))
      return true;
    if (!isPlainAscii(name)) return true;
    asked.add(name);
    scanner.quietText(name);
    return true;
  };
  for (const word of RESULT_WORDS) if (!ask(word)) return asked.size;
  for (const tool of tools) {
    const schema = tool.inputSchema;
    if (typeof schema !== 'object' || schema === null) continue;
    const properties = (schema as { properties?: unknown }).properties;
    if (typeof properties !== 'object' || properties === null) continue;
    for (const name of Object.keys(properties)) if (!ask(name)) return asked.size;
  }
  return asked.size;
};

const isPlainAscii = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  return true;
};
