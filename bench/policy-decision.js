// @ts-check
// Measures the cost of one policy decision (evaluatePolicy) for a 50-rule policy and for none.
// Run after `npm run build`: node bench/policy-decision.js  → one JSON line on stdout.

// The built module is loaded through a variable so typechecking works before a build; its types
// come from the sources it was built from.
const builtPolicyModule = '../dist/core/policy/index.js';
/** @type {typeof import('../src/core/policy/index.js')} */
const { compilePolicy, evaluatePolicy } = await import(builtPolicyModule);

const env = {
  home: '/home/me',
  cwd: '/home/me/work',
  protectedPaths: ['/home/me/work/.mcp-gateway', '/home/me/work/mcp-gateway.config.json'],
  digest: 'sha256:bench',
};

/** Ten servers, five rules each: globs, access classes, agents, paths, URLs, regexes. */
function fiftyRules() {
  /** @type {import('../src/core/policy/index.js').RuleSettings[]} */
  const rules = [];
  for (let index = 0; index < 10; index++) {
    const server = index === 0 ? 'fs' : index === 1 ? 'web' : `srv${index}`;
    rules.push(
      { id: `${server}-read`, effect: 'allow', match: `${server}/*`, access: 'read' },
      {
        id: `${server}-write-src`,
        effect: 'allow',
        match: `${server}/{write,edit,create}_*`,
        args: { $paths: { pathUnder: ['~/src', '/tmp/scratch'] } },
      },
      {
        id: `${server}-no-secrets`,
        effect: 'deny',
        match: `${server}/*`,
        args: { $paths: { pathUnder: ['~/.ssh', '~/.aws'] } },
      },
      { id: `${server}-ask-delete`, effect: 'ask', match: `${server}/delete_*` },
      {
        id: `${server}-fetch`,
        effect: 'allow',
        match: `${server}/fetch`,
        agents: ['bot', 'ci'],
        args: { url: { urlHost: ['*.github.com', 'example.com'], scheme: 'https' } },
      },
    );
  }
  return { default: /** @type {const} */ ('deny'), rules };
}

/** @type {import('../src/core/policy/index.js').PolicyCall[]} */
const calls = [
  {
    server: 'fs',
    tool: 'read_file',
    args: { path: '~/src/app.ts' },
    agent: 'bot',
    access: 'read',
    serverTags: [],
  },
  {
    server: 'fs',
    tool: 'write_file',
    args: { path: '/home/me/src/a/b.ts', content: 'x'.repeat(200) },
    agent: 'bot',
    access: 'write',
    serverTags: [],
  },
  {
    server: 'web',
    tool: 'fetch',
    args: { url: 'https://api.github.com/repos/x/y' },
    agent: 'bot',
    access: 'read',
    serverTags: ['egress'],
  },
  {
    server: 'srv5',
    tool: 'delete_item',
    args: { id: 42 },
    agent: 'bot',
    access: 'write',
    serverTags: [],
  },
  {
    server: 'srv7',
    tool: 'search',
    args: { query: 'hello', limit: 10 },
    agent: undefined,
    access: 'read',
    serverTags: [],
  },
];

/**
 * Median of several timed runs, in µs per decision.
 * @param {import('../src/core/policy/index.js').CompiledPolicy} policy
 */
function measure(policy) {
  const iterations = 200_000;
  let sink = 0;
  const runs = [];
  for (let run = 0; run < 7; run++) {
    const start = process.hrtime.bigint();
    for (let index = 0; index < iterations; index++) {
      const call = calls[index % calls.length];
      if (call !== undefined && evaluatePolicy(policy, call).final === 'allow') sink++;
    }
    runs.push(Number(process.hrtime.bigint() - start) / 1000 / iterations);
  }
  if (sink < 0) console.log(sink);
  runs.sort((a, b) => a - b);
  return Number((runs[3] ?? 0).toFixed(3));
}

/** @param {import('../src/core/policy/index.js').PolicySettings | undefined} settings */
function compiled(settings) {
  const { policy, problems } = compilePolicy(settings, env);
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  return policy;
}

const rules50 = compiled(fiftyRules());
const empty = compiled(undefined);
console.log(
  JSON.stringify({
    bench: 'policy-decision',
    node: process.version,
    calls: calls.length,
    us_per_decision_50_rules: measure(rules50),
    us_per_decision_no_policy: measure(empty),
  }),
);
