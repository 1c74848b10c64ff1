import { createKeywordIndex, type KeywordIndex } from './keyword-index.js';

/** One secret-looking token: its kind (e.g. `github-token`) and span [start, end). */
export interface SecretMatch {
  kind: string;
  start: number;
  end: number;
}

interface SecretPattern {
  readonly kind: string;
  readonly pattern: RegExp;
  /** Index of the capture group holding the secret itself (0 = whole match). */
  readonly group?: number;
  /** Generic shapes (sk-..., bearer ...) also match words; require mixed case and a digit. */
  readonly mixed?: boolean;
  /** Literals, one of which every match starts with (lower-case when the pattern ignores case). */
  readonly anchors: readonly string[];
  /** How many characters before the anchor a match starts (default 0). */
  readonly lead?: number;
}

const secretPatterns: readonly SecretPattern[] = [
  {
    kind: 'private-key',
    anchors: ['-----BEGIN'],
    pattern:
      /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----[\s\S]{0,16384}?-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g,
  },
  {
    kind: 'github-token',
    anchors: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\b/g,
  },
  {
    kind: 'github-token',
    anchors: ['github_pat_'],
    pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g,
  },
  { kind: 'gitlab-token', anchors: ['glpat-'], pattern: /\bglpat-[A-Za-z0-9_-]{20,64}\b/g },
  {
    kind: 'aws-access-key',
    anchors: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g,
  },
  {
    kind: 'aws-secret-key',
    anchors: ['aws'],
    pattern: /\baws_?secret_?access_?key["']?\s{0,3}[:=]\s{0,3}["']?([A-Za-z0-9/+=]{40})\b/gi,
    group: 1,
  },
  { kind: 'slack-token', anchors: ['xox'], pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,255}\b/g },
  {
    kind: 'slack-webhook',
    anchors: ['https://hooks.slack.com/'],
    pattern: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9_/]{20,120}/g,
  },
  {
    kind: 'anthropic-key',
    anchors: ['sk-ant-'],
    pattern: /\bsk-ant-[A-Za-z0-9_-]{20,255}/g,
    mixed: true,
  },
  {
    kind: 'openai-key',
    anchors: ['sk-'],
    pattern: /\bsk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,255}/g,
    mixed: true,
  },
  {
    kind: 'stripe-key',
    anchors: ['_live_', '_test_'],
    lead: 2,
    pattern: /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,255}\b/g,
  },
  { kind: 'google-api-key', anchors: ['AIza'], pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'npm-token', anchors: ['npm_'], pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'huggingface-token', anchors: ['hf_'], pattern: /\bhf_[A-Za-z0-9]{34,40}\b/g },
  {
    kind: 'jwt',
    anchors: ['eyJ'],
    pattern: /\beyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{8,4096}/g,
  },
  {
    kind: 'bearer-token',
    anchors: ['authorization', 'bearer'],
    pattern:
      /\b(?:authorization\s{0,3}[:=]\s{0,3}["']?)?bearer\s{1,3}([A-Za-z0-9._~+/-]{20,4096}=*)/gi,
    group: 1,
    mixed: true,
  },
  {
    kind: 'basic-auth',
    anchors: ['authorization'],
    pattern: /\bauthorization\s{0,3}[:=]\s{0,3}["']?basic\s{1,3}([A-Za-z0-9+/]{12,1024}={0,2})/gi,
    group: 1,
  },
  {
    kind: 'url-credentials',
    anchors: ['://'],
    pattern: /:\/\/[^\s:/@'"]{1,64}:([^\s:/@'"]{6,128})@[\w.-]{1,253}/g,
    group: 1,
  },
];

// Placeholders in docs ("sk-your-key-here", "Bearer <token>") are not secrets.
const placeholder = /your|example|xxxx|placeholder|redacted|<|\$\{|\.\.\./i;
// A value that is only the name of what stands there ("mongodb://username:password@host"): the docs' template.
const namesItself = /^(?:password|passwd|passphrase|secret|changeme|change_me|token|api[_-]?key)$/i;

interface CompiledSecret {
  readonly kind: string;
  readonly sticky: RegExp;
  readonly group: number;
  readonly mixed: boolean;
  readonly anchors: readonly string[];
  readonly lead: number;
}

const compiled: readonly CompiledSecret[] = secretPatterns.map((p) => ({
  kind: p.kind,
  sticky: new RegExp(p.pattern.source, p.pattern.flags.replace('g', '') + 'y'),
  group: p.group ?? 0,
  mixed: p.mixed ?? false,
  anchors: p.anchors,
  lead: p.lead ?? 0,
}));

/** Every literal a secret match starts with, and the pattern it belongs to, for a keyword index. */
export const secretAnchors: readonly { readonly anchor: string; readonly pattern: number }[] =
  compiled.flatMap((p, pattern) => p.anchors.map((anchor) => ({ anchor, pattern })));

let anchorIndex: KeywordIndex | undefined;

/** Find secret-looking tokens (provider API keys, private keys, JWTs, auth headers) in text. */
export function findSecrets(text: string): { kind: string; start: number; end: number }[] {
  anchorIndex ??= createKeywordIndex(secretAnchors.map((a) => a.anchor));
  const hits = anchorIndex.find(text);
  if (hits.start.length === 0) return [];
  const positions: number[][] = compiled.map(() => []);
  for (let k = 0; k < hits.start.length; k++) {
    const anchor = secretAnchors[hits.keyword[k] ?? 0];
    if (anchor) positions[anchor.pattern]?.push(hits.start[k] ?? 0);
  }
  return secretsAt(text, positions);
}

/**
 * Secrets whose anchors (case-insensitive) occur at the given positions, per pattern in text order. Every match
 * starts at an anchor, so a sticky match at each anchor finds what a global search over the text would.
 */
export function secretsAt(text: string, positions: readonly (readonly number[])[]): SecretMatch[] {
  // Matches kept so far, sorted and disjoint. Each pattern's matches come in text order, so one walk along this
  // list finds any overlap (a search of the whole list per match would be n² on a text made of tokens).
  let kept: SecretMatch[] = [];
  compiled.forEach(({ kind, sticky, group, mixed, lead }, pattern) => {
    const added: SecretMatch[] = [];
    let next = 0;
    let k = 0;
    for (const at of positions[pattern] ?? []) {
      const from = at - lead;
      if (from < next || from < 0) continue;
      sticky.lastIndex = from;
      const m = sticky.exec(text);
      if (!m) continue;
      next = from + m[0].length;
      const value = m[group] ?? m[0];
      if (kind !== 'private-key' && (placeholder.test(value) || namesItself.test(value))) continue;
      if (mixed && !(/\d/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value))) continue;
      const start = m.index + m[0].lastIndexOf(value);
      const end = start + value.length;
      while (k < kept.length && (kept[k]?.end ?? 0) <= start) k++;
      const other = kept[k];
      if (other !== undefined && other.start < end) continue;
      added.push({ kind, start, end });
    }
    if (added.length > 0) kept = mergeSorted(kept, added);
  });
  return kept;
}

function mergeSorted(a: readonly SecretMatch[], b: readonly SecretMatch[]): SecretMatch[] {
  const out: SecretMatch[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.start <= y.start)) {
      if (x !== undefined) out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}
