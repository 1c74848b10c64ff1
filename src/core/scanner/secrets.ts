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
}

const secretPatterns: readonly SecretPattern[] = [
  {
    kind: 'private-key',
    pattern:
      /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----[\s\S]{0,16384}?-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g,
  },
  { kind: 'github-token', pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}\b/g },
  { kind: 'github-token', pattern: /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g },
  { kind: 'gitlab-token', pattern: /\bglpat-[A-Za-z0-9_-]{20,64}\b/g },
  { kind: 'aws-access-key', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g },
  {
    kind: 'aws-secret-key',
    pattern: /\baws_?secret_?access_?key["']?\s{0,3}[:=]\s{0,3}["']?([A-Za-z0-9/+=]{40})\b/gi,
    group: 1,
  },
  { kind: 'slack-token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,255}\b/g },
  {
    kind: 'slack-webhook',
    pattern: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9_/]{20,120}/g,
  },
  { kind: 'anthropic-key', pattern: /\bsk-ant-[A-Za-z0-9_-]{20,255}/g, mixed: true },
  {
    kind: 'openai-key',
    pattern: /\bsk-(?!ant-)(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,255}/g,
    mixed: true,
  },
  { kind: 'stripe-key', pattern: /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,255}\b/g },
  { kind: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'npm-token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'huggingface-token', pattern: /\bhf_[A-Za-z0-9]{34,40}\b/g },
  {
    kind: 'jwt',
    pattern: /\beyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{8,4096}/g,
  },
  {
    kind: 'bearer-token',
    pattern:
      /\b(?:authorization\s{0,3}[:=]\s{0,3}["']?)?bearer\s{1,3}([A-Za-z0-9._~+/-]{20,4096}=*)/gi,
    group: 1,
    mixed: true,
  },
  {
    kind: 'basic-auth',
    pattern: /\bauthorization\s{0,3}[:=]\s{0,3}["']?basic\s{1,3}([A-Za-z0-9+/]{12,1024}={0,2})/gi,
    group: 1,
  },
  {
    kind: 'url-credentials',
    pattern: /:\/\/[^\s:/@'"]{1,64}:([^\s:/@'"]{6,128})@[\w.-]{1,253}/g,
    group: 1,
  },
];

// Cheap gate: every pattern above contains one of these literals.
const gate =
  /-----BEGIN|gh[pousr]_|github_pat_|glpat-|A[KS]IA|ABIA|ACCA|secret_?access|xox[abposr]-|hooks\.slack|sk-|_live_|_test_|AIza|npm_|hf_|eyJ|bearer|basic|:\/\//i;
// Placeholders in docs ("sk-your-key-here", "Bearer <token>") are not secrets.
const placeholder = /your|example|xxxx|placeholder|redacted|<|\$\{|\.\.\./i;

/** Find secret-looking tokens (provider API keys, private keys, JWTs, auth headers) in text. */
export function findSecrets(text: string): { kind: string; start: number; end: number }[] {
  if (!gate.test(text)) return [];
  const out: SecretMatch[] = [];
  for (const { kind, pattern, group = 0, mixed = false } of secretPatterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const value = m[group] ?? m[0];
      if (kind !== 'private-key' && placeholder.test(value)) continue;
      if (mixed && !(/\d/.test(value) && /[A-Z]/.test(value) && /[a-z]/.test(value))) continue;
      const start = m.index + m[0].lastIndexOf(value);
      const end = start + value.length;
      if (!out.some((o) => o.start < end && start < o.end)) out.push({ kind, start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
