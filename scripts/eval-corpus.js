// @ts-check
// How the eval and the combiner's training read the shared corpus: where it is, and how a record is scanned.
import { fileURLToPath } from 'node:url';

/** @typedef {import('../dist/core/scanner/index.js').Scanner} Scanner */
/** @typedef {import('../dist/core/scanner/index.js').Finding} Finding */

/** ../shared next to the repository; a worktree elsewhere points at it with SCANNER_CORPUS_DIR. */
export const corpusDir = process.env['SCANNER_CORPUS_DIR']
  ? `${process.env['SCANNER_CORPUS_DIR'].replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../../shared/corpus/injection/', import.meta.url));

/** The scanning context of every corpus tool: no neighbours, so no shadowing. */
export const corpusContext = { server: 'eval', otherServers: [], otherToolNames: [] };

/** Parse a tool_description record: a whole tool JSON, or a bare description. @param {string} text */
export function asTool(text, name = 'tool') {
  if (text.trimStart().startsWith('{')) {
    try {
      const parsed = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        // OpenAI-style `{type: "function", function: {name, description, parameters}}`: the MCP tool it stands for.
        const fn = parsed.type === 'function' ? parsed.function : undefined;
        if (fn && typeof fn === 'object' && !Array.isArray(fn)) {
          const { parameters, ...rest } = fn;
          return {
            ...rest,
            name: typeof fn.name === 'string' ? fn.name : name,
            ...(parameters && typeof parameters === 'object' ? { inputSchema: parameters } : {}),
          };
        }
        return { ...parsed, name: typeof parsed.name === 'string' ? parsed.name : name };
      }
    } catch {
      // Not JSON: scan it as a plain description.
    }
  }
  return { name, description: text };
}

/** @param {{kind: string}} record @returns {'description' | 'content'} */
export const recordSurface = (record) =>
  record.kind === 'tool_description' ? 'description' : 'content';

/** Scan a record as the gateway sees it: a tool definition, or the text of a tool result. @param {Scanner} scanner @param {{kind: string, text: string}} record @returns {Finding[]} */
export function scanCorpusRecord(scanner, record) {
  return record.kind === 'tool_description'
    ? scanner.scanTool(asTool(record.text), corpusContext)
    : scanner.scanText(record.text, 'content[0].text');
}
