import { capFindings, type TalliedFinding } from './cap-findings.js';
import type { Surface } from './detector.js';
import type { Finding } from './finding.js';
import { childPath, isBinaryPayload, keyField } from './json-path.js';
import type { RawFinding } from './raw-finding.js';
import { dedupe } from './dedupe-findings.js';
import { flatSlice } from './flat-slice.js';
import type { TextScan } from './scan-text.js';

/** The rule of the finding that marks text the scanner did not read (too large or too slow to scan). */
export const INCOMPLETE_RULE = 'scan.incomplete';

/**
 * Strings longer than a piece (plus its overlap) are scanned piece by piece, so one step stays short: a piece of
 * the slowest text there is (every layer's triggers mixed, about 1 MB/s) holds the thread for some 60 ms.
 */
export const pieceChars = 65536;
/** Each piece reads this far past its cut, so a match that starts before the cut is seen whole. */
export const pieceOverlap = 8192;
// What walking one node (a number, an empty string, a container) counts for, in characters of work.
const nodeWork = 16;
// Findings of one long string kept before they are capped on the way (the cap applies again at its end).
const compactAbove = 4096;
// Nodes finish() walks at most to find the next string when a job stops between strings.
const finishLookahead = 65536;
/**
 * A string this long or longer that equals one the job has read whole (same surface) is not read
 * again: the first copy's findings are reported under its own field. MCP servers often send one
 * text twice (`content[0].text` and `structuredContent.result`, as FastMCP wraps a string).
 */
export const repeatMinChars = 1024;
// Strings of one length kept for that comparison: each long string is compared with a few at most
// (a compare runs at memory speed, a hundred times the scan's), however many of its length came before.
const repeatsPerLength = 4;

/** A value to walk, and the field its strings are reported under. */
export interface ScanRoot {
  readonly value: unknown;
  readonly field: string;
  readonly surface: Surface;
}

/** Where a string sits in the walk, for checks that depend on it (a schema's `description`…). */
export interface StringSite {
  readonly field: string;
  /** The key or index the string is the value of; undefined for a root or an object key. */
  readonly key: string | number | undefined;
  /** The field of the containing object or array. */
  readonly parent: string;
  readonly isKey: boolean;
}

/** Further checks on a whole string (tool definitions: exfiltration parameters, shadowing). */
export type StringCheck = (text: string, site: StringSite) => RawFinding[];

/** What a scanner adds to the walk: checks per string, strings kept for a joined read, a last pass. */
export interface ScanJobHooks {
  readonly check?: StringCheck;
  /** Which strings to keep, with their fields, for `finish` (a phrase split across fields). */
  readonly join?: (site: StringSite) => boolean;
  /** Past this many characters of kept strings in all, none are kept. */
  readonly joinLimit?: number;
  /** The last pass over the findings; `joined` is undefined when the walk was cut short or past the limit. */
  readonly finish?: (
    findings: Finding[],
    joined: readonly (readonly [string, string])[] | undefined,
  ) => Finding[];
}

/** An incremental scan: each step does a bounded amount of work, so a caller can yield between steps. */
export interface ScanJob {
  /** Scans about `chars` more characters (whole strings, pieces of long ones); true when all is scanned. */
  step(chars: number): boolean;
  readonly done: boolean;
  /** Characters scanned so far (a repeat of a long string read whole is not read again, nor counted). */
  readonly scanned: number;
  /**
   * The findings, capped per field. Called before the job is done, it adds one `scan.incomplete`
   * finding on the string where scanning stopped, its span from the first character not read;
   * that string's rest and everything after it in walk order were not scanned.
   */
  finish(reason?: string): Finding[];
}

interface Frame {
  readonly path: string;
  readonly surface: Surface;
  readonly node: Record<string, unknown> | readonly unknown[];
  readonly keys: readonly string[] | undefined;
  index: number;
  keyDone: boolean;
}

interface Current {
  readonly text: string;
  readonly site: StringSite;
  readonly surface: Surface;
  offset: number;
  found: TalliedFinding[];
}

/** A long string read whole, and its findings before the per-field cap. */
interface ReadString {
  readonly text: string;
  readonly surface: Surface;
  readonly found: readonly TalliedFinding[];
}

/**
 * Walks JSON values depth first (object keys before their values, in insertion order; arrays in
 * index order) and scans every non-empty string. The walk keeps its own stack, so nesting depth
 * costs memory, never the call stack. The findings do not depend on how the work is sliced.
 */
export function createScanJob(
  roots: readonly ScanRoot[],
  scan: TextScan,
  hooks: ScanJobHooks = {},
): ScanJob {
  const { check, join, joinLimit = Infinity, finish: lastPass } = hooks;
  let joined: [string, string][] | undefined = join === undefined ? undefined : [];
  let joinedChars = 0;
  const stack: Frame[] = [];
  let nextRoot = 0;
  let current: Current | undefined;
  let scanned = 0;
  // Work done: characters scanned plus a little for every node walked.
  let work = 0;
  let done = false;
  const out: Finding[] = [];
  let result: Finding[] | undefined;
  // Long strings read whole, by length: a repeat is found by comparing the few of its length.
  const read = new Map<number, ReadString[]>();

  // The next non-empty string in walk order; 'end' when the walk is over, 'pause' when this step's work is spent
  // on nodes alone (a value of a million numbers is walked in slices too).
  function advance(stop: number): Current | 'end' | 'pause' {
    for (;;) {
      if (work >= stop) return 'pause';
      work += nodeWork;
      const frame = stack.at(-1);
      if (frame === undefined) {
        const root = roots[nextRoot++];
        if (root === undefined) return 'end';
        const found = enter(root.value, root.field, root.surface, undefined, '');
        if (found) return found;
        continue;
      }
      const { node, keys } = frame;
      if (keys === undefined) {
        const items = node as readonly unknown[];
        if (frame.index >= items.length) {
          stack.pop();
          continue;
        }
        const i = frame.index++;
        const found = enter(items[i], childPath(frame.path, i), frame.surface, i, frame.path);
        if (found) return found;
        continue;
      }
      if (frame.index >= keys.length) {
        stack.pop();
        continue;
      }
      const key = keys[frame.index] ?? '';
      const path = childPath(frame.path, key);
      if (!frame.keyDone) {
        frame.keyDone = true;
        if (key.length > 0) {
          const site = { field: keyField(path), key: undefined, parent: frame.path, isKey: true };
          return { text: key, site, surface: frame.surface, offset: 0, found: [] };
        }
      }
      frame.index++;
      frame.keyDone = false;
      const parent = node as Record<string, unknown>;
      const item = parent[key];
      if (
        frame.surface === 'content' &&
        typeof item === 'string' &&
        isBinaryPayload(parent, key, item)
      )
        continue;
      const found = enter(item, path, frame.surface, key, frame.path);
      if (found) return found;
    }
  }

  function enter(
    value: unknown,
    path: string,
    surface: Surface,
    key: string | number | undefined,
    parent: string,
  ): Current | undefined {
    if (typeof value === 'string') {
      if (value.length === 0) return undefined;
      return {
        text: value,
        site: { field: path, key, parent, isKey: false },
        surface,
        offset: 0,
        found: [],
      };
    }
    if (typeof value !== 'object' || value === null) return undefined;
    if (Array.isArray(value)) {
      if (value.length > 0)
        stack.push({ path, surface, node: value, keys: undefined, index: 0, keyDone: false });
      return undefined;
    }
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    if (keys.length > 0)
      stack.push({ path, surface, node: record, keys, index: 0, keyDone: false });
    return undefined;
  }

  // Scans the next piece of the current string; true when the string is finished.
  function scanPiece(cur: Current): boolean {
    const { text, offset } = cur;
    const rest = text.length - offset;
    if (rest <= pieceChars + pieceOverlap) {
      // A piece is a flat copy, not a view of the text: the scanner reads it faster (flat-slice.ts).
      const piece = offset === 0 ? text : flatSlice(text, offset, text.length);
      for (const f of scan(piece, cur.surface)) cur.found.push(shift(f, offset));
      scanned += rest;
      cur.offset = text.length;
      return true;
    }
    const cut = cutPoint(text, offset + pieceChars, offset + (pieceChars >> 1));
    const piece = flatSlice(text, offset, cut + pieceOverlap);
    // Matches starting past the cut belong to the next piece, which sees more of what follows them.
    for (const f of scan(piece, cur.surface))
      if (offset + f.start < cut) cur.found.push(shift(f, offset));
    // A long string of triggers would pile up a finding per trigger; keep the pile to its cap as it grows.
    if (cur.found.length > compactAbove) cur.found = capFindings(dedupe(cur.found));
    scanned += cut - offset;
    cur.offset = cut;
    return false;
  }

  function keep(cur: Current): void {
    if (joined === undefined || join?.(cur.site) !== true) return;
    joinedChars += cur.text.length + 1;
    if (joinedChars > joinLimit) joined = undefined;
    else joined.push([cur.site.field, cur.text]);
  }

  function settle(cur: Current, upTo = cur.text.length): void {
    const found: TalliedFinding[] = cur.found.length > 1 ? dedupe(cur.found) : cur.found;
    const whole = upTo === cur.text.length;
    if (whole && cur.text.length >= repeatMinChars) {
      const same = read.get(cur.text.length);
      const entry = { text: cur.text, surface: cur.surface, found };
      if (same === undefined) read.set(cur.text.length, [entry]);
      else if (same.length < repeatsPerLength) same.push(entry);
    }
    report(cur, found, whole);
  }

  function report(cur: Current, found: readonly TalliedFinding[], whole: boolean): void {
    const all = check && whole ? found.concat(check(cur.text, cur.site)) : found;
    for (const f of capFindings(all)) {
      out.push({
        rule: f.rule,
        severity: f.severity,
        field: cur.site.field,
        span: [f.start, f.end],
        message: f.message,
      });
    }
  }

  // A string equal to a long one read whole: reported with that one's findings, not read again
  // (the scan of a text depends on the text and its surface alone). True when it was.
  function repeated(cur: Current): boolean {
    if (cur.text.length < repeatMinChars) return false;
    const same = read.get(cur.text.length);
    if (same === undefined) return false;
    for (const earlier of same) {
      if (earlier.surface !== cur.surface || earlier.text !== cur.text) continue;
      report(cur, earlier.found, true);
      keep(cur);
      return true;
    }
    return false;
  }

  return {
    get done() {
      return done;
    },
    get scanned() {
      return scanned;
    },
    step(chars) {
      const begun = scanned;
      const stop = work + Math.max(1, chars);
      while (!done && work < stop) {
        if (current === undefined) {
          const next = advance(stop);
          if (next === 'pause') break;
          if (next === 'end') {
            done = true;
            break;
          }
          if (repeated(next)) continue;
          current = next;
        }
        // Text needing more than twice what is left of the budget waits for the next step, unless it is the step's
        // first: a step reads at most its budget and half a piece, never a budget's worth and a whole piece more.
        const need = Math.min(current.text.length - current.offset, pieceChars);
        if (scanned > begun && need > 2 * (stop - work)) break;
        const before = scanned;
        const finished = scanPiece(current);
        work += scanned - before;
        if (finished) {
          settle(current);
          keep(current);
          current = undefined;
        }
      }
      return done;
    },
    finish(reason = 'the scan stopped early') {
      if (result !== undefined) return result;
      const complete = stopAt(reason);
      result = lastPass === undefined ? out : lastPass(out, complete ? joined : undefined);
      return result;
    },
  };

  // Ends the walk. Unless every string was read, adds a scan.incomplete finding where reading stopped. True when
  // every string was read.
  function stopAt(reason: string): boolean {
    if (done) return true;
    done = true;
    const cur = current;
    current = undefined;
    let field: string;
    let span: [number, number];
    if (cur !== undefined) {
      if (cur.found.length > 0) settle(cur, cur.offset);
      field = cur.site.field;
      span = [cur.offset, cur.text.length];
    } else {
      // Skip what holds no text (numbers, empty strings), a bounded walk: if only that is left, the scan is complete.
      let next = advance(work + finishLookahead * nodeWork);
      // A repeat of a string read whole costs no reading: it is reported, and the limit falls after it.
      while (typeof next === 'object' && repeated(next))
        next = advance(work + finishLookahead * nodeWork);
      if (next === 'end') return true;
      if (next === 'pause') {
        const node = nextNode();
        if (node === undefined) return true;
        [field, span] = node;
      } else {
        field = next.site.field;
        span = [0, next.text.length];
      }
    }
    out.push({
      rule: INCOMPLETE_RULE,
      severity: 'high',
      field,
      span,
      message: `not scanned (${reason}): from here on, this field and everything after it`,
    });
    stack.length = 0;
    nextRoot = roots.length;
    return false;
  }

  // Where the walk would go next (a string, a key or a container) without walking into it: O(depth).
  function nextNode(): [string, [number, number]] | undefined {
    for (;;) {
      const frame = stack.at(-1);
      if (frame === undefined) {
        const root = roots[nextRoot];
        if (root === undefined) return undefined;
        return [root.field, [0, typeof root.value === 'string' ? root.value.length : 0]];
      }
      const { node, keys } = frame;
      if (keys === undefined) {
        const items = node as readonly unknown[];
        if (frame.index < items.length) {
          const item = items[frame.index];
          return [
            childPath(frame.path, frame.index),
            [0, typeof item === 'string' ? item.length : 0],
          ];
        }
      } else if (frame.index < keys.length) {
        const key = keys[frame.index] ?? '';
        const path = childPath(frame.path, key);
        if (!frame.keyDone) return [keyField(path), [0, key.length]];
        const item = (node as Record<string, unknown>)[key];
        return [path, [0, typeof item === 'string' ? item.length : 0]];
      }
      stack.pop();
    }
  }
}

function shift(f: RawFinding, by: number): RawFinding {
  return by === 0 ? f : { ...f, start: f.start + by, end: f.end + by };
}

const NEWLINE = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

// Characters that appear inside base64, hex, %XX, \xXX and &#NN; runs: a cut there could split an encoded payload.
function encodedRunChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    c === 0x2b || // +
    c === 0x2f || // /
    c === 0x3d || // =
    c === 0x5f || // _
    c === 0x2d || // -
    c === 0x25 || // %
    c === 0x5c || // \
    c === 0x26 || // &
    c === 0x23 || // #
    c === 0x3b // ;
  );
}

/**
 * Where to end a piece: just after the last line break in [floor, nominal), else after the last
 * space or tab, else after the last character no encoded run contains, else at `nominal` (moved
 * off a surrogate pair). One backward walk of at most nominal − floor characters.
 */
function cutPoint(text: string, nominal: number, floor: number): number {
  let space = -1;
  let other = -1;
  for (let i = nominal - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) return i + 1;
    if (space < 0 && (c === SPACE || c === TAB)) space = i + 1;
    else if (other < 0 && c < 0x80 && !encodedRunChar(c)) other = i + 1;
  }
  if (space >= 0) return space;
  if (other >= 0) return other;
  const before = text.charCodeAt(nominal - 1);
  return before >= 0xd800 && before <= 0xdbff ? nominal - 1 : nominal;
}
