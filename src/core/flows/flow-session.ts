import type { FindSecrets } from '../audit/redact-secrets.js';
import { visitDecodedStrings } from './decoded-strings.js';
import { FingerprintStore } from './fingerprint-store.js';
import { labelsOf, SENSITIVE, UNTRUSTED, type LabelBits, type SessionLabel } from './flow-label.js';

/** A call whose result a session took labels or data from: named in decisions by audit seq. */
export interface FlowSource {
  readonly callId: string;
  readonly server: string;
  readonly tool: string;
  /**
   * The receipt of the call's `call` record (read when a decision names it: a log shared by
   * several processes may still re-chain an unflushed batch); undefined when not audited.
   */
  readonly receipt: { readonly seq: number } | undefined;
}

/** A change of a session's labels, to be written as a `label` audit record. */
export interface LabelChange {
  readonly event: 'added' | 'cleared';
  readonly changed: readonly SessionLabel[];
  /** The session's labels after the change. */
  readonly labels: readonly SessionLabel[];
}

/** Which earlier result an egress call's arguments carry. */
export interface CarriedData {
  readonly kind: 'text' | 'secret';
  /** Undefined when the source fell out of the session's bounded memory of sources. */
  readonly source: FlowSource | undefined;
}

/** Sources remembered by ordinal; older fingerprints still match, named as "an earlier result". */
export const SOURCE_MEMORY = 1024;
/** Secrets remembered per session (oldest forgotten first). */
export const SECRET_MEMORY = 1024;

const SESSION_BITS = UNTRUSTED | SENSITIVE;

/**
 * What one agent session has taken in (DESIGN §12): its labels with the call that brought each
 * in, and bounded fingerprints of the sensitive text and secrets it was shown.
 */
export class FlowSession {
  /** Session labels as bits (`untrusted`, `sensitive`). */
  labels: LabelBits = 0;
  private readonly firstSource = new Map<LabelBits, FlowSource>();
  private readonly fingerprints = new FingerprintStore();
  private readonly sources: ({ ordinal: number; source: FlowSource } | undefined)[] = [];
  private readonly secrets = new Map<string, number>();
  private ordinal = 0;

  /** `id`: unique in the audit log (records of several sessions and processes interleave). */
  constructor(readonly id: string) {}

  /** Adds session labels; returns the change, or undefined when nothing was new. */
  takeIn(bits: LabelBits, source: FlowSource): LabelChange | undefined {
    const added = bits & SESSION_BITS & ~this.labels;
    if (added === 0) return undefined;
    this.labels |= added;
    for (const bit of [UNTRUSTED, SENSITIVE]) {
      if ((added & bit) !== 0) this.firstSource.set(bit, source);
    }
    return { event: 'added', changed: sessionLabels(added), labels: sessionLabels(this.labels) };
  }

  /** Removes session labels (a human trusted the session); fingerprints are kept. */
  clear(bits: LabelBits): LabelChange | undefined {
    const cleared = bits & this.labels;
    if (cleared === 0) return undefined;
    this.labels &= ~cleared;
    for (const bit of [UNTRUSTED, SENSITIVE])
      if ((cleared & bit) !== 0) this.firstSource.delete(bit);
    return {
      event: 'cleared',
      changed: sessionLabels(cleared),
      labels: sessionLabels(this.labels),
    };
  }

  /** The call that first brought a label into the session (since it was last cleared). */
  sourceOf(bit: LabelBits): FlowSource | undefined {
    return this.firstSource.get(bit);
  }

  /** Remembers the text of a sensitive result (and the secrets in it) as coming from `source`. */
  remember(texts: readonly string[], source: FlowSource, findSecrets: FindSecrets): void {
    const ordinal = ++this.ordinal;
    this.sources[ordinal % SOURCE_MEMORY] = { ordinal, source };
    for (const text of texts) {
      this.fingerprints.add(text, ordinal);
      for (const secret of findSecrets(text))
        this.rememberSecret(text.slice(secret.start, secret.end), ordinal);
    }
  }

  /** Remembers only the secrets in some text (a result that is not labelled sensitive). */
  rememberSecrets(texts: readonly string[], source: FlowSource, findSecrets: FindSecrets): boolean {
    let found = false;
    let ordinal = 0;
    for (const text of texts) {
      for (const secret of findSecrets(text)) {
        if (ordinal === 0) {
          ordinal = ++this.ordinal;
          this.sources[ordinal % SOURCE_MEMORY] = { ordinal, source };
        }
        this.rememberSecret(text.slice(secret.start, secret.end), ordinal);
        found = true;
      }
    }
    return found;
  }

  /** True once the session remembers any text or secret. */
  get remembers(): boolean {
    return this.fingerprints.size > 0 || this.secrets.size > 0;
  }

  /**
   * Whether these arguments carry remembered text or a remembered secret, looking through
   * URL-encoding, JSON escapes and documents, base64 and hex. Linear in the arguments' size.
   */
  findCarried(args: unknown, findSecrets: FindSecrets): CarriedData | undefined {
    if (!this.remembers) return undefined;
    let kind: CarriedData['kind'] = 'text';
    let found = 0;
    const checkSecrets = this.secrets.size > 0;
    // Secrets are matched on exact strings, so a session that remembers any sees every variant.
    visitDecodedStrings(
      args,
      (text) => {
        found = this.fingerprints.find(text);
        if (found !== 0) return true;
        if (!checkSecrets) return false;
        for (const secret of findSecrets(text)) {
          found = this.secrets.get(secretKey(text, secret.start, secret.end)) ?? 0;
          if (found !== 0) {
            kind = 'secret';
            return true;
          }
        }
        return false;
      },
      { windowsOnly: !checkSecrets },
    );
    if (found === 0) return undefined;
    const entry = this.sources[found % SOURCE_MEMORY];
    return { kind, source: entry?.ordinal === found ? entry.source : undefined };
  }

  /** Bytes held for value tracking (fingerprint table; secrets and sources are capped counts). */
  get trackingBytes(): number {
    return this.fingerprints.bytes;
  }

  /** The fingerprint store's sampling level (0 until the table is full). */
  get samplingLevel(): number {
    return this.fingerprints.level;
  }

  private rememberSecret(secret: string, ordinal: number): void {
    const key = secretKey(secret, 0, secret.length);
    this.secrets.delete(key);
    this.secrets.set(key, ordinal);
    if (this.secrets.size > SECRET_MEMORY) {
      const oldest = this.secrets.keys().next();
      if (oldest.done !== true) this.secrets.delete(oldest.value);
    }
  }
}

const sessionLabels = (bits: LabelBits): SessionLabel[] =>
  labelsOf(bits & SESSION_BITS) as SessionLabel[];

// A 64-bit hash of the secret, so the session never keeps the secret itself.
function secretKey(text: string, start: number, end: number): string {
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}
