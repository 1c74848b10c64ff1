import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** File names inside the state folder. */
export const AUDIT_PRIVATE_KEY_FILE = 'audit-key.pem';
export const AUDIT_PUBLIC_KEY_FILE = 'audit-key.pub.pem';

/** The log's signing key: the public half to print and export, and a signer. */
export interface AuditKey {
  readonly publicKeyPem: string;
  readonly keyId: string;
  /** Base64 Ed25519 signature of the UTF-8 bytes of `data`. */
  sign(data: string): string;
}

/** The key `loadOrCreateAuditKey` found, and whether it had to create it. */
export interface LoadedAuditKey extends AuditKey {
  /** Set when this call created the key: the public key it replaced, if the folder still had one. */
  readonly created: { readonly replaced: AuditPublicKey | undefined } | undefined;
}

/** A public key that can check checkpoint signatures. */
export interface AuditPublicKey {
  readonly publicKeyPem: string;
  readonly keyId: string;
  verify(data: string, signature: string): boolean;
}

/** `ed25519:` + the first 16 hex digits of SHA-256 over the SPKI DER of the public key. */
export const auditKeyId = (publicKey: KeyObject): string =>
  `ed25519:${createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16)}`;

/** Wraps a PEM public key (from the state folder, head.json or an exported anchor). */
export const parseAuditPublicKey = (publicKeyPem: string): AuditPublicKey => {
  const key = createPublicKey(publicKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`Expected an Ed25519 public key, got ${String(key.asymmetricKeyType)}`);
  }
  return {
    publicKeyPem: key.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: auditKeyId(key),
    verify: (data, signature) =>
      verify(null, Buffer.from(data, 'utf8'), key, Buffer.from(signature, 'base64')),
  };
};

const isErrno = (error: unknown, code: string): boolean =>
  error instanceof Error && (error as NodeJS.ErrnoException).code === code;

const keyFromPrivatePem = (privatePem: string): Omit<LoadedAuditKey, 'created'> => {
  const privateKey = createPrivateKey(privatePem);
  const publicKey = createPublicKey(privateKey);
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: auditKeyId(publicKey),
    sign: (data) => sign(null, Buffer.from(data, 'utf8'), privateKey).toString('base64'),
  };
};

/**
 * Loads the state folder's Ed25519 key, creating it (mode 0600) on first use.
 *
 * Creation writes a temporary file and hard-links it into place, so two gateways starting at
 * once never see a half-written key: the loser of the race reads the winner's key.
 */
export const loadOrCreateAuditKey = async (stateDir: string): Promise<LoadedAuditKey> => {
  const privatePath = join(stateDir, AUDIT_PRIVATE_KEY_FILE);
  try {
    return { ...keyFromPrivatePem(await readFile(privatePath, 'utf8')), created: undefined };
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
  }
  await mkdir(stateDir, { recursive: true, mode: 0o700 });
  // A public half without its private key means a key existed and was deleted: name it.
  const replaced = await readPublicKeyFile(join(stateDir, AUDIT_PUBLIC_KEY_FILE));
  const { privateKey } = generateKeyPairSync('ed25519');
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const temporary = `${privatePath}.${String(process.pid)}.${String(Date.now())}.tmp`;
  await writeFile(temporary, privatePem, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, privatePath);
  } catch (error) {
    if (!isErrno(error, 'EEXIST')) throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  const key = keyFromPrivatePem(await readFile(privatePath, 'utf8'));
  // The public half is a convenience copy for export; verify derives it from the private key too.
  await writeFile(join(stateDir, AUDIT_PUBLIC_KEY_FILE), key.publicKeyPem, { mode: 0o644 });
  return {
    ...key,
    created: { replaced: replaced?.keyId === key.keyId ? undefined : replaced },
  };
};

const readPublicKeyFile = async (path: string): Promise<AuditPublicKey | undefined> => {
  try {
    return parseAuditPublicKey(await readFile(path, 'utf8'));
  } catch {
    // Missing or unreadable: nothing to name.
    return undefined;
  }
};

/** The state folder's public key, without creating anything; undefined when there is none. */
export const loadAuditPublicKey = async (stateDir: string): Promise<AuditPublicKey | undefined> => {
  for (const [file, derive] of [
    [AUDIT_PRIVATE_KEY_FILE, true],
    [AUDIT_PUBLIC_KEY_FILE, false],
  ] as const) {
    try {
      const pem = await readFile(join(stateDir, file), 'utf8');
      return parseAuditPublicKey(
        derive
          ? createPublicKey(createPrivateKey(pem))
              .export({ type: 'spki', format: 'pem' })
              .toString()
          : pem,
      );
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
    }
  }
  return undefined;
};
