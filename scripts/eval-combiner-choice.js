// @ts-check
// Chooses the combiner's training options by leave-one-family-out on the development families only: each option
// set is trained without a family and graded on it, for every family, and the LOFO injection recall and false
// positives are printed per option set. The check split is not read here (the eval script reports it once for
// the options chosen). Usage: node scripts/eval-combiner-choice.js [--features]
import { atLeast } from '../dist/core/scanner/index.js';
import { gradeFindings, signalFeatures } from '../dist/core/scanner/combiner.js';
import { combinerPriors } from '../dist/core/scanner/signal-priors.js';
import {
  capabilityOnly,
  exitWithoutCorpus,
  rawScanner,
  readJsonl,
  trainCombiner,
} from './combiner-training.js';
import { familyFolds, splitCheck } from './eval-split.js';
import { recordSurface, scanCorpusRecord } from './eval-corpus.js';

exitWithoutCorpus('eval-combiner-choice');
const raw = rawScanner();
/** @param {any[]} records @param {0 | 1} label */
const scored = (records, label) =>
  splitCheck(records).dev.map((record) => {
    const surface = recordSurface(record);
    const findings = scanCorpusRecord(raw, record);
    return { record, label, surface, findings, features: signalFeatures(findings, surface) };
  });
const dev = [...scored(readJsonl('attacks.jsonl'), 1), ...scored(readJsonl('benign.jsonl'), 0)];

/** Feature families that can be left out, to see what each adds. @type {Record<string, (f: string) => boolean>} */
const families = {
  'address.*': (f) => f.startsWith('address.'),
  'intent.*': (f) => f.startsWith('intent.'),
  'place.*': (f) => f.startsWith('place.'),
  'cluster.*': (f) => f.startsWith('cluster.'),
  'obfuscation.*': (f) => f.startsWith('obfuscation.'),
};

/**
 * LOFO figures for one option set.
 * @param {Partial<import('./combiner-training.js').TrainingOptions>} options
 * @param {(feature: string) => boolean} [drop] features left out (before training and grading)
 */
function lofo(options, drop = () => false) {
  const keep = (/** @type {Set<string>} */ s) => new Set([...s].filter((f) => !drop(f)));
  const rows = dev.map((s) => ({
    features: keep(s.features),
    surface: s.surface,
    label: s.label,
    family: String(s.record.split_group),
  }));
  /** @type {boolean[]} */
  const flagged = new Array(dev.length).fill(false);
  for (const fold of familyFolds(dev.map((s) => s.record))) {
    const train = fold.train
      .filter((i) => dev[i]?.record.category !== capabilityOnly)
      .map((i) => /** @type {any} */ (rows[i]));
    const model = trainCombiner(train, combinerPriors(), options);
    for (const i of fold.test) {
      const s = dev[i];
      if (!s) continue;
      const findings = s.findings.filter((f) => !drop(f.rule) && !drop(`${f.rule}/${f.severity}`));
      flagged[i] = gradeFindings(findings, s.surface, model).some((f) =>
        atLeast(f.severity, 'medium'),
      );
    }
  }
  const attacks = dev
    .map((s, i) => [s, i])
    .filter(
      ([s]) =>
        /** @type {any} */ (s).label === 1 &&
        /** @type {any} */ (s).record.category !== capabilityOnly,
    );
  const benign = dev.map((s, i) => [s, i]).filter(([s]) => /** @type {any} */ (s).label === 0);
  const hard = benign.filter(([s]) => /** @type {any} */ (s).record.hard_negative === true);
  const rate = (/** @type {any[]} */ xs) =>
    (xs.filter(([, i]) => flagged[i]).length / Math.max(1, xs.length)).toFixed(3);
  const results = attacks.filter(([s]) => /** @type {any} */ (s).record.kind === 'tool_response');
  return `recall ${rate(attacks)} (results ${rate(results)}), FPR ${rate(benign)}, hard ${rate(hard)}`;
}

if (process.argv.includes('--features')) {
  console.log(`all features: ${lofo({})}`);
  for (const [name, drop] of Object.entries(families))
    console.log(`without ${name}: ${lofo({}, drop)}`);
} else {
  for (const lambda of [2, 10, 30, 100, 200, 1000])
    for (const alpha of [0.5, 1])
      console.log(`lambda ${lambda}, alpha ${alpha}: ${lofo({ lambda, alpha })}`);
}
