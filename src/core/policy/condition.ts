import {
  isPathUnder,
  pathCandidates,
  resolveBase,
  type PathCandidates,
  type PathResolution,
} from './argument-path.js';
import { compileGlob } from './glob.js';
import type { ArgumentPredicateSettings, JsonScalar, OneOrMany } from './policy-settings.js';
import type { ProblemReport } from './policy-problem.js';
import { parseSelector, selectValues, type Selector } from './selector.js';
import { readUrl, type UrlReading } from './read-url.js';
import { compileHostPattern, hostMatches, type HostPattern } from './url-host.js';

/**
 * Which way a rule leans: allow rules need every selected value to pass and read ambiguity
 * strictly; deny and ask rules trigger on any value and read ambiguity in favour of triggering.
 */
export type Side = 'allow' | 'deny';

/** A compiled predicate over one selected value. */
export type ValueTest = (value: unknown, side: Side, selection: Selection) => boolean;

/** One `args` entry of a rule: a selector plus its predicates, compiled. */
export interface CompiledCondition {
  readonly selector: Selector;
  readonly exists: boolean | undefined;
  readonly tests: readonly ValueTest[];
}

/** Per-call memo of `$strings`/`$paths` and the last resolved path, so rules share the work. */
export interface Selection {
  readonly args: Readonly<Record<string, unknown>>;
  /** How this call's paths resolve (the called server's working directory or roots). */
  readonly resolution: PathResolution;
  strings: unknown[] | undefined;
  paths: unknown[] | undefined;
  lastPath: string | undefined;
  lastCandidates: PathCandidates;
  lastUrl: string | undefined;
  lastReading: UrlReading | undefined;
}

/** What compiling predicates needs to know about the machine. */
export interface ConditionContext {
  /** For `~` and symlinks in configured folders. */
  readonly resolution: Pick<PathResolution, 'home' | 'realpath'>;
  /** Relative `pathUnder` folders in the policy resolve against this. */
  readonly baseDir: string;
}

/** Creates the per-call selection memo. */
export function createSelection(
  args: Readonly<Record<string, unknown>>,
  resolution: PathResolution,
): Selection {
  return {
    args,
    resolution,
    strings: undefined,
    paths: undefined,
    lastPath: undefined,
    lastCandidates: undefined,
    lastUrl: undefined,
    lastReading: undefined,
  };
}

/** `pathCandidates`, remembered for the last path of this call (rules often share one). */
export function candidatesOf(selection: Selection, value: string): PathCandidates {
  if (selection.lastPath !== value) {
    selection.lastPath = value;
    selection.lastCandidates = pathCandidates(value, selection.resolution);
  }
  return selection.lastCandidates;
}

/** `readUrl`, remembered for the last URL of this call (`urlHost` and `scheme` share one). */
function readingOf(selection: Selection, value: unknown): UrlReading | undefined {
  if (typeof value !== 'string') return undefined;
  if (selection.lastUrl !== value) {
    selection.lastUrl = value;
    selection.lastReading = readUrl(value);
  }
  return selection.lastReading;
}

/** The values a selector picks, reusing the per-call memo for `$strings` and `$paths`. */
export function selectFrom(selection: Selection, selector: Selector): unknown[] {
  if (selector.kind === 'strings')
    return (selection.strings ??= selectValues(selection.args, selector));
  if (selector.kind === 'paths')
    return (selection.paths ??= selectValues(selection.args, selector));
  return selectValues(selection.args, selector);
}

/**
 * Whether a condition holds: allow side needs at least one value and every value passing every
 * predicate; deny side needs one value passing every predicate. `exists` gates both.
 */
export function conditionHolds(
  condition: CompiledCondition,
  selection: Selection,
  side: Side,
): boolean {
  const values = selectFrom(selection, condition.selector);
  if (condition.exists !== undefined && condition.exists !== values.length > 0) return false;
  const { tests } = condition;
  if (tests.length === 0) return true;
  if (values.length === 0) return false;
  if (side === 'allow') {
    for (const value of values) {
      for (const test of tests) if (!test(value, 'allow', selection)) return false;
    }
    return true;
  }
  for (const value of values) {
    if (passesAll(tests, value, selection)) return true;
  }
  return false;
}

/**
 * Compiles one `args` entry; problems and warnings go to `report` under `path`. A broken
 * predicate compiles fail-closed (matches for deny/ask, never for allow).
 */
export function compileCondition(
  selectorText: string,
  settings: ArgumentPredicateSettings,
  context: ConditionContext,
  path: (string | number)[],
  report: ProblemReport,
): CompiledCondition {
  const parsed = parseSelector(selectorText);
  if (!parsed.ok) report.problem(path, parsed.message);
  const selector: Selector = parsed.ok ? parsed.selector : { kind: 'strings' };
  const tests: ValueTest[] = [];
  const at = (key: string, index?: number): (string | number)[] =>
    index === undefined ? [...path, key] : [...path, key, index];

  const {
    pathUnder,
    notPathUnder,
    urlHost,
    notUrlHost,
    scheme,
    equals,
    in: oneOf,
    glob,
    regex,
    lt,
    gt,
    maxLength,
    exists,
  } = settings;
  if (pathUnder !== undefined) {
    tests.push(pathTest(pathUnder, 'under', context, at('pathUnder'), report));
  }
  if (notPathUnder !== undefined) {
    tests.push(pathTest(notPathUnder, 'outside', context, at('notPathUnder'), report));
  }
  if (urlHost !== undefined) tests.push(urlHostTest(urlHost, true, at('urlHost'), report));
  if (notUrlHost !== undefined) {
    tests.push(urlHostTest(notUrlHost, false, at('notUrlHost'), report));
  }
  if (scheme !== undefined) tests.push(schemeTest(scheme, at('scheme'), report));
  if (equals !== undefined) tests.push((value) => value === equals);
  if (oneOf !== undefined) {
    if (oneOf.length === 0) {
      report.warning(at('in'), 'an empty "in" list never matches anything');
    }
    const allowed = new Set<JsonScalar>(oneOf);
    tests.push((value) => allowed.has(value as JsonScalar));
  }
  if (glob !== undefined) tests.push(globTest(glob, at('glob'), report));
  if (regex !== undefined) tests.push(regexTest(regex, at('regex'), report));
  if (lt !== undefined) tests.push(numberTest((value) => value < lt));
  if (gt !== undefined) tests.push(numberTest((value) => value > gt));
  if (lt !== undefined && gt !== undefined && gt >= lt) {
    report.warning(path, `no number is both greater than ${gt} and less than ${lt}`);
  }
  if (maxLength !== undefined) {
    tests.push((value, side) =>
      typeof value === 'string' || Array.isArray(value)
        ? value.length <= maxLength
        : side === 'deny',
    );
  }
  if (tests.length === 0 && exists === undefined) {
    report.problem(path, 'give at least one predicate (pathUnder, urlHost, equals, exists, …)');
  }
  if (exists === false && tests.length > 0) {
    report.warning(path, '"exists": false selects nothing, so the other predicates never apply');
  }
  return { selector, exists, tests };
}

/** Whether one selected value passes every predicate of a condition, read the deny/ask way. */
export function valueTriggers(
  condition: CompiledCondition,
  value: unknown,
  selection: Selection,
): boolean {
  return condition.tests.length > 0 && passesAll(condition.tests, value, selection);
}

function passesAll(tests: readonly ValueTest[], value: unknown, selection: Selection): boolean {
  for (const test of tests) if (!test(value, 'deny', selection)) return false;
  return true;
}

function listOf<T>(value: OneOrMany<T>): readonly T[] {
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

function failClosed(_value: unknown, side: Side): boolean {
  return side === 'deny';
}

function underAny(path: string, bases: readonly string[]): boolean {
  for (const base of bases) if (isPathUnder(path, base)) return true;
  return false;
}

function pathTest(
  configured: OneOrMany<string>,
  want: 'under' | 'outside',
  context: ConditionContext,
  path: (string | number)[],
  report: ProblemReport,
): ValueTest {
  const folders = listOf(configured);
  const bases: string[] = [];
  let resolvedCount = 0;
  folders.forEach((folder, index) => {
    const resolved = resolveBase(folder, context.resolution, context.baseDir);
    if (resolved === undefined) {
      report.problem(
        typeof configured === 'string' ? path : [...path, index],
        `"${folder}" is not a path`,
      );
    } else {
      resolvedCount++;
      bases.push(...resolved);
    }
  });
  if (folders.length === 0) report.warning(path, 'an empty folder list never matches anything');
  if (resolvedCount < folders.length) return failClosed;
  // Case folding covers case-insensitive file systems, used only where it makes a rule stricter.
  const folded = bases.map((base) => base.toLowerCase());
  return (value, side, selection) => {
    if (typeof value !== 'string') return side === 'deny';
    const candidates = candidatesOf(selection, value);
    // Not a path, or relative to a base that could be anywhere here: a predicate error.
    if (candidates === undefined || candidates === 'unknown') return side === 'deny';
    // Relative on another machine: outside every folder of this one.
    if (candidates === 'elsewhere') return want === 'outside';
    if (want === 'under') {
      if (side === 'allow') {
        for (const candidate of candidates) if (!underAny(candidate, bases)) return false;
        return true;
      }
      for (const candidate of candidates) {
        if (underAny(candidate, bases) || underAny(candidate.toLowerCase(), folded)) return true;
      }
      return false;
    }
    if (side === 'allow') {
      for (const candidate of candidates) {
        if (underAny(candidate, bases) || underAny(candidate.toLowerCase(), folded)) return false;
      }
      return true;
    }
    for (const candidate of candidates) if (!underAny(candidate, bases)) return true;
    return false;
  };
}

function urlHostTest(
  hosts: OneOrMany<string>,
  want: boolean,
  path: (string | number)[],
  report: ProblemReport,
): ValueTest {
  const list = listOf(hosts);
  const patterns: HostPattern[] = [];
  list.forEach((text, index) => {
    const compiled = compileHostPattern(text);
    if (compiled.ok) patterns.push(compiled.pattern);
    else report.problem(typeof hosts === 'string' ? path : [...path, index], compiled.message);
  });
  if (list.length === 0) report.warning(path, 'an empty host list never matches anything');
  if (patterns.length < list.length) return failClosed;
  return (value, side, selection) => {
    const reading = readingOf(selection, value);
    // A URL other parsers may read another host from is an error: no allow, and deny/ask match.
    if (reading === undefined || reading.ambiguous) return side === 'deny';
    for (const pattern of patterns) if (hostMatches(reading.host, pattern)) return want;
    return !want;
  };
}

function schemeTest(
  schemes: OneOrMany<string>,
  path: (string | number)[],
  report: ProblemReport,
): ValueTest {
  const list = listOf(schemes);
  const wanted = new Set<string>();
  list.forEach((text, index) => {
    const scheme = text.toLowerCase().replace(/:$/, '');
    if (/^[a-z][a-z0-9+.-]*$/.test(scheme)) wanted.add(`${scheme}:`);
    else
      report.problem(
        typeof schemes === 'string' ? path : [...path, index],
        `"${text}" is not a URL scheme`,
      );
  });
  return (value, side, selection) => {
    const reading = readingOf(selection, value);
    if (reading === undefined || reading.ambiguous) return side === 'deny';
    return wanted.has(reading.url.protocol);
  };
}

function globTest(
  globs: OneOrMany<string>,
  path: (string | number)[],
  report: ProblemReport,
): ValueTest {
  const list = listOf(globs);
  const regexes: RegExp[] = [];
  list.forEach((text, index) => {
    const compiled = compileGlob(text);
    if (compiled.ok) regexes.push(compiled.regex);
    else report.problem(typeof globs === 'string' ? path : [...path, index], compiled.message);
  });
  if (regexes.length < list.length) return failClosed;
  return (value, side) => {
    if (typeof value !== 'string') return side === 'deny';
    for (const regex of regexes) if (regex.test(value)) return true;
    return false;
  };
}

function regexTest(source: string, path: (string | number)[], report: ProblemReport): ValueTest {
  let regex: RegExp;
  try {
    regex = new RegExp(source);
  } catch (error) {
    report.problem(path, `invalid regular expression: ${(error as Error).message}`);
    return failClosed;
  }
  return (value, side) => (typeof value === 'string' ? regex.test(value) : side === 'deny');
}

function numberTest(compare: (value: number) => boolean): ValueTest {
  return (value, side) => (typeof value === 'number' ? compare(value) : side === 'deny');
}
