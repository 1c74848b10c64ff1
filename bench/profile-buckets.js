// @ts-check
// Splits a profile of the gateway by pipeline step: each sample (CPU) or sampled allocation
// (heap) goes to the nearest frame on its stack that belongs to a step (audit, scanning,
// policy, flows, pin reviews, the console feed, …); what no step claims is the relay's or
// Node's own. Made for profiles of the unbundled build (`dist/cli/main.js`), whose file names
// say what a frame is:
//
//   node bench/profile-call.js --bin dist/cli/main.js --node-options="--cpu-prof --cpu-prof-dir=D"
//   node bench/profile-buckets.js D/CPU.….cpuprofile [--window-ms 1500] [--cpu-us 85] [--detail audit]
//   node --experimental-websocket bench/profile-call.js --bin dist/cli/main.js --alloc-profile A
//   node bench/profile-buckets.js A --calls 20000 [--detail audit]
//
// CPU: only the last `--window-ms` before the final 100 ms (the measured calls, not start-up);
// idle samples are left out, and each sample counts at most 100 µs (a sampler thread starved by
// a busy machine otherwise gives the first sample after an idle gap all of it). With `--cpu-us`
// (the relay's CPU per call measured by schedstat) each share is also shown in µs per call.
// Heap (`.heapprofile`, from `--alloc-profile`): bytes allocated per call.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'window-ms': { type: 'string', default: '1500' },
    'cpu-us': { type: 'string' },
    calls: { type: 'string' },
    detail: { type: 'string' },
  },
});

/** Buckets, first match wins, tried from the sampled frame outwards. */
const BUCKETS = /** @type {const} */ ([
  ['console feed', /\/console\//],
  ['audit', /\/audit\/|record-audit|deferred-audit|record-unrouted|canonical-json/],
  ['scanning', /core\/scanner\/|scan-content|scan-read-content|lazy-scanner/],
  ['policy', /core\/policy\/|enforce-policy/],
  ['flows', /core\/flows\/|control-flows/],
  ['pin reviews', /\/review\/|\/pins\/|forward-after-review|tool-verdict/],
  ['fit result', /fit-result|\/results\//],
  ['step tracing', /trace-steps|\/telemetry\//],
  ['sessions, routing', /agent-sessions|tool-calls|session-profiles|live-catalog/],
  ['relay (front, wire, backends)', /\/dist\/(frontend|wire|backends|gateway|core)\//],
]);

/** @typedef {{ functionName: string; url: string; lineNumber: number }} CallFrame */

/** @param {readonly CallFrame[]} stack the sampled frame last */
const bucketOf = (stack) => {
  for (let i = stack.length - 1; i >= 0; i--) {
    const url = stack[i]?.url ?? '';
    for (const [name, pattern] of BUCKETS) if (pattern.test(url)) return name;
  }
  return 'node, other';
};

/** @param {CallFrame} frame */
const nameOf = (frame) =>
  `${frame.functionName === '' ? '(anonymous)' : frame.functionName} ${frame.url.split('/').slice(-2).join('/')}:${String(frame.lineNumber + 1)}`;

const file = positionals[0];
if (file === undefined) throw new Error('usage: profile-buckets.js PROFILE [options]');
const profile = JSON.parse(readFileSync(file, 'utf8'));
/** @type {Map<string, number>} */
const totals = new Map();
/** @type {Map<string, number>} */
const details = new Map();
let total = 0;
/** @param {string} bucket @param {CallFrame} leaf @param {number} weight */
const add = (bucket, leaf, weight) => {
  total += weight;
  totals.set(bucket, (totals.get(bucket) ?? 0) + weight);
  if (bucket === opts.detail) details.set(nameOf(leaf), (details.get(nameOf(leaf)) ?? 0) + weight);
};

// A heap profile has a `head` (its samples, if any, only name nodes); a CPU profile has none.
const heap = profile.head !== undefined;
if (!heap) {
  /** @type {Map<number, { callFrame: CallFrame; children?: number[] }>} */
  const nodes = new Map(profile.nodes.map((/** @type {any} */ node) => [node.id, node]));
  /** @type {Map<number, number>} */
  const parents = new Map();
  for (const node of nodes.values()) for (const child of node.children ?? []) parents.set(child, 0);
  for (const [id, node] of nodes) for (const child of node.children ?? []) parents.set(child, id);
  /** @type {number[]} */
  const times = [];
  /** @type {number} */
  let at = profile.startTime;
  for (const delta of /** @type {number[]} */ (profile.timeDeltas)) times.push((at += delta));
  const end = (times.at(-1) ?? 0) - 100_000;
  const start = end - Number(opts['window-ms']) * 1000;
  for (let i = 1; i < profile.samples.length; i++) {
    const time = times[i] ?? 0;
    if (time < start || time > end) continue;
    /** @type {CallFrame[]} */
    const stack = [];
    for (let id = profile.samples[i]; id !== undefined && id !== 0; id = parents.get(id)) {
      const node = nodes.get(id);
      if (node !== undefined) stack.unshift(node.callFrame);
    }
    const leaf = stack.at(-1);
    if (leaf === undefined || leaf.functionName === '(idle)') continue;
    const weight = Math.min(100, time - (times[i - 1] ?? time));
    const bucket =
      leaf.functionName === '(garbage collector)'
        ? 'garbage collector'
        : leaf.functionName === '(program)'
          ? 'V8/native (program)'
          : bucketOf(stack);
    add(bucket, leaf, weight);
  }
} else {
  /** @param {{ callFrame: CallFrame; selfSize: number; children: any[] }} node @param {CallFrame[]} stack */
  const walk = (node, stack) => {
    const here = [...stack, node.callFrame];
    if (node.selfSize > 0) add(bucketOf(here), node.callFrame, node.selfSize);
    for (const child of node.children) walk(child, here);
  };
  walk(profile.head, []);
}

const calls = Number(opts.calls ?? NaN);
const cpuUs = Number(opts['cpu-us'] ?? NaN);
const rows = [...totals].sort((a, b) => b[1] - a[1]);
for (const [bucket, weight] of [
  ...rows,
  ...[...details].sort((a, b) => b[1] - a[1]).slice(0, 30),
]) {
  const share = `${((100 * weight) / total).toFixed(1).padStart(5)}%`;
  const perCall = heap
    ? Number.isNaN(calls)
      ? ''
      : `${(weight / calls).toFixed(0).padStart(7)} B/call`
    : Number.isNaN(cpuUs)
      ? ''
      : `${((cpuUs * weight) / total).toFixed(1).padStart(6)} µs/call`;
  const indent = totals.has(bucket) ? '' : '    ';
  console.log(`${indent}${share} ${perCall}  ${bucket}`);
}
if (heap && !Number.isNaN(calls)) console.log(`total ${(total / calls).toFixed(0)} B/call`);
