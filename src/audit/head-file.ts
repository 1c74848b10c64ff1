import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson } from '../core/canonical-json.js';
import {
  stageFileAtomic,
  writeFileAtomic,
  type StagedFile,
} from '../state-files/write-file-atomic.js';

/** The name of the latest-checkpoint file in the state folder. */
export const HEAD_FILE = 'head.json';

/** A signed checkpoint statement, as head.json stores it and as `--anchor` reads it back. */
export interface CheckpointAnchor {
  /** Seq and hash of the record the checkpoint covers. */
  readonly seq: number;
  readonly hash: string;
  readonly ts: string;
  /** The log's file name. */
  readonly file: string;
  readonly keyId: string;
  readonly signature: string;
  /** Present in head.json; a bare checkpoint record needs the state folder's key. */
  readonly publicKeyPem: string | undefined;
}

/** What head.json holds: the anchor and the position of the checkpoint record itself. */
export type HeadFileContent = CheckpointAnchor & {
  readonly checkpoint: { readonly seq: number; readonly hash: string };
};

const headFileText = (anchor: HeadFileContent): string => {
  const body = {
    v: 1,
    file: anchor.file,
    seq: anchor.seq,
    hash: anchor.hash,
    ts: anchor.ts,
    key_id: anchor.keyId,
    signature: anchor.signature,
    public_key: anchor.publicKeyPem,
    checkpoint: anchor.checkpoint,
  };
  return `${canonicalJson(body)}\n`;
};

/** Writes head.json by atomic replace (temporary file, fsync, rename). */
export const writeHeadFile = async (stateDir: string, anchor: HeadFileContent): Promise<void> => {
  await writeFileAtomic(join(stateDir, HEAD_FILE), headFileText(anchor));
};

/**
 * Writes and fsyncs a new head.json beside the current one, to be put in place later (by a
 * rename under the log's lock, after checking that it is not older than the one there).
 */
export const stageHeadFile = (stateDir: string, anchor: HeadFileContent): Promise<StagedFile> =>
  stageFileAtomic(join(stateDir, HEAD_FILE), headFileText(anchor));

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads head.json or an exported checkpoint record; throws with the path when it is neither. */
export const readCheckpointAnchor = async (path: string): Promise<CheckpointAnchor> => {
  const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
  if (isObject(parsed)) {
    // A checkpoint record carries the covered position in `covers`; head.json at the top level.
    const position = isObject(parsed['covers']) ? parsed['covers'] : parsed;
    const { seq, hash } = position;
    const { ts, file, key_id: keyId, signature, public_key: publicKeyPem } = parsed;
    if (
      typeof seq === 'number' &&
      typeof hash === 'string' &&
      typeof ts === 'string' &&
      typeof file === 'string' &&
      typeof keyId === 'string' &&
      typeof signature === 'string'
    ) {
      return {
        seq,
        hash,
        ts,
        file,
        keyId,
        signature,
        publicKeyPem: typeof publicKeyPem === 'string' ? publicKeyPem : undefined,
      };
    }
  }
  throw new Error(`${path} is neither a head.json nor a checkpoint record`);
};
