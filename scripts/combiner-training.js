// @ts-check
// Trains the scanner's combiner: a logistic model over signal features, each weight pulled towards a
// hand-set prior (so a signal the corpus seldom shows keeps the weight its meaning deserves), with
// thresholds set from the benign texts of the training data. Used by the eval's folds and by the
// script that writes the shipped model.

import { existsSync, readFileSync } from 'node:fs';
import { createScanner } from '../dist/core/scanner/index.js';
import { corpusDir } from './eval-corpus.js';

/** @typedef {import('../dist/core/scanner/combiner.js').CombinerModel} CombinerModel */
/** @typedef {'content' | 'description'} Surface */
/** @typedef {{ features: Set<string>, surface: Surface, label: 0 | 1, family: string }} Row */

/**
 * @typedef {{ medium: number, high: number }} Cut
 * @typedef {{ lambda: number, alpha: number, fpr: { content: Cut, description: Cut }, floor: { content: Cut, description: Cut }, strongCue: number, strongMargin: number, aloneCue: number, lowMargin: number, iterations: number }} TrainingOptions
 */

/** Capability-only descriptions (no instruction to the model): kept out of training and of injection recall. */
export const capabilityOnly = 'malicious_tool_capability(no_injected_instruction)';

/** Exit 0 with one line when the corpus is absent (CI machines without ../shared). @param {string} script */
export function exitWithoutCorpus(script) {
  if (existsSync(corpusDir)) return;
  console.log(`${script} skipped: no corpus at ${corpusDir}`);
  process.exit(0);
}

/** The records of one corpus file. @param {string} name @returns {any[]} */
export const readJsonl = (name) =>
  readFileSync(`${corpusDir}${name}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));

/** The scanner without a combiner: its raw findings are the training features. */
export const rawScanner = () => createScanner({ combiner: null });

/** Training options; the defaults are the ones the shipped model uses. @type {Readonly<TrainingOptions>} */
export const trainingDefaults = Object.freeze({
  /** Strength of the pull towards the priors (an L2 penalty on weight - prior). */
  lambda: 200,
  /** Records of a (family, label) group weigh 1 / size^alpha: big templated families do not dominate. */
  alpha: 0.5,
  /** Share of training benign texts a threshold may flag, per surface and severity. */
  fpr: {
    content: { medium: 0.025, high: 0.005 },
    description: { medium: 0.005, high: 0.001 },
  },
  /** Lowest logit per surface and severity, whatever the benign scores allow: a tool definition needs more evidence. */
  floor: {
    content: { medium: 1, high: 3 },
    description: { medium: 2.5, high: 3 },
  },
  /** The prior of a high-severity rule (signal-priors.ts), and how far below a lone one the description's high threshold may sit. */
  strongCue: 6,
  strongMargin: 0.05,
  /** A prior at least this high means the cue flags a result alone (signal-priors.ts). */
  aloneCue: 4,
  /** The low threshold sits this far (in logits) below medium. */
  lowMargin: 2,
  iterations: 40,
});

/**
 * Fit the model.
 * @param {readonly Row[]} rows
 * @param {{ bias: number, descriptionBias: number, weights: Readonly<Record<string, number>> }} priors
 * @param {Partial<TrainingOptions>} [options]
 * @returns {CombinerModel}
 */
export function trainCombiner(rows, priors, options = {}) {
  const fromEnv = process.env['COMBINER_LAMBDA']
    ? { lambda: Number(process.env['COMBINER_LAMBDA']) }
    : {};
  const alphaEnv = process.env['COMBINER_ALPHA']
    ? { alpha: Number(process.env['COMBINER_ALPHA']) }
    : {};
  const opt = { ...trainingDefaults, ...fromEnv, ...alphaEnv, ...options };
  // Only features with a prior are graded: any other rule (hidden characters, secrets) keeps its own severity.
  const names = Object.keys(priors.weights).sort();
  const index = new Map(names.map((n, i) => [n, i]));
  // Parameters: [bias, descriptionBias, ...weights].
  const k = names.length + 2;
  const prior = new Float64Array(k);
  prior[0] = priors.bias;
  prior[1] = priors.descriptionBias;
  names.forEach((n, i) => (prior[i + 2] = priors.weights[n] ?? 0));
  /** @type {number[][]} */
  const cols = rows.map((r) => [
    0,
    ...(r.surface === 'description' ? [1] : []),
    ...[...r.features].map((f) => (index.get(f) ?? -3) + 2).filter((c) => c >= 2),
  ]);
  const sampleWeights = groupWeights(rows, opt.alpha);
  /** @param {number} j */
  const penalty = (j) => (j < 2 ? 0.01 : opt.lambda);
  /** Penalised negative log-likelihood. @param {Float64Array} v */
  const objective = (v) => {
    let loss = 0;
    rows.forEach((r, i) => {
      let z = 0;
      for (const j of cols[i] ?? []) z += v[j] ?? 0;
      // log(1 + e^-z) for a positive, log(1 + e^z) for a negative, computed stably.
      const m = r.label === 1 ? -z : z;
      loss +=
        (sampleWeights[i] ?? 0) * (m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m)));
    });
    for (let j = 0; j < k; j++) loss += (penalty(j) / 2) * ((v[j] ?? 0) - (prior[j] ?? 0)) ** 2;
    return loss;
  };
  const w = Float64Array.from(prior);
  let current = objective(w);
  for (let it = 0; it < opt.iterations; it++) {
    const grad = new Float64Array(k);
    const hess = Array.from({ length: k }, () => new Float64Array(k));
    rows.forEach((r, i) => {
      const c = cols[i] ?? [];
      let z = 0;
      for (const j of c) z += w[j] ?? 0;
      const p = 1 / (1 + Math.exp(-z));
      const s = sampleWeights[i] ?? 0;
      const g = s * (p - r.label);
      const h = s * p * (1 - p);
      for (const a of c) {
        grad[a] = (grad[a] ?? 0) + g;
        const row = hess[a];
        if (row) for (const b of c) row[b] = (row[b] ?? 0) + h;
      }
    });
    // The intercepts are pulled only lightly; weights towards their priors.
    for (let j = 0; j < k; j++) {
      grad[j] = (grad[j] ?? 0) + penalty(j) * ((w[j] ?? 0) - (prior[j] ?? 0));
      const row = hess[j];
      if (row) row[j] = (row[j] ?? 0) + penalty(j);
    }
    const step = solve(hess, grad);
    // Newton with backtracking: halve the step until the objective goes down.
    let t = 1;
    let next = w;
    let value = current;
    for (let tries = 0; tries < 30; tries++, t /= 2) {
      const candidate = Float64Array.from(w, (x, j) => x - t * (step[j] ?? 0));
      const v = objective(candidate);
      if (v <= current) {
        next = candidate;
        value = v;
        break;
      }
    }
    const gain = current - value;
    w.set(next);
    current = value;
    if (gain < 1e-9 * Math.max(1, Math.abs(current))) break;
  }
  /** @type {Record<string, number>} */
  const weights = {};
  names.forEach((n, i) => (weights[n] = round(w[i + 2] ?? 0)));
  const partial = { bias: round(w[0] ?? 0), descriptionBias: round(w[1] ?? 0), weights };
  return { ...partial, thresholds: chooseThresholds(rows, partial, priors, opt) };
}

/** @param {number} x */
const round = (x) => Math.round(x * 10000) / 10000;

/**
 * Per-record weights: a (family, label) group of n records weighs n^(1 - alpha) in total, then each label
 * is rescaled to weigh as many records as it has.
 * @param {readonly Row[]} rows @param {number} alpha
 */
function groupWeights(rows, alpha) {
  /** @type {Map<string, number>} */
  const size = new Map();
  for (const r of rows)
    size.set(`${r.label}\n${r.family}`, (size.get(`${r.label}\n${r.family}`) ?? 0) + 1);
  const raw = rows.map((r) => 1 / Math.pow(size.get(`${r.label}\n${r.family}`) ?? 1, alpha));
  for (const label of [0, 1]) {
    const idx = rows.map((r, i) => (r.label === label ? i : -1)).filter((i) => i >= 0);
    const total = idx.reduce((s, i) => s + (raw[i] ?? 0), 0);
    for (const i of idx) raw[i] = ((raw[i] ?? 0) * idx.length) / Math.max(total, 1e-12);
  }
  return raw;
}

/**
 * Thresholds per surface from the training benign texts: the lowest score that flags at most the target
 * share of them, and never below an even chance.
 * @param {readonly Row[]} rows
 * @param {{ bias: number, descriptionBias: number, weights: Record<string, number> }} model
 * @param {{ weights: Readonly<Record<string, number>> }} priors
 * @param {TrainingOptions} opt
 */
function chooseThresholds(rows, model, priors, opt) {
  /** @param {Surface} surface */
  const forSurface = (surface) => {
    const scores = rows
      .filter((r) => r.label === 0 && r.surface === surface)
      .map((r) => score(r.features, surface, model))
      .sort((a, b) => b - a);
    /** @param {number} fpr @param {number} floor */
    const cut = (fpr, floor) => {
      const allowed = Math.floor(fpr * scores.length);
      const at = scores[allowed];
      return round(Math.max(floor, at === undefined ? floor : at + 1e-4));
    };
    // A cue whose prior says it flags alone (an off-topic task planted in data, a request for credentials) keeps
    // flagging alone: the content's medium threshold never sits above the score of the weakest such cue by itself.
    // Otherwise a benign text holding one of them alone, at the quantile, sets the threshold a ten-thousandth
    // above it, and one retraining unflags every attack that holds only that cue (a fifth round fold lost 46
    // BIPIA attacks to four benign texts that had lost an unrelated cue).
    const alone =
      surface === 'content'
        ? Math.min(
            ...Object.entries(priors.weights)
              .filter(([f, w]) => w >= opt.aloneCue && !f.endsWith('@description'))
              .map(([f]) => model.bias + (model.weights[f] ?? 0) - opt.strongMargin),
          )
        : Infinity;
    const medium = Math.max(
      opt.floor[surface].medium,
      Math.min(cut(opt.fpr[surface].medium, opt.floor[surface].medium), round(alone)),
    );
    // One strong poisoning cue blocks a tool: the description's high threshold never sits above a lone high cue's
    // score. Without this, a retraining that moves the intercepts by a tenth of a logit unblocks every such tool.
    const lone =
      surface === 'description'
        ? model.bias + model.descriptionBias + opt.strongCue - opt.strongMargin
        : Infinity;
    const high = Math.max(
      Math.min(cut(opt.fpr[surface].high, opt.floor[surface].high), lone),
      medium + 0.25,
    );
    return { low: round(medium - opt.lowMargin), medium, high: round(high) };
  };
  return { content: forSurface('content'), description: forSurface('description') };
}

/**
 * @param {Set<string>} features @param {Surface} surface
 * @param {{ bias: number, descriptionBias: number, weights: Record<string, number> }} model
 */
function score(features, surface, model) {
  let z = model.bias + (surface === 'description' ? model.descriptionBias : 0);
  for (const f of features) z += model.weights[f] ?? 0;
  return z;
}

/** Solve H x = g by Gaussian elimination with partial pivoting (H is small and positive definite). @param {Float64Array[]} h @param {Float64Array} g */
function solve(h, g) {
  const n = g.length;
  const a = h.map((row, i) => [...row, g[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]?.[c] ?? 0) > Math.abs(a[p]?.[c] ?? 0)) p = r;
    const tmp = a[c];
    a[c] = a[p] ?? [];
    a[p] = tmp ?? [];
    const pivot = a[c]?.[c] ?? 1;
    for (let r = c + 1; r < n; r++) {
      const rowR = a[r];
      const rowC = a[c];
      if (!rowR || !rowC) continue;
      const f = (rowR[c] ?? 0) / pivot;
      if (f === 0) continue;
      for (let j = c; j <= n; j++) rowR[j] = (rowR[j] ?? 0) - f * (rowC[j] ?? 0);
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    const row = a[r] ?? [];
    let s = row[n] ?? 0;
    for (let j = r + 1; j < n; j++) s -= (row[j] ?? 0) * (x[j] ?? 0);
    x[r] = s / (row[r] ?? 1);
  }
  return x;
}
