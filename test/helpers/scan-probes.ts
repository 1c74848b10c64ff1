import type { Finding, Severity } from '../../src/core/scanner/finding.js';
import { createScanner } from '../../src/core/scanner/scanner.js';
import { atLeast } from '../../src/core/scanner/severity.js';

// Probes the scanner's round tests share: the rules a text raises before grading (no combiner), and whether the
// shipped scanner warns on it as a tool result or blocks it as a tool description.

/** The scanner without its combiner: every rule's own finding and severity. */
export const rawScanner = createScanner({ combiner: null });
const raw = rawScanner;
const scanner = createScanner();
const context = { server: 'helper', otherServers: [], otherToolNames: [] };
const tool = (description: string) => ({ name: 'helper_tool', description });

/** Rule ids the text raises as a tool result, before grading. */
export const rulesIn = (text: string): string[] =>
  raw.scanText(text, 'content[0].text').map((f) => f.rule);
/** Rule ids a tool description raises, before grading. */
export const rulesInTool = (description: string): string[] =>
  raw.scanTool(tool(description), context).map((f) => f.rule);
/** The text, as a tool result, warns (medium or more). */
export const warns = (text: string): boolean =>
  scanner.scanText(text, 'content[0].text').some((f) => atLeast(f.severity, 'medium'));
/** The description blocks its tool (high). */
export const blocks = (description: string): boolean =>
  scanner.scanTool(tool(description), context).some((f) => f.severity === 'high');

/** The worst severity among findings (undefined for none). */
export const worstSeverity = (found: readonly Finding[]): Severity | undefined =>
  found.some((f) => f.severity === 'high')
    ? 'high'
    : found.some((f) => f.severity === 'medium')
      ? 'medium'
      : found.length > 0
        ? 'low'
        : undefined;
/** The worst severity the shipped scanner gives the text as a tool result. */
export const resultLevel = (text: string): Severity | undefined =>
  worstSeverity(scanner.scanText(text, 'content[0].text'));
