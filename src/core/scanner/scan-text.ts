import { findEncodedPayloads } from './decode.js';
import type { PatternDetector, Surface } from './detector.js';
import { detectors } from './detectors.js';
import { directiveKeywords, findDirectives } from './directive.js';
import { findHiddenChannels } from './hidden.js';
import { asciiLower, createKeywordIndex, type KeywordHit } from './keyword-index.js';
import type { RawFinding } from './raw-finding.js';
import { findSecrets } from './secrets.js';
import { atLeast } from './severity.js';
import { normalisedView, rawSpan, type TextView } from './view.js';

const secretSeverity: Readonly<Record<string, RawFinding['severity']>> = {
  'private-key': 'high',
  jwt: 'low',
  'bearer-token': 'low',
  'basic-auth': 'low',
  'url-credentials': 'medium',
};

/** Scans one string with every layer; returns findings with spans in the raw string. */
export type TextScan = (text: string, surface: Surface) => RawFinding[];

const directiveOwner = -1;
const hasTagCharacters = /\udb40[\udc00-\udc7f]/;

/** Compile the detector table (minus disabled rules) into a scanning function. */
export function createTextScan(disabledRules: ReadonlySet<string> = new Set()): TextScan {
  const active = detectors.filter((d) => !disabledRules.has(d.id));
  const directiveOn = !['directive.exfil-to-target', 'directive.user-voice-request'].every((id) =>
    disabledRules.has(id),
  );
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
    for (const kw of d.keywords) own(asciiLower(kw), i);
  });
  if (directiveOn) for (const kw of directiveKeywords) own(kw, directiveOwner);
  const index = createKeywordIndex(keywords);

  function runPatterns(text: string, surface: Surface): RawFinding[] {
    const hits = index.find(text);
    if (hits.length === 0 && !text.includes('@')) return [];
    const perDetector = new Map<number, KeywordHit[]>();
    for (const hit of hits) {
      for (const owner of owners[hit.keyword] ?? []) {
        const list = perDetector.get(owner) ?? [];
        list.push(hit);
        perDetector.set(owner, list);
      }
    }
    const out: RawFinding[] = [];
    for (const [owner, list] of perDetector) {
      const detector = active[owner];
      if (detector) runDetector(detector, text, list, surface, out);
    }
    if (directiveOn) {
      const found = findDirectives(text, perDetector.get(directiveOwner) ?? [], surface);
      for (const f of found) if (!disabledRules.has(f.rule)) out.push(f);
    }
    return out;
  }

  function runDetector(
    d: PatternDetector,
    text: string,
    hits: readonly KeywordHit[],
    surface: Surface,
    out: RawFinding[],
  ): void {
    const severity = surface === 'description' ? (d.descriptionSeverity ?? d.severity) : d.severity;
    for (const [ws, we] of windows(text, hits, d.maxLength)) {
      const slice = ws === 0 && we === text.length ? text : text.slice(ws, we);
      d.pattern.lastIndex = 0;
      for (let m = d.pattern.exec(slice); m; m = d.pattern.exec(slice)) {
        if (m[0].length === 0) {
          d.pattern.lastIndex++;
          continue;
        }
        if (d.verify && !d.verify(m)) continue;
        out.push({
          rule: d.id,
          severity,
          start: ws + m.index,
          end: ws + m.index + m[0].length,
          message: d.message,
        });
      }
    }
  }

  function scanView(view: TextView, raw: string, surface: Surface, out: RawFinding[]): void {
    for (const f of runPatterns(view.text, surface)) {
      const [start, end] = rawSpan(view, f.start, f.end);
      out.push({ ...f, start, end });
    }
    // Decoded tag characters spliced into a phrase can break it in the view; then read the raw text too.
    if (view.segments && hasTagCharacters.test(raw))
      for (const f of runPatterns(raw, surface)) out.push(f);
  }

  function scanSecrets(view: TextView, out: RawFinding[]): void {
    if (disabledRules.has('secret')) return;
    for (const s of findSecrets(view.text)) {
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

  return function scanText(raw: string, surface: Surface): RawFinding[] {
    const out: RawFinding[] = disabledRules.size
      ? findHiddenChannels(raw).filter((f) => !disabledRules.has(f.rule))
      : findHiddenChannels(raw);
    const view = normalisedView(raw);
    scanView(view, raw, surface, out);
    scanSecrets(view, out);
    scanDecoded(view, surface, out);
    return dedupe(out);
  };
}

function windows(text: string, hits: readonly KeywordHit[], reach: number): [number, number][] {
  const spans: [number, number][] = [];
  // Hits arrive in text order from the keyword index.
  for (const hit of hits) {
    let start = Math.max(0, hit.start - reach);
    // Patterns anchored with ^ must see a real line start, not a window edge.
    for (let k = start - 1, stop = Math.max(0, start - 500); k >= stop; k--) {
      if (text.charCodeAt(k) === 10) {
        start = k + 1;
        break;
      }
    }
    const end = Math.min(text.length, hit.start + reach + 32);
    const last = spans.at(-1);
    // Nearby windows merge: one longer regex run is cheaper than many short ones.
    if (last && start <= last[1] + 256) last[1] = Math.max(last[1], end);
    else spans.push([start, end]);
  }
  return spans;
}

function dedupe(findings: RawFinding[]): RawFinding[] {
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RawFinding[] = [];
  for (const f of findings) {
    const clash = out.findIndex((o) => o.rule === f.rule && o.start < f.end && f.start < o.end);
    if (clash < 0) {
      out.push(f);
      continue;
    }
    const prev = out[clash];
    if (prev && atLeast(f.severity, prev.severity) && f.severity !== prev.severity) out[clash] = f;
  }
  return out;
}
