// @ts-check
// How the scanner evaluation splits the corpus: a fixed check split of whole families, and
// leave-one-family-out folds over the rest. Pure functions, so the split logic has its own tests.
import { createHash } from 'node:crypto';

/**
 * @typedef {{ split_group?: string, carrier_split_group?: string }} FamilyRecord
 */

/** Salt of the check-split rule; changing it changes the split, so it never changes. */
export const checkSplitSalt = 'mcp-gateway scanner check split v1\n';

/**
 * The check split, chosen once (2026-12-06) by `chooseCheckFamilies` on the corpus of that day, before
 * any text of these families was read. Fixed here so that a grown corpus cannot move it.
 */
export const checkFamilies = Object.freeze([
  'garak',
  'security-advisories',
  'cisco-mcp-scanner',
  'DVMCP',
  'mcp-scan',
  'tldr-pages',
]);

/** Hex SHA-256 of the salted family name: the order in which families are considered. @param {string} family */
export function familyKey(family) {
  return createHash('sha256')
    .update(checkSplitSalt + family)
    .digest('hex');
}

/**
 * The documented rule: walk the families of attacks and benign records in ascending `familyKey`
 * order; take a family unless it would push the check split above `cap` of the attack records or
 * of the benign records; stop once it holds at least `floor` of both.
 * @param {readonly FamilyRecord[]} attacks
 * @param {readonly FamilyRecord[]} benign
 * @param {{ floor?: number, cap?: number }} [options]
 * @returns {string[]}
 */
export function chooseCheckFamilies(attacks, benign, { floor = 0.15, cap = 0.3 } = {}) {
  /** @param {readonly FamilyRecord[]} records */
  const counts = (records) => {
    /** @type {Map<string, number>} */
    const out = new Map();
    for (const r of records) out.set(r.split_group ?? '', (out.get(r.split_group ?? '') ?? 0) + 1);
    return out;
  };
  const attackCounts = counts(attacks);
  const benignCounts = counts(benign);
  const families = [...new Set([...attackCounts.keys(), ...benignCounts.keys()])]
    .filter((f) => f !== '')
    .map((f) => ({ family: f, key: familyKey(f) }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const chosen = [];
  let a = 0;
  let b = 0;
  for (const { family } of families) {
    const na = attackCounts.get(family) ?? 0;
    const nb = benignCounts.get(family) ?? 0;
    if ((a + na) / Math.max(1, attacks.length) > cap || (b + nb) / Math.max(1, benign.length) > cap)
      continue;
    chosen.push(family);
    a += na;
    b += nb;
    if (a / Math.max(1, attacks.length) >= floor && b / Math.max(1, benign.length) >= floor) break;
  }
  return chosen;
}

/**
 * True when a record belongs to the check split: its family, or for a composed record the family
 * of its carrier text, is a check family (its text then holds check-family text).
 * @param {FamilyRecord} record
 * @param {readonly string[]} [families]
 */
export function isCheckRecord(record, families = checkFamilies) {
  return (
    families.includes(record.split_group ?? '') ||
    (record.carrier_split_group !== undefined && families.includes(record.carrier_split_group))
  );
}

/**
 * Split records into the development part and the check part.
 * @template {FamilyRecord} T
 * @param {readonly T[]} records
 * @param {readonly string[]} [families]
 * @returns {{ dev: T[], check: T[] }}
 */
export function splitCheck(records, families = checkFamilies) {
  /** @type {T[]} */
  const dev = [];
  /** @type {T[]} */
  const check = [];
  for (const r of records) (isCheckRecord(r, families) ? check : dev).push(r);
  return { dev, check };
}

/**
 * Leave-one-family-out folds over the records given (normally the development part). Fold F tests on
 * the records whose family is F and trains on the rest, minus composed records whose carrier is F:
 * no text of F is seen while training for F.
 * @param {readonly FamilyRecord[]} records
 * @returns {{ family: string, train: number[], test: number[] }[]} indices into `records`
 */
export function familyFolds(records) {
  const families = [...new Set(records.map((r) => r.split_group ?? ''))].sort();
  return families.map((family) => {
    /** @type {number[]} */
    const train = [];
    /** @type {number[]} */
    const test = [];
    records.forEach((r, i) => {
      if ((r.split_group ?? '') === family) test.push(i);
      else if (r.carrier_split_group !== family) train.push(i);
    });
    return { family, train, test };
  });
}
