import { findEncodedPayloads } from './decode.js';
import { edgeFirst, factorAssertions, loopBlanks } from './factor-assertions.js';
import type { PatternDetector, Surface } from './detector.js';
import { detectors } from './detectors.js';
import { directiveKeywords, findDirectives } from './directive.js';
import { findRegisterShifts } from './register-shift.js';
import { createVocabulary, deobfuscate, originalSpan } from './deobfuscate.js';
import { findHiddenChannels } from './hidden.js';
import { joinJsonStrings } from './joined-fields.js';
import { inViewText } from './in-view-text.js';
import { startsAtKeywords, unkeyedAlternatives } from './match-starts.js';
import { asciiLower, createKeywordIndex, hitRanks, type KeywordIndex } from './keyword-index.js';
import type { RawFinding } from './raw-finding.js';
import { secretAnchors, secretsAt } from './secrets.js';
import { dedupe } from './dedupe-findings.js';
import { changedLines, normalisedView, rawSpan, viewOf, type TextView } from './view.js';

const secretSeverity: Readonly<Record<string, RawFinding['severity']>> = {
  'private-key': 'high',
  jwt: 'low',
  'bearer-token': 'low',
  'basic-auth': 'low',
  'url-credentials': 'medium',
};

/** Scans one string with every layer; returns findings with spans in the raw string. */
export type TextScan = (text: string, surface: Surface) => RawFinding[];

// Printable ASCII plus tab and line breaks: text made only of these has no hidden characters and is its own view.
const unusual = /[^\t\n\r\x20-\x7e]/;

function hasTagCharacters(text: string): boolean {
  for (let i = text.indexOf('\udb40'); i >= 0; i = text.indexOf('\udb40', i + 1)) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdc7f) return true;
  }
  return false;
}

/** A keyword index and, per keyword, the owners its hits go to. */
interface Compiled {
  readonly index: KeywordIndex;
  readonly owners: readonly (readonly number[])[];
  /** The rank, per keyword, of hits starting at one place, when it differs from the index's own order. */
  readonly reorder?: Int32Array;
}

/** Sort each run of hits that start at one place by `rank` (insertion sort: runs are short, most of one hit). */
function inRankOrder(keyword: number[], start: readonly number[], rank: Int32Array): void {
  for (let k = 1; k < keyword.length; k++) {
    if (start[k] !== start[k - 1]) continue;
    const id = keyword[k] ?? 0;
    const r = rank[id] ?? 0;
    let j = k;
    for (; j > 0 && start[j - 1] === start[k] && (rank[keyword[j - 1] ?? 0] ?? 0) > r; j--)
      keyword[j] = keyword[j - 1] ?? 0;
    keyword[j] = id;
  }
}

/** Keyword positions grouped by owner (detector index, the directive layer, secret patterns), owners in first-hit order. */
interface Grouped {
  readonly owners: number[];
  readonly positions: Map<number, number[]>;
  /** Where a word may be obfuscated. */
  readonly hints: readonly number[];
  /** Whether the text holds a character other than printable ASCII, tab and line breaks. */
  readonly unusual: boolean;
}

/** How the detectors' regexes are run; the default is the fastest, each option exists to test it against the plain way. */
export interface TextScanOptions {
  /**
   * Try a pattern whose every match starts with one of its keywords only where the keyword pass found one
   * (match-starts.ts), instead of at every position of the window around it. Default true.
   */
  readonly stickyStarts?: boolean;
  /**
   * Stretch a window back to its line's start only for a pattern with a `^` assertion (read on the detector's
   * first run) or a detector with a `verify` (it reads the window's text), not for every pattern whose source holds
   * a `^` (negated classes) or is built on first use. Default false: since round 10 it finds what the plain scan
   * finds (speed-round10.test.ts), but with most view-form detectors carrying a verify it saves only 2% of the window
   * characters on the benign corpus, a gain below the noise of any CPU measure here.
   */
  readonly exactAnchors?: boolean;
  /** Write a lookbehind that a `\b` follows after it (factor-assertions.ts, edgeFirst). Default true. */
  readonly edgeFirst?: boolean;
  /**
   * For a pattern that opens with an alternation some of whose alternatives start at a keyword (match-starts.ts,
   * unkeyedAlternatives): try the whole pattern, sticky, at its keyword hits and where the other alternatives match,
   * instead of at every position of its windows. Default true (with `stickyStarts`).
   */
  readonly splitAlternatives?: boolean;
}

/** Compile the detector table (minus disabled rules) into a scanning function. */
export function createTextScan(
  disabledRules: ReadonlySet<string> = new Set(),
  options: TextScanOptions = {},
): TextScan {
  const stickyStarts = options.stickyStarts ?? true;
  const exactAnchors = options.exactAnchors ?? false;
  const edgesFirst = options.edgeFirst ?? true;
  const splitAlternations = stickyStarts && (options.splitAlternatives ?? true);
  const active = detectors.filter((d) => !disabledRules.has(d.id)).map(inViewForm);
  const directiveOn = !['directive.exfil-to-target', 'directive.user-voice-request'].every((id) =>
    disabledRules.has(id),
  );
  const secretsOn = !disabledRules.has('secret');
  // Owner ids: detectors 0..n-1, then the directive layer, then one per secret pattern.
  const directiveOwner = active.length;
  const secretOwner = active.length + 1;
  const secretPatterns = Math.max(0, ...secretAnchors.map((a) => a.pattern)) + 1;
  // Patterns anchored with ^ must see a real line start, not a window edge. The plain rule stretches every pattern
  // built in view form and every source holding a `^`; the exact one only a pattern with a `^` assertion, and any
  // detector with a `verify` as the plain rule does: a verify reads the window's text around its match (the
  // sentence, the paragraph, the addresses in it: lexicon/addressed-asks.ts), so a window that starts elsewhere can
  // change its answer (the round-9 property test's counterexample, a Japanese intent.memory-write). A pattern built
  // in view form is stretched too: its match is read on the normalised view, and a window cut mid-line lost a German
  // address.agent at a text's third character (speed-round10.test.ts, round 14's counterexample).
  const stretchedPlainly = (d: PatternDetector): boolean =>
    d.viewForm === true || d.pattern.source.includes('^');
  const lineAnchored: (boolean | undefined)[] = exactAnchors ? [] : active.map(stretchedPlainly);
  function anchoredAt(owner: number, d: PatternDetector): boolean {
    let known = lineAnchored[owner];
    if (known === undefined) {
      known =
        d.verify !== undefined || d.viewForm === true
          ? stretchedPlainly(d)
          : hasLineAnchor(d.pattern.source);
      lineAnchored[owner] = known;
    }
    return known;
  }
  // One keyword list per surface: rules that run on tool definitions only add nothing to a result's keyword pass.
  const listFor = (
    surface: Surface,
  ): { readonly keywords: string[]; readonly owners: number[][] } => {
    const keywords: string[] = [];
    const owners: number[][] = [];
    const slotOf = new Map<string, number>();
    const own = (kw: string, owner: number): void => {
      let slot = slotOf.get(kw);
      if (slot === undefined) {
        slot = keywords.length;
        slotOf.set(kw, slot);
        keywords.push(kw);
        owners.push([]);
      }
      owners[slot]?.push(owner);
    };
    active.forEach((d, i) => {
      if (surface === 'description' || d.descriptionOnly !== true)
        for (const kw of d.keywords) own(asciiLower(kw), i);
    });
    if (directiveOn) for (const kw of directiveKeywords) own(kw, directiveOwner);
    if (secretsOn)
      for (const a of secretAnchors) own(asciiLower(a.anchor), secretOwner + a.pattern);
    return { keywords, owners };
  };
  const descriptionList = listFor('description');
  const contentList = listFor('content');
  const descriptionIndex = createKeywordIndex(descriptionList.keywords);
  // Building an automaton of some 4,800 keywords is most of createScanner's time: a result's pass shares the
  // description's, whose own keywords go to nobody there. Hits that start at one place come in the description
  // list's order; `reorder` puts them in the result list's, so the detectors run in the same order as with an
  // automaton of its own.
  const contentSlot = new Map(contentList.keywords.map((kw, slot) => [kw, slot]));
  const contentRanks = hitRanks(contentList.keywords);
  const indexes: Readonly<Record<Surface, Compiled>> = {
    description: { index: descriptionIndex, owners: descriptionList.owners },
    content: {
      index: descriptionIndex,
      owners: descriptionList.keywords.map((kw) => {
        const slot = contentSlot.get(kw);
        return slot === undefined ? [] : (contentList.owners[slot] ?? []);
      }),
      reorder: Int32Array.from(descriptionList.keywords, (kw) => {
        const slot = contentSlot.get(kw);
        return slot === undefined ? -1 : (contentRanks[slot] ?? 0);
      }),
    },
  };

  // A disguised word any pattern looks for is read back, so the patterns see it. The description list holds every
  // keyword once.
  const vocabulary = createVocabulary(
    descriptionList.keywords.flatMap((kw) =>
      asciiLower(kw)
        .split(/[^a-z]+/)
        .filter((w) => w.length >= 4),
    ),
  );

  function group(text: string, surface: Surface): Grouped {
    const { index, owners, reorder } = indexes[surface];
    const hits = index.find(text);
    const grouped: Grouped = {
      owners: [],
      positions: new Map(),
      hints: hits.hints,
      unusual: hits.unusual,
    };
    if (reorder) inRankOrder(hits.keyword, hits.start, reorder);
    for (let k = 0; k < hits.start.length; k++) {
      const start = hits.start[k] ?? 0;
      for (const owner of owners[hits.keyword[k] ?? 0] ?? []) {
        let list = grouped.positions.get(owner);
        if (!list) {
          list = [];
          grouped.positions.set(owner, list);
          grouped.owners.push(owner);
        }
        list.push(start);
      }
    }
    return grouped;
  }

  function runPatterns(
    text: string,
    surface: Surface,
    grouped = group(text, surface),
  ): RawFinding[] {
    if (grouped.owners.length === 0 && !text.includes('@')) return [];
    const out: RawFinding[] = [];
    for (const owner of grouped.owners) {
      const detector = active[owner];
      const positions = grouped.positions.get(owner);
      if (detector && positions)
        runDetector(owner, detector, anchoredAt(owner, detector), text, positions, surface, out);
    }
    if (directiveOn) {
      const found = findDirectives(text, grouped.positions.get(directiveOwner) ?? [], surface);
      for (const f of found) if (!disabledRules.has(f.rule)) out.push(f);
    }
    return out;
  }

  // Each pattern with its bounded blank runs written as loops (factor-assertions.ts, loopBlanks): the same matches
  // from a fraction of the native code, so a long-running process stays below the code size past which V8 compiles
  // regexes without optimising them (docs/scanning.md, "Speed").
  const looped: (RegExp | undefined)[] = [];
  function loopedOf(owner: number, d: PatternDetector): RegExp {
    const ready = looped[owner];
    if (ready !== undefined) return ready;
    const own = d.pattern;
    const source = loopBlanks(own.source);
    const pattern = source === own.source ? own : new RegExp(source, own.flags);
    looped[owner] = pattern;
    return pattern;
  }
  // Whether every match of a detector starts with one of its keywords (match-starts.ts): its pattern, sticky, is
  // then tried at its keyword hits only. Read when the pattern is factored, not on a short first run: reading the
  // source costs more than one short window saves.
  const sticky: (boolean | undefined)[] = [];
  function stickyAt(owner: number, d: PatternDetector): boolean {
    let known = sticky[owner];
    if (known === undefined) {
      known = stickyStarts && startsAtKeywords(d.pattern, d.keywords.map(asciiLower));
      sticky[owner] = known;
    }
    return known;
  }
  // And with its alternations' shared word edges written once (factorAssertions): the same matches, found several
  // times faster. A pattern's first run on a short window skips that: rewriting a source of thousands of characters
  // costs more than one short window saves, and would land on the first call's path.
  const factored: (RegExp | undefined)[] = [];
  // For a sticky pattern not every match of which starts at a keyword: its alternatives that do not, as a regex of
  // their own (global), which finds the other places to try it (match-starts.ts, unkeyedAlternatives).
  const unkeyed: (RegExp | undefined)[] = [];
  const runs = new Uint32Array(active.length);
  function patternOf(owner: number, d: PatternDetector, windowChars: number): RegExp {
    const ready = factored[owner];
    if (ready !== undefined) return ready;
    const own = loopedOf(owner, d);
    if ((runs[owner] = (runs[owner] ?? 0) + 1) === 1 && windowChars < factorFrom) return own;
    const factoredSource = factorAssertions(own.source);
    const source = edgesFirst ? edgeFirst(factoredSource) : factoredSource;
    let sticky = stickyAt(owner, d);
    if (!sticky && splitAlternations) {
      const rest = unkeyedAlternatives(source, own.flags, d.keywords.map(asciiLower));
      if (rest !== undefined) {
        sticky = true;
        if (rest !== '') unkeyed[owner] = new RegExp(rest, own.flags);
      }
    }
    const flags = sticky ? `${own.flags}y` : own.flags;
    const pattern = source === own.source && flags === own.flags ? own : new RegExp(source, flags);
    factored[owner] = pattern;
    return pattern;
  }

  function runDetector(
    owner: number,
    d: PatternDetector,
    toLineStart: boolean,
    text: string,
    positions: readonly number[],
    surface: Surface,
    out: RawFinding[],
  ): void {
    const severity = surface === 'description' ? (d.descriptionSeverity ?? d.severity) : d.severity;
    const spans = windows(text, positions, d.maxLength, toLineStart);
    let windowChars = 0;
    for (let w = 0; w < spans.length; w += 2) windowChars += (spans[w + 1] ?? 0) - (spans[w] ?? 0);
    const pattern = patternOf(owner, d, windowChars);
    const push = (m: RegExpExecArray, ws: number): void => {
      if (d.verify && !d.verify(m)) return;
      out.push({
        rule: d.id,
        severity,
        start: ws + m.index,
        end: ws + m.index + m[0].length,
        message: d.message,
      });
    };
    if (pattern.sticky) {
      const rest = unkeyed[owner];
      if (rest) splitMatches(pattern, rest, text, spans, positions, push);
      else stickyMatches(pattern, text, spans, positions, push);
      return;
    }
    for (let w = 0; w < spans.length; w += 2) {
      const ws = spans[w] ?? 0;
      const we = spans[w + 1] ?? 0;
      const slice = ws === 0 && we === text.length ? text : text.slice(ws, we);
      pattern.lastIndex = 0;
      for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
        if (m[0].length === 0) {
          pattern.lastIndex++;
          continue;
        }
        push(m, ws);
      }
    }
  }

  function scanView(
    view: TextView,
    raw: string,
    surface: Surface,
    out: RawFinding[],
    rawFallback = true,
    grouped = group(view.text, surface),
  ): void {
    for (const f of runPatterns(view.text, surface, grouped)) {
      const [start, end] = rawSpan(view, f.start, f.end);
      out.push({ ...f, start, end });
    }
    // Decoded tag characters spliced into a phrase can break it in the view; then read the raw text too.
    if (rawFallback && view.segments && hasTagCharacters(raw))
      for (const f of runPatterns(raw, surface)) out.push(f);
    if (secretsOn) scanSecrets(view, grouped, out);
    // Also without hints: words cut by markup or run together are found by deobfuscate itself.
    scanDeobfuscated(view, grouped.hints, surface, out);
  }

  function scanSecrets(view: TextView, grouped: Grouped, out: RawFinding[]): void {
    const positions: number[][] = [];
    let any = false;
    for (let p = 0; p < secretPatterns; p++) {
      const list = grouped.positions.get(secretOwner + p);
      positions.push(list ?? []);
      if (list) any = true;
    }
    if (!any) return;
    for (const s of secretsAt(view.text, positions)) {
      const [start, end] = rawSpan(view, s.start, s.end);
      const rule = `secret.${s.kind}`;
      if (disabledRules.has(rule)) continue;
      out.push({
        rule,
        severity: secretSeverity[s.kind] ?? 'medium',
        start,
        end,
        message: `looks like a ${s.kind}`,
      });
    }
  }

  function scanDecoded(view: TextView, surface: Surface, out: RawFinding[]): void {
    for (const payload of findEncodedPayloads(view.text)) {
      const [start, end] = rawSpan(view, payload.start, payload.end);
      const inner = normalisedView(payload.decoded);
      const found = [...findHiddenChannels(payload.decoded), ...runPatterns(inner.text, surface)];
      // A decoded order is read as the result's own sentences are: who it speaks to, what it asks.
      if (surface === 'content') found.push(...findRegisterShifts(inner.text));
      for (const f of found) {
        out.push({
          rule: f.rule,
          severity: f.severity,
          start,
          end,
          message: `${payload.encoding}-decoded text: ${f.message}`,
        });
      }
    }
  }

  // Look-alike letters, leetspeak and split letters hide keywords: read the text once more with them undone.
  function scanDeobfuscated(
    view: TextView,
    hints: readonly number[],
    surface: Surface,
    out: RawFinding[],
  ): void {
    for (const plain of deobfuscate(view.text, hints, vocabulary)) {
      for (const f of plain.signals) out.push({ ...f, ...spanOf(view, f.start, f.end) });
      const found = runPatterns(plain.text, surface);
      // Leetspeak and look-alikes undone, the sentences are read for who they address and what they ask. Not whether
      // the text is nothing but a request: the stretch read here is a window of the text, not the whole of it.
      if (surface === 'content')
        for (const f of findRegisterShifts(plain.text))
          if (f.rule !== 'place.bare-request') found.push(f);
      for (const f of found)
        out.push({ ...f, ...spanOf(view, ...originalSpan(plain, f.start, f.end)) });
    }
  }

  // A result that is pretty-printed JSON breaks a phrase at every field: read its string values joined.
  function scanJoinedJson(view: TextView, surface: Surface, out: RawFinding[]): void {
    const pretty = view.text.includes('\n');
    // One-line JSON is read by the patterns as it is; an order split over its fields is a sentence again only joined.
    if (!pretty && surface !== 'content') return;
    const joined = pretty ? joinJsonStrings(view.text) : undefined;
    if (joined)
      for (const f of runPatterns(joined.text, surface)) {
        const [start, end] = rawSpan(view, ...originalSpan(joined, f.start, f.end));
        out.push({ ...f, start, end });
      }
    if (surface !== 'content') return;
    const lines = joinJsonStrings(view.text, true);
    if (lines)
      for (const f of findRegisterShifts(lines.text)) {
        const [start, end] = rawSpan(view, ...originalSpan(lines, f.start, f.end));
        out.push({ ...f, start, end });
      }
  }

  // Large text with a few rewritten lines: scan the raw text, and each run of rewritten lines as its own view,
  // instead of copying the whole text into a normalised view (a large copy costs more than the scan itself).
  function scanSplit(
    raw: string,
    changed: readonly number[],
    surface: Surface,
    out: RawFinding[],
    grouped: Grouped | undefined,
  ): void {
    const found: RawFinding[] = [];
    const rawView: TextView = { text: raw, segments: null, rawLength: raw.length };
    scanView(rawView, raw, surface, found, true, grouped);
    scanDecoded(rawView, surface, found);
    // The layers the whole view gets read the raw text too: pretty-printed JSON joined, and a result's sentences for
    // who they address and what they ask (before round 12 a large text with a few rewritten lines skipped both).
    scanJoinedJson(rawView, surface, found);
    if (surface === 'content') scanRegister(rawView, found);
    // Raw findings inside a rewritten line are the view's to report, unless tag characters hide text there.
    const keepAll = hasTagCharacters(raw);
    for (const f of found) if (keepAll || !inside(changed, f.start, f.end)) out.push(f);
    for (let k = 0; k < changed.length; k += 2) {
      const view = viewOf(raw, changed, changed[k], changed[k + 1]);
      scanView(view, raw, surface, out, false);
      scanDecoded(view, surface, out);
      // A run of rewritten lines is read for its sentences as well; not for whether the text is nothing but a
      // request: the run is a part of the text, not the whole of it.
      if (surface === 'content') scanRegister(view, out, 'place.bare-request');
    }
  }

  return function scanText(raw: string, surface: Surface): RawFinding[] {
    // A large text's keyword pass runs first, on the raw text: it also says whether the text is plain ASCII, which
    // a regex pass of its own would read the whole text again for. The raw text is what a large text's view is
    // (plain, or a few rewritten lines scanned apart); a small text's view may differ, and its pass runs on that.
    const early = raw.length >= splitAbove ? group(raw, surface) : undefined;
    // Fast path: printable ASCII has no hidden channels and needs no normalised view.
    const plain = early === undefined ? !unusual.test(raw) : !early.unusual;
    let out: RawFinding[] = plain ? [] : findHiddenChannels(raw);
    if (disabledRules.size && out.length) out = out.filter((f) => !disabledRules.has(f.rule));
    const changed = changedLines(raw, plain);
    let view: TextView = { text: raw, segments: null, rawLength: raw.length };
    if (changed.length > 0) {
      let rewritten = 0;
      for (let k = 0; k < changed.length; k += 2)
        rewritten += (changed[k + 1] ?? 0) - (changed[k] ?? 0);
      if (raw.length >= splitAbove && rewritten * 4 < raw.length) {
        scanSplit(raw, changed, surface, out, early);
        return out.length === 0 ? out : dedupe(out);
      }
      view = viewOf(raw, changed);
    }
    scanView(view, raw, surface, out, true, view.text === raw ? early : undefined);
    scanDecoded(view, surface, out);
    scanJoinedJson(view, surface, out);
    if (surface === 'content') scanRegister(view, out);
    return out.length === 0 ? out : dedupe(out);
  };

  // A result read sentence by sentence: requests to the reader that its data never leads up to.
  function scanRegister(view: TextView, out: RawFinding[], leaveOut?: string): void {
    for (const f of findRegisterShifts(view.text)) {
      if (disabledRules.has(f.rule) || f.rule === leaveOut) continue;
      const [start, end] = rawSpan(view, f.start, f.end);
      out.push({ ...f, start, end });
    }
  }
}

/** A detector whose keywords and pattern literals are in view form (the same detector when they already are). */
function inViewForm(d: PatternDetector): PatternDetector {
  if (d.viewForm) return d;
  const source = inViewText(d.pattern.source);
  const keywords = d.keywords.map(inViewText);
  if (source === d.pattern.source && keywords.every((k, i) => k === d.keywords[i])) return d;
  return { ...d, keywords, pattern: new RegExp(source, d.pattern.flags) };
}

// Window text from which a pattern is rewritten (factor-assertions.ts) on its first run already.
const factorFrom = 4096;

// Below this many characters the whole normalised view is cheap to build (the copy stays in the young generation).
const splitAbove = 32768;

/** A view span as raw { start, end }. */
function spanOf(view: TextView, start: number, end: number): { start: number; end: number } {
  const [s, e] = rawSpan(view, start, end);
  return { start: s, end: e };
}

/** True when [start, end) lies within one of the flat [start, end) pairs (sorted, disjoint). */
function inside(ranges: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const a = ranges[mid * 2] ?? 0;
    const b = ranges[mid * 2 + 1] ?? 0;
    if (start < a) hi = mid - 1;
    else if (start >= b) lo = mid + 1;
    else return end <= b;
  }
  return false;
}

/**
 * The matches a window-wide scan of each window finds, for a sticky pattern whose matches all start at a keyword
 * hit: the pattern tried at each hit in the window, in text order, from the end of the last match on (an empty
 * match moves on by one, as the scan does). The same window, so the same context for lookbehinds, `^` and the end.
 */
function stickyMatches(
  pattern: RegExp,
  text: string,
  spans: readonly number[],
  positions: readonly number[],
  push: (m: RegExpExecArray, ws: number) => void,
): void {
  let k = 0;
  for (let w = 0; w < spans.length; w += 2) {
    const ws = spans[w] ?? 0;
    const we = spans[w + 1] ?? 0;
    const slice = ws === 0 && we === text.length ? text : text.slice(ws, we);
    while (k < positions.length && (positions[k] ?? 0) < ws) k++;
    let next = 0;
    let tried = -1;
    for (; k < positions.length && (positions[k] ?? 0) < we; k++) {
      const at = (positions[k] ?? 0) - ws;
      if (at < next || at === tried) continue;
      tried = at;
      pattern.lastIndex = at;
      const m = pattern.exec(slice);
      if (!m) continue;
      next = m[0].length === 0 ? at + 1 : at + m[0].length;
      if (m[0].length > 0) push(m, ws);
    }
  }
}

/**
 * The matches a window-wide scan of each window finds, for a sticky pattern whose matches all start at a keyword hit
 * or where `rest` matches (global: a regex that matches wherever the pattern's alternatives that do not start at a
 * keyword lead to a match, and maybe elsewhere). From the end of the last match on, the next place to try is the
 * nearer of the next hit and the next match of `rest`; the pattern is tried there (a try that fails moves on by one),
 * and the first that succeeds is the leftmost match the window's scan finds, since every place the pattern matches
 * is one of those. The same window, so the same context for lookbehinds, `^` and the end, and the same match at each
 * place.
 */
export function splitMatches(
  pattern: RegExp,
  rest: RegExp,
  text: string,
  spans: readonly number[],
  positions: readonly number[],
  push: (m: RegExpExecArray, ws: number) => void,
): void {
  let k = 0;
  for (let w = 0; w < spans.length; w += 2) {
    const ws = spans[w] ?? 0;
    const we = spans[w + 1] ?? 0;
    const slice = ws === 0 && we === text.length ? text : text.slice(ws, we);
    while (k < positions.length && (positions[k] ?? 0) < ws) k++;
    let from = 0;
    // Where `rest` next matches at or after `from` (-1: not looked for yet; the slice's length: nowhere).
    let restAt = -1;
    for (;;) {
      while (k < positions.length && (positions[k] ?? 0) - ws < from) k++;
      const hit =
        k < positions.length && (positions[k] ?? 0) < we ? (positions[k] ?? 0) - ws : slice.length;
      if (restAt < from) {
        rest.lastIndex = from;
        const m = rest.exec(slice);
        restAt = m ? m.index : slice.length;
      }
      const at = Math.min(hit, restAt);
      if (at >= slice.length) break;
      pattern.lastIndex = at;
      const m = pattern.exec(slice);
      if (!m || m[0].length === 0) {
        from = at + 1;
        continue;
      }
      push(m, ws);
      from = at + m[0].length;
    }
  }
}

/** Whether a regex source holds a `^` assertion (not a class's negation, not an escaped `^`). */
export function hasLineAnchor(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (inClass) inClass = c !== 0x5d;
    else if (c === 0x5b) {
      // (A `]` right after `[` closes it: `[]` is the empty class.)
      inClass = true;
    } else if (c === 0x5e) return true;
  }
  return false;
}

/** Merged [start, end) windows (flat pairs) around keyword positions, wide enough for a match of `reach` chars. */
function windows(
  text: string,
  positions: readonly number[],
  reach: number,
  toLineStart: boolean,
): number[] {
  const spans: number[] = [];
  // Positions arrive in text order from the keyword index.
  for (const pos of positions) {
    let start = Math.max(0, pos - reach);
    const end = Math.min(text.length, pos + reach + 32);
    const last = spans.length - 1;
    // Nearby windows merge: one longer regex run is cheaper than many short ones.
    if (last > 0 && start <= (spans[last] ?? 0) + 256) {
      spans[last] = Math.max(spans[last] ?? 0, end);
      continue;
    }
    if (toLineStart) {
      for (let k = start - 1, stop = Math.max(0, start - 500); k >= stop; k--) {
        if (text.charCodeAt(k) === 10) {
          start = k + 1;
          break;
        }
      }
    }
    if (last > 0 && start <= (spans[last] ?? 0) + 256)
      spans[last] = Math.max(spans[last] ?? 0, end);
    else spans.push(start, end);
  }
  return spans;
}

// Moved to dedupe-findings.ts so that scan-job.ts (on the gateway's start path) does not load the
// whole text scan through this module; re-exported for the modules that take it from here.
export { dedupe };
