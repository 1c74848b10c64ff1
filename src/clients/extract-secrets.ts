import { findSecrets } from '../core/scanner/secrets.js';
import { environmentName, type GatewayServer } from './convert-server.js';

/** One secret taken out of a server entry; `value` stays in memory, never in the new file. */
export interface ExtractedSecret {
  /** The environment variable that now holds it: `${env:NAME}`. */
  readonly name: string;
  readonly server: string;
  /** Where it was: `env.GITHUB_TOKEN`, `headers.Authorization`, `args[3]`, `url`. */
  readonly field: string;
  readonly value: string;
}

/** Variable names that hold a secret (checked on the upper-case, `_`-separated form). */
const SECRET_WORD =
  /(TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|COOKIE|SESSION|AUTH|(^|_)PAT($|_)|(^|_)KEY($|_)|(^|_)PWD($|_)|(^|_)PASS($|_))/;
/** …unless the name says it holds something about the secret rather than the secret. */
const NOT_SECRET_SUFFIX =
  /_(FILE|PATH|DIR|URL|URI|HOST|PORT|TYPE|MODE|ENABLED|ID|NAME|LEVEL|REGION|HEADER|ENDPOINT|SCOPES?)$/;

/** True when a variable, flag or header name says its value is a secret. */
export const isSecretName = (label: string): boolean => {
  const name = environmentName(label);
  return SECRET_WORD.test(name) && !NOT_SECRET_SUFFIX.test(name);
};

const AUTH_HEADERS = new Set(['authorization', 'proxy-authorization']);
const ONLY_REFERENCES = /^(\$\{env:[^}]*\}\s*)+$/;
const AUTH_SCHEME = /^(Bearer|Basic|Token|Bot|Digest|ApiKey)(\s+)(.+)$/i;

/** Whether a value holds anything worth hiding (not empty, not already a reference). */
const hasValue = (value: string): boolean => value.trim() !== '' && !ONLY_REFERENCES.test(value);

/** Hands out variable names: the same secret keeps one name, different ones never share. */
class SecretNames {
  private readonly byName = new Map<string, string>();
  readonly secrets: ExtractedSecret[] = [];

  /** Registers a secret under the first free candidate name and returns `${env:NAME}`. */
  take(candidates: readonly string[], server: string, field: string, value: string): string {
    const names = candidates.map(environmentName);
    const fallback = names.at(-1) ?? 'SECRET';
    let chosen: string | undefined;
    for (const name of names) {
      const held = this.byName.get(name);
      if (held === undefined || held === value) {
        chosen = name;
        break;
      }
    }
    if (chosen === undefined) {
      for (let n = 2; chosen === undefined; n++) {
        const held = this.byName.get(`${fallback}_${n}`);
        if (held === undefined || held === value) chosen = `${fallback}_${n}`;
      }
    }
    if (!this.byName.has(chosen)) this.byName.set(chosen, value);
    this.secrets.push({ name: chosen, server, field, value });
    return `\${env:${chosen}}`;
  }
}

/**
 * Replaces secrets in `env`, `headers`, `args` and `url` with `${env:NAME}` references, in
 * server order, so the same input always gets the same names. Pure.
 */
export const extractSecrets = (
  servers: readonly { readonly name: string; readonly server: GatewayServer }[],
): { servers: { name: string; server: GatewayServer }[]; secrets: ExtractedSecret[] } => {
  const names = new SecretNames();
  const out = servers.map(({ name, server }) => {
    const prefix = environmentName(name);
    const next: GatewayServer = { ...server };
    if (server.env !== undefined) {
      next.env = Object.fromEntries(
        Object.entries(server.env).map(([key, value]) => {
          if (!hasValue(value)) return [key, value];
          if (isSecretName(key) || findSecrets(value).length > 0 || hasUrlPassword(value)) {
            return [key, names.take([key, `${prefix}_${key}`], name, `env.${key}`, value)];
          }
          return [key, value];
        }),
      );
    }
    if (server.headers !== undefined) {
      next.headers = Object.fromEntries(
        Object.entries(server.headers).map(([header, value]) => [
          header,
          redactHeader(header, value, (secret) =>
            names.take(
              AUTH_HEADERS.has(header.toLowerCase())
                ? [`${prefix}_TOKEN`]
                : [`${prefix}_${header}`],
              name,
              `headers.${header}`,
              secret,
            ),
          ),
        ]),
      );
    }
    if (server.args !== undefined) {
      next.args = redactArgs(server.args, (candidate, i, secret) =>
        names.take([`${prefix}_${candidate}`], name, `args[${i}]`, secret),
      );
    }
    if (server.url !== undefined) {
      next.url = redactUrl(server.url, (candidate, secret) =>
        names.take([`${prefix}_${candidate}`], name, 'url', secret),
      );
    }
    return { name, server: next };
  });
  return { servers: out, secrets: names.secrets };
};

/** `Bearer abc` → `Bearer ${env:X}`; a secret-named header's whole value otherwise. */
const redactHeader = (header: string, value: string, take: (secret: string) => string): string => {
  if (!hasValue(value)) return value;
  const secretHeader = AUTH_HEADERS.has(header.toLowerCase()) || isSecretName(header);
  if (!secretHeader && findSecrets(value).length === 0) return value;
  const scheme = AUTH_SCHEME.exec(value);
  if (scheme?.[3] === undefined) return take(value);
  // `Bearer ${env:TOKEN}` already names its variable.
  if (!hasValue(scheme[3])) return value;
  return `${scheme[1] ?? ''}${scheme[2] ?? ' '}${take(scheme[3])}`;
};

type TakeArg = (candidate: string, index: number, secret: string) => string;

/** Flags such as `--api-key X`, `--token=X`, `-e GITHUB_TOKEN=X`, headers and known token shapes. */
const redactArgs = (args: readonly string[], take: TakeArg): string[] => {
  const out = [...args];
  for (let i = 0; i < out.length; i++) {
    const arg = out[i] ?? '';
    if (!hasValue(arg)) continue;
    const flagWithValue = /^(--?[A-Za-z][\w-]*)=(.+)$/.exec(arg);
    if (flagWithValue?.[1] !== undefined && flagWithValue[2] !== undefined) {
      const flag = flagWithValue[1].replace(/^-+/, '');
      if (isSecretName(flag) && hasValue(flagWithValue[2])) {
        out[i] = `${flagWithValue[1]}=${take(flag, i, flagWithValue[2])}`;
        continue;
      }
    }
    const flag = /^--?([A-Za-z][\w-]*)$/.exec(arg);
    const following = out[i + 1];
    if (
      flag?.[1] !== undefined &&
      isSecretName(flag[1]) &&
      following !== undefined &&
      !following.startsWith('-') &&
      hasValue(following)
    ) {
      out[i + 1] = take(flag[1], i + 1, following);
      i++;
      continue;
    }
    // docker run -e NAME=value, env NAME=value, and similar.
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(arg);
    if (
      assignment?.[1] !== undefined &&
      assignment[2] !== undefined &&
      isSecretName(assignment[1])
    ) {
      if (hasValue(assignment[2]))
        out[i] = `${assignment[1]}=${take(assignment[1], i, assignment[2])}`;
      continue;
    }
    const isUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(arg);
    // mcp-remote --header "Authorization: Bearer …" (a URL has a colon too: not a header).
    const header = isUrl ? null : /^([A-Za-z][\w-]*):\s*(.+)$/.exec(arg);
    if (header?.[1] !== undefined && header[2] !== undefined) {
      const headerName = header[1];
      const redacted = redactHeader(headerName, header[2], (secret) =>
        take(AUTH_HEADERS.has(headerName.toLowerCase()) ? 'TOKEN' : headerName, i, secret),
      );
      if (redacted !== header[2]) {
        out[i] = `${headerName}: ${redacted}`;
        continue;
      }
    }
    if (isUrl) {
      out[i] = redactUrl(arg, (candidate, secret) => take(candidate, i, secret));
      continue;
    }
    out[i] = redactKnownShapes(arg, (kind, secret) => take(kind, i, secret));
  }
  return out;
};

/** Replaces every token of a known shape (ghp_…, sk-…, AKIA…) inside a string. */
const redactKnownShapes = (
  value: string,
  take: (kind: string, secret: string) => string,
): string => {
  const found = findSecrets(value);
  if (found.length === 0) return value;
  let out = '';
  let at = 0;
  for (const match of [...found].sort((a, b) => a.start - b.start)) {
    if (match.start < at) continue;
    out += value.slice(at, match.start) + take(match.kind, value.slice(match.start, match.end));
    at = match.end;
  }
  return out + value.slice(at);
};

const hasUrlPassword = (value: string): boolean =>
  /^[a-z][a-z0-9+.-]*:\/\/[^/@:\s]*:[^/@\s]+@/i.test(value);

/**
 * Hides a URL's password and secret-named query values, by editing the text so `${env:…}`
 * stays readable (rebuilding it with `URL` would percent-encode the braces).
 */
const redactUrl = (url: string, take: (candidate: string, secret: string) => string): string => {
  let out = url.replace(
    /^([a-z][a-z0-9+.-]*:\/\/[^/@:\s]*:)([^/@\s]+)(@)/i,
    (whole, head: string, password: string, at: string) =>
      hasValue(password) ? `${head}${take('PASSWORD', password)}${at}` : whole,
  );
  out = out.replace(
    /([?&])([^=&#]+)=([^&#]*)/g,
    (whole, sep: string, key: string, value: string) =>
      isSecretName(decodeURIComponent(key)) && hasValue(value)
        ? `${sep}${key}=${take(key, value)}`
        : whole,
  );
  return redactKnownShapes(out, (kind, secret) => take(kind, secret));
};
