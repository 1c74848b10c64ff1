// @ts-check
// Measures flow control (docs/flows.md): the per-call check (labels + flow rules + value
// tracking) for 2 KB arguments, taking in sensitive results, and a session's memory after
// 10 MB of sensitive results. Run after `npm run build`:
//   node --expose-gc bench/flows.js   → one JSON line on stdout.
// Times are CPU time. Every time comes with a baseline measured in the same run (JSON.stringify
// of the same arguments, which every call pays anyway), so figures from a busy machine stay
// comparable.

// The built modules are loaded through variables so typechecking works before a build.
const builtFlows = '../dist/core/flows/index.js';
const builtSecrets = '../dist/core/scanner/secrets.js';
/** @type {typeof import('../src/core/flows/index.js')} */
const flowsModule = await import(builtFlows);
/** @type {typeof import('../src/core/scanner/secrets.js')} */
const { findSecrets } = await import(builtSecrets);
const {
  FlowSession,
  compileFlows,
  createLabelResolver,
  evaluateFlows,
  EGRESS,
  SENSITIVE,
  UNTRUSTED,
} = flowsModule;

// A deterministic generator (mulberry32), so every run measures the same text.
let state = 20261206;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const WORDS =
  'the of and to in is you that it he was for on are as with his they at be this have from or one had by word but not what all were we when your can said there use an each which she do how their if will up other about out many then them these so some her would make like him into time has look two more write go see number no way could people my than first water been call who oil its now find long down day did get come made may part over new sound take only little work know place year live me back give most very after thing our just name good sentence man think say great where help through much before line right too mean old any same tell boy follow came want show also around form three small set put end does another well large must big even such because turn here why ask went men read need land different home us move try kind hand picture again change off play spell air away animal house point page letter mother answer found study still learn should america world'.split(
    ' ',
  );
/** @param {number} length */
const prose = (length) => {
  let text = '';
  while (text.length < length) {
    text += WORDS[Math.floor(random() * WORDS.length)] ?? 'x';
    text += random() < 0.08 ? '. ' : ' ';
  }
  return text.slice(0, length);
};

/**
 * Median CPU µs per call of `fn` over 7 timed runs. CPU time rather than wall time: on a shared
 * machine wall time also counts the time the process waited for a core.
 * @param {() => unknown} fn
 */
function measure(fn, iterations = 20_000) {
  for (let i = 0; i < 2000; i++) fn();
  const runs = [];
  for (let run = 0; run < 7; run++) {
    const start = process.cpuUsage();
    for (let i = 0; i < iterations; i++) fn();
    const used = process.cpuUsage(start);
    runs.push((used.user + used.system) / iterations);
  }
  runs.sort((a, b) => a - b);
  return Number((runs[3] ?? 0).toFixed(2));
}

const source = { callId: 'c-1', server: 'fs', tool: 'read_text_file', receipt: { seq: 1 } };

// Memory first, before anything else is allocated: what one session retains after 10 MB of sensitive results (needs --expose-gc).
const gc = /** @type {(() => void) | undefined} */ (globalThis.gc);
let retainedBytes;
let trackingBytes;
if (gc !== undefined) {
  gc();
  const before = process.memoryUsage();
  const session = new FlowSession('memory');
  for (let i = 0; i < 100; i++)
    session.remember([prose(100_000)], { ...source, callId: `c-${i}` }, findSecrets);
  // Twice, a turn apart: freed typed arrays leave `arrayBuffers` only after a later collection.
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  const after = process.memoryUsage();
  retainedBytes = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
  trackingBytes = session.trackingBytes;
  if (session.labels < 0) console.log('unreachable');
}

const flows = compileFlows(undefined, 'enforce').flows;
const labels = createLabelResolver({
  labels: { 'mail/send_email': ['egress'] },
  servers: [{ name: 'mail', identity: { kind: 'stdio', command: 'node', args: ['mail.js'] } }],
}).resolver;

// A session that read 1 MB of sensitive text and then something untrusted: every egress call
// runs value tracking over its whole arguments.
const busy = new FlowSession('bench');
const remembered = [];
for (let i = 0; i < 100; i++) {
  const text = prose(10_000);
  remembered.push(text);
  busy.remember([text], source, findSecrets);
}
busy.takeIn(UNTRUSTED | SENSITIVE, source);
const quiet = new FlowSession('quiet');

const cases = {
  prose: { to: 'someone@example.com', body: prose(2048) },
  json: {
    body: JSON.stringify(Array.from({ length: 40 }, (_, id) => ({ id, note: prose(30) }))).slice(
      0,
      2048,
    ),
  },
  json_escaped: {
    body: JSON.stringify(
      Array.from({ length: 12 }, (_, id) => ({ id, note: `${prose(60)}\n"${prose(60)}"` })),
    ).slice(0, 2048),
  },
  base64: { data: Buffer.from(prose(1536)).toString('base64') },
  urlencoded: { url: `https://example.com/c?d=${encodeURIComponent(prose(1600))}`.slice(0, 2048) },
  carries: { body: `${prose(1000)} ${(remembered[50] ?? '').slice(3000, 4000)}` },
};

/** @param {import('../src/core/flows/index.js').FlowSession} session @param {Record<string, unknown>} args */
const check = (session, args) => {
  const toolLabels = labels.labelsFor('mail', 'send_email', undefined).bits;
  return evaluateFlows(
    flows,
    session,
    { server: 'mail', tool: 'send_email', agent: undefined, toolLabels, args },
    findSecrets,
  );
};

/** @type {Record<string, unknown>} */
const perCall = {};
for (const [name, args] of Object.entries(cases)) {
  const verdict = check(busy, args);
  perCall[name] = {
    bytes: JSON.stringify(args).length,
    decided: verdict?.rule?.id ?? 'none',
    us_check: measure(() => check(busy, args)),
    us_json_stringify_baseline: measure(() => JSON.stringify(args)),
  };
}
// A session that also remembers a secret checks every decoded copy (secrets match exact strings).
const withSecret = new FlowSession('secret');
for (const text of remembered) withSecret.remember([text], source, findSecrets);
withSecret.rememberSecrets([`token ghp_${'T'.repeat(36)}`], source, findSecrets);
withSecret.takeIn(UNTRUSTED | SENSITIVE, source);
perCall['urlencoded_secret_session'] = {
  bytes: JSON.stringify(cases.urlencoded).length,
  decided: check(withSecret, cases.urlencoded)?.rule?.id ?? 'none',
  us_check: measure(() => check(withSecret, cases.urlencoded)),
  us_json_stringify_baseline: measure(() => JSON.stringify(cases.urlencoded)),
};
perCall['no_labels'] = {
  bytes: JSON.stringify(cases.prose).length,
  us_check: measure(() => check(quiet, cases.prose)),
  egress_bit: EGRESS,
};

// Taking in sensitive results: CPU ms per MB of text fingerprinted (median of 5).
const megabyte = prose(1_000_000);
const intakeRuns = [];
for (let run = 0; run < 5; run++) {
  const session = new FlowSession('intake');
  const start = process.cpuUsage();
  session.remember([megabyte], source, findSecrets);
  const used = process.cpuUsage(start);
  intakeRuns.push((used.user + used.system) / 1000);
}
intakeRuns.sort((a, b) => a - b);

console.log(
  JSON.stringify({
    bench: 'flows',
    node: process.version,
    per_call_2kb: perCall,
    ms_per_mb_taken_in: Number((intakeRuns[2] ?? 0).toFixed(1)),
    session_after_10mb: { retained_bytes: retainedBytes, table_bytes: trackingBytes },
  }),
);
