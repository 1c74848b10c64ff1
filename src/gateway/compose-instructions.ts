import { serverFingerprint, type ToolCache } from '../cache/tool-cache.js';
import type { ResolvedConfig } from '../config/resolve.js';
import { instructionsReviewKey } from '../review/instructions-review-key.js';

/** One `initialize` answer's instructions: each server's text under its name, or none at all. */
export const composeInstructions = (
  separator: string,
  parts: readonly { readonly server: string; readonly text: string | undefined }[],
): string | undefined => {
  const sections = parts
    .filter(
      (p): p is { server: string; text: string } => p.text !== undefined && p.text.trim() !== '',
    )
    .map((p) => `## ${p.server}\n${p.text.trim()}`);
  return sections.length === 0
    ? undefined
    : `This gateway serves the tools of several MCP servers, named <server>${separator}<tool>.\n\n${sections.join('\n\n')}`;
};

/**
 * The instructions an agent can be given before the scanner has loaded: the cached texts, when
 * each one scanned clean under the same review key in an earlier run (or descriptions are not
 * scanned). Undefined when some cached text still needs its review, which then comes first.
 */
export const instructionsFromCache = (
  config: ResolvedConfig,
  cache: ToolCache,
): { readonly text: string | undefined } | undefined => {
  const parts: { server: string; text: string | undefined }[] = [];
  for (const server of config.servers) {
    if (!server.enabled) continue;
    const cached = cache.get(server.name, serverFingerprint(server));
    const text = cached?.instructions;
    if (text === undefined || text === '') continue;
    if (
      config.scanning.descriptions !== 'off' &&
      cached?.instructionsClean !== instructionsReviewKey(text, config.scanning)
    )
      return undefined;
    parts.push({ server: server.name, text });
  }
  return { text: composeInstructions(config.naming.separator, parts) };
};
