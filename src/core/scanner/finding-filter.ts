import { compileGlob } from '../policy/glob.js';
import type { Finding, Severity } from './finding.js';
import { atLeast } from './severity.js';

/** `scanning.allow`: rules silenced for some server/tool. */
export interface ScanAllowEntry {
  readonly rule: string;
  readonly match: string;
}

/** Decides which findings count for a call: above the threshold and not silenced. */
export type FindingFilter = (
  server: string,
  tool: string | undefined,
  findings: readonly Finding[],
) => Finding[];

/** Compiles `scanning.allow` and a threshold into one filter (globs compiled once, here). */
export const createFindingFilter = (
  allow: readonly ScanAllowEntry[],
  threshold: Severity,
): FindingFilter => {
  const entries = allow.map((entry) => {
    const glob = compileGlob(entry.match);
    const prefix = entry.rule.endsWith('*') ? entry.rule.slice(0, -1) : undefined;
    return {
      matchesRule: (rule: string) =>
        prefix === undefined ? rule === entry.rule : rule.startsWith(prefix),
      matchesTool: (name: string) => (glob.ok ? glob.regex.test(name) : false),
    };
  });
  return (server, tool, findings) => {
    if (findings.length === 0) return [];
    const name = `${server}/${tool ?? ''}`;
    return findings.filter(
      (f) =>
        atLeast(f.severity, threshold) &&
        !entries.some((e) => e.matchesRule(f.rule) && e.matchesTool(name)),
    );
  };
};
