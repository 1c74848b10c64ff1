import { precomputedText, recordText } from './precomputed.js';

/**
 * The trie of the keyword automaton's ASCII keywords (keyword-index.ts), states numbered breadth first: the shallow
 * states, where ordinary text spends its time, share cache lines, and every state comes after its failure state (a
 * shorter suffix). The kids of a state are consecutive states: kidFirst[s] .. kidFirst[s + 1].
 */
export interface KeywordTrie {
  readonly states: number;
  readonly kidFirst: Int32Array;
  /** The class of the edge into each state (0 for the root). */
  readonly via: Uint8Array;
  readonly parent: Int32Array;
  /** The keywords that end in state s: ownIds[ownFirst[s] .. ownFirst[s + 1]), in keyword order. */
  readonly ownFirst: Int32Array;
  readonly ownIds: Int32Array;
}

// Building the trie of the scanner's ~4,800 keywords took ~15–25 ms of CPU at every start (before the optimising
// compiler has seen this code); the CLI bundle carries it for the scanner's own keyword lists (precomputed.ts,
// scripts/precompute-scanner.js), as three byte arrays per trie: kid counts, edge classes and each keyword's end
// state, under a digest of the exact keywords it was built from. Rebuilding the arrays from those is one pass.

/** The trie of the keywords `ids` of `lowered`, whose characters have the classes `classes`. */
export function keywordTrie(
  lowered: readonly string[],
  ids: readonly number[],
  classes: Uint8Array,
): KeywordTrie {
  const key = trieKey(lowered, ids);
  const carried = precomputedText(key);
  if (carried !== undefined) return decodeTrie(carried, ids);
  const trie = buildTrie(lowered, ids, classes);
  recordText(key, () => encodeTrie(trie, ids));
  return trie;
}

/** A digest of the keyword list (two FNV-1a hashes of its text, its length): the key its trie is carried under. */
function trieKey(lowered: readonly string[], ids: readonly number[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let length = 0;
  for (const id of ids) {
    const kw = lowered[id] ?? '';
    for (let j = 0; j <= kw.length; j++) {
      const c = j === kw.length ? 0 : kw.charCodeAt(j);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    length += kw.length + 1;
  }
  return `trie\u0000${ids.length}\u0000${length}\u0000${(a >>> 0).toString(16)}${(b >>> 0).toString(16)}`;
}

/** Builds the trie (the same arrays decodeTrie gives back). */
export function buildTrie(
  lowered: readonly string[],
  ids: readonly number[],
  classes: Uint8Array,
): KeywordTrie {
  // Each state's children as a list while it is built (first kid, next sibling, class of the edge).
  let bound = 1;
  for (const id of ids) bound += lowered[id]?.length ?? 0;
  const firstKid = new Int32Array(bound).fill(-1);
  const sibling = new Int32Array(bound).fill(-1);
  const edge = new Uint8Array(bound);
  // The state each keyword ends in.
  const endState = new Int32Array(ids.length);
  let created = 1;
  // Index loops, not string iterators: this runs before the optimising compiler has seen it.
  for (let k = 0; k < ids.length; k++) {
    let s = 0;
    const kw = lowered[ids[k] ?? 0] ?? '';
    for (let j = 0; j < kw.length; j++) {
      const cls = classes[kw.charCodeAt(j)] ?? 0;
      let kid = firstKid[s] ?? -1;
      while (kid >= 0 && edge[kid] !== cls) kid = sibling[kid] ?? -1;
      if (kid < 0) {
        kid = created++;
        edge[kid] = cls;
        sibling[kid] = firstKid[s] ?? -1;
        firstKid[s] = kid;
      }
      s = kid;
    }
    endState[k] = s;
  }
  // Breadth first: the kids of one state get consecutive numbers.
  const states = created;
  const order = new Int32Array(states);
  const number = new Int32Array(states);
  const kids = new Uint8Array(states);
  for (let q = 0, added = 1; q < added; q++)
    for (let kid = firstKid[order[q] ?? 0] ?? -1; kid >= 0; kid = sibling[kid] ?? -1) {
      number[kid] = added;
      order[added++] = kid;
      kids[q] = (kids[q] ?? 0) + 1;
    }
  const via = new Uint8Array(states);
  for (let t = 1; t < states; t++) via[t] = edge[order[t] ?? 0] ?? 0;
  const ends = new Int32Array(ids.length);
  for (let k = 0; k < ids.length; k++) ends[k] = number[endState[k] ?? 0] ?? 0;
  return fromParts(states, kids, via, ends, ids);
}

/** The arrays of a trie from its kid counts, edge classes and keyword end states (breadth-first numbers). */
function fromParts(
  states: number,
  kids: Uint8Array,
  via: Uint8Array,
  ends: Int32Array,
  ids: readonly number[],
): KeywordTrie {
  const kidFirst = new Int32Array(states + 1);
  const parent = new Int32Array(states);
  kidFirst[0] = 1;
  for (let s = 0; s < states; s++) {
    const first = kidFirst[s] ?? 0;
    const next = first + (kids[s] ?? 0);
    kidFirst[s + 1] = next;
    for (let t = first; t < next; t++) parent[t] = s;
  }
  // The keywords ending in each state, in keyword order (a counting sort by state).
  const ownFirst = new Int32Array(states + 1);
  for (const end of ends) ownFirst[end + 1] = (ownFirst[end + 1] ?? 0) + 1;
  for (let s = 0; s < states; s++) ownFirst[s + 1] = (ownFirst[s + 1] ?? 0) + (ownFirst[s] ?? 0);
  const ownIds = new Int32Array(ids.length);
  const filled = ownFirst.slice(0, states);
  for (let k = 0; k < ends.length; k++) {
    const s = ends[k] ?? 0;
    const at = filled[s] ?? 0;
    ownIds[at] = ids[k] ?? 0;
    filled[s] = at + 1;
  }
  return { states, kidFirst, via, parent, ownFirst, ownIds };
}

/** Bytes per keyword end state in the text form: two while state numbers fit, three past 65,536 states. */
const endBytes = (states: number): number => (states <= 0x10000 ? 2 : 3);

/**
 * The trie as text: base64 of its kid counts, edge classes (a byte per state) and end states (two bytes per keyword,
 * three in a trie of more than 65,536 states).
 */
function encodeTrie(trie: KeywordTrie, ids: readonly number[]): string {
  const { states, kidFirst, via, ownFirst, ownIds } = trie;
  const ends = new Int32Array(ids.length);
  const kOf = new Map<number, number>();
  ids.forEach((id, k) => kOf.set(id, k));
  for (let s = 0; s < states; s++)
    for (let at = ownFirst[s] ?? 0; at < (ownFirst[s + 1] ?? 0); at++)
      ends[kOf.get(ownIds[at] ?? 0) ?? 0] = s;
  let bytes = '';
  for (let s = 0; s < states; s++)
    bytes += String.fromCharCode((kidFirst[s + 1] ?? 0) - (kidFirst[s] ?? 0));
  for (let s = 0; s < states; s++) bytes += String.fromCharCode(via[s] ?? 0);
  const wide = endBytes(states) === 3;
  for (const s of ends)
    bytes += wide
      ? String.fromCharCode(s & 0xff, (s >>> 8) & 0xff, s >>> 16)
      : String.fromCharCode(s & 0xff, s >>> 8);
  return `${states}:${btoa(bytes)}`;
}

function decodeTrie(text: string, ids: readonly number[]): KeywordTrie {
  const colon = text.indexOf(':');
  const states = Number(text.slice(0, colon));
  const bytes = atob(text.slice(colon + 1));
  const width = endBytes(states);
  if (bytes.length !== states * 2 + ids.length * width)
    throw new Error('a precomputed keyword trie does not fit its keywords');
  const kids = new Uint8Array(states);
  const via = new Uint8Array(states);
  const ends = new Int32Array(ids.length);
  for (let s = 0; s < states; s++) {
    kids[s] = bytes.charCodeAt(s);
    via[s] = bytes.charCodeAt(states + s);
  }
  for (let k = 0, at = states * 2; k < ids.length; k++, at += width)
    ends[k] =
      bytes.charCodeAt(at) |
      (bytes.charCodeAt(at + 1) << 8) |
      (width === 3 ? bytes.charCodeAt(at + 2) << 16 : 0);
  return fromParts(states, kids, via, ends, ids);
}
