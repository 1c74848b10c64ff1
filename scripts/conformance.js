// @ts-check
// Runs the official MCP conformance suite (@modelcontextprotocol/conformance) server scenarios
// against the conformance fixture, either directly or through `mcp-gateway serve --http`.
//
//   node scripts/conformance.js --target direct|gateway [--expected-failures FILE]
//                               [--scenario NAME] [--suite active|all|pending]
//                               [--verbose] [--keep-results]
//
// direct:  node test/fixtures/conformance/server.mjs --http 0
// gateway: node bin/mcp-gateway.js serve --http 127.0.0.1:0 --no-auth --config <tmp config>
//          with the fixture as its only backend (stdio, naming.prefix "never").
// Both print "listening on http://127.0.0.1:PORT/mcp" on stderr when ready.
//
// A scenario fails when any of its checks is FAILURE or WARNING (the suite's own rule for
// expected-failures baselines). The expected-failures file defaults to
// test/conformance/expected-failures-<target>.yaml. Exit codes: 0 every failure is expected,
// 1 an unexpected failure, 2 the harness could not run (target did not start, suite crashed).
// The last line of output is JSON: {"target","passed","failed","expectedFailures",
// "unexpectedFailures","staleExpectedFailures"}.
import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {import('node:child_process').ChildProcess} ChildProcess */
/** @typedef {{ id: string, name?: string, description?: string, status: string, errorMessage?: string }} Check */
/** @typedef {{ scenario: string, status: 'passed' | 'failed', checks: Check[], reasons: string[] }} ScenarioResult */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURE = path.join(ROOT, 'test/fixtures/conformance/server.mjs');
const GATEWAY_BIN = path.join(ROOT, 'bin/mcp-gateway.js');
const GATEWAY_MAIN = path.join(ROOT, 'dist/cli/main.js');
const SUITE_BIN = path.join(ROOT, 'node_modules/.bin/conformance');
const READY_RE = /listening on (http:\/\/\S+\/mcp)\b/;
const READY_TIMEOUT_MS = 30_000;
const SUITE_TIMEOUT_MS = 10 * 60_000;
const STOP_GRACE_MS = 5_000;

class HarnessError extends Error {}

/** @returns {{ target: 'direct' | 'gateway', expectedFailures: string | undefined, scenario: string | undefined, suite: string | undefined, verbose: boolean, keepResults: boolean }} */
function parseArgs(/** @type {string[]} */ argv) {
  /** @type {Record<string, string>} */
  const values = {};
  const flags = new Set();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.indexOf('=');
    const key = eq === -1 ? arg : arg.slice(0, eq);
    if (key === '--verbose' || key === '--keep-results' || key === '--help' || key === '-h') {
      flags.add(key);
    } else if (['--target', '--expected-failures', '--scenario', '--suite'].includes(key)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') usage(`${key} needs a value`);
      values[key] = value;
    } else {
      usage(`unknown argument: ${arg}`);
    }
  }
  if (flags.has('--help') || flags.has('-h')) usage();
  const target = values['--target'];
  if (target !== 'direct' && target !== 'gateway') usage('--target must be direct or gateway');
  if (values['--scenario'] !== undefined && values['--suite'] !== undefined)
    usage('--scenario and --suite exclude each other');
  return {
    target,
    expectedFailures: values['--expected-failures'],
    scenario: values['--scenario'],
    suite: values['--suite'],
    verbose: flags.has('--verbose'),
    keepResults: flags.has('--keep-results'),
  };
}

/** @param {string} [error] @returns {never} */
function usage(error) {
  if (error !== undefined) console.error(`conformance: ${error}`);
  console.error(
    'usage: node scripts/conformance.js --target direct|gateway [--expected-failures FILE]\n' +
      '         [--scenario NAME | --suite active|all|pending] [--verbose] [--keep-results]',
  );
  process.exit(error === undefined ? 0 : 2);
}

/**
 * The scenario names under `server:` in an expected-failures file (the suite's format:
 * a YAML mapping with `server:` and/or `client:` lists of scenario names). Only that subset of
 * YAML is read: block lists (`- name`) and flow lists (`[a, b]`), with # comments.
 * @param {string} text @returns {string[]}
 */
function parseExpectedFailures(text) {
  /** @type {string[]} */
  const names = [];
  let inServer = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/(^|\s)#.*$/, '').trimEnd();
    if (line.trim() === '') continue;
    const top = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (top !== null) {
      inServer = top[1] === 'server';
      const rest = (top[2] ?? '').trim();
      if (inServer && rest !== '') {
        const flow = /^\[(.*)\]$/.exec(rest);
        if (flow === null) throw new HarnessError(`expected-failures: cannot read "${rawLine}"`);
        names.push(
          ...(flow[1] ?? '')
            .split(',')
            .map(unquote)
            .filter((n) => n !== ''),
        );
        inServer = false;
      }
      continue;
    }
    const item = /^\s+-\s*(.+)$/.exec(line);
    if (item !== null) {
      if (inServer) names.push(unquote(item[1] ?? ''));
      continue;
    }
    throw new HarnessError(`expected-failures: cannot read "${rawLine}"`);
  }
  return names;
}

/** @param {string} s */
function unquote(s) {
  const t = s.trim();
  return /^(["']).*\1$/.test(t) ? t.slice(1, -1) : t;
}

/** A started target: its URL, its stderr so far, and a way to stop it (and its children). */
class Target {
  /** @param {string} label @param {string} command @param {string[]} args @param {string} cwd */
  constructor(label, command, args, cwd) {
    this.label = label;
    this.stderr = '';
    /** @type {number | null | undefined} */
    this.exitCode = undefined;
    /** @type {string | null} */
    this.exitSignal = null;
    /** @type {Promise<void> | undefined} */
    this.stopped = undefined;
    this.child = spawn(command, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that whatever it leaves behind can be found and stopped.
      detached: process.platform !== 'win32',
    });
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitCode = code;
        this.exitSignal = signal;
        resolve(undefined);
      });
    });
    this.child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
      this.#append(chunk.toString('utf8'));
    });
    this.child.stderr.on('data', (/** @type {Buffer} */ chunk) => {
      this.#append(chunk.toString('utf8'));
    });
  }

  /** @param {string} text */
  #append(text) {
    this.stderr += text;
    if (this.stderr.length > 1_000_000) this.stderr = this.stderr.slice(-500_000);
  }

  /** @returns {string} the last lines of its output, indented */
  tail(lines = 20) {
    const all = this.stderr.trimEnd().split('\n');
    return all
      .slice(-lines)
      .map((l) => `    ${l}`)
      .join('\n');
  }

  /** Resolves with the URL from the ready line; rejects if the process ends or times out first. */
  async ready() {
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    /** @type {(() => void) | undefined} */
    let onData;
    try {
      return await new Promise((resolve, reject) => {
        const check = () => {
          const match = READY_RE.exec(this.stderr);
          if (match?.[1] !== undefined) resolve(match[1]);
        };
        onData = check;
        this.child.stderr.on('data', onData);
        this.child.once('error', (error) => {
          reject(new HarnessError(`${this.label}: could not start: ${error.message}`));
        });
        void this.exited.then(() => {
          reject(
            new HarnessError(
              `${this.label} exited before it was ready (${this.describeExit()}); its output:\n${this.tail()}`,
            ),
          );
        });
        timer = setTimeout(() => {
          reject(
            new HarnessError(
              `${this.label} printed no "listening on http://…/mcp" line within ${READY_TIMEOUT_MS / 1000}s; its output:\n${this.tail()}`,
            ),
          );
        }, READY_TIMEOUT_MS);
        check();
      });
    } finally {
      clearTimeout(timer);
      if (onData !== undefined) this.child.stderr.off('data', onData);
    }
  }

  describeExit() {
    if (this.exitCode === undefined) return 'still running';
    return this.exitSignal === null ? `exit code ${this.exitCode}` : `signal ${this.exitSignal}`;
  }

  /** SIGTERM, then SIGKILL after a grace period; then makes sure its process group is gone. */
  stop() {
    this.stopped ??= this.#stop();
    return this.stopped;
  }

  async #stop() {
    const pid = this.child.pid;
    if (pid === undefined) return;
    if (this.exitCode === undefined) {
      signal(pid, 'SIGTERM');
      const timedOut = await Promise.race([
        this.exited.then(() => false),
        new Promise((resolve) => {
          setTimeout(() => {
            resolve(true);
          }, STOP_GRACE_MS).unref();
        }),
      ]);
      if (timedOut) {
        console.error(`conformance: ${this.label} ignored SIGTERM for 5s; killing it`);
        signal(pid, 'SIGKILL');
        await this.exited;
      }
    }
    if (process.platform !== 'win32' && groupAlive(pid)) {
      console.error(
        `conformance: ${this.label} left processes running in its process group after it ended; killing them`,
      );
      signal(-pid, 'SIGKILL');
    }
  }
}

/** @param {number} pid @param {NodeJS.Signals} sig */
function signal(pid, sig) {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}

/** @param {number} pgid */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs the suite; resolves with its exit code and output. */
function runSuite(/** @type {string[]} */ args, /** @type {boolean} */ verbose) {
  if (!existsSync(SUITE_BIN))
    throw new HarnessError(
      `${SUITE_BIN} not found: run npm install (@modelcontextprotocol/conformance is a devDependency)`,
    );
  const entry = realpathSync(SUITE_BIN);
  const child = spawn(process.execPath, [entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  /** @param {Buffer} chunk */
  const collect = (chunk) => {
    output += chunk.toString('utf8');
    if (verbose) process.stdout.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return {
    child,
    done: new Promise(
      /** @param {(value: { code: number | null, output: string }) => void} resolve */ (
        resolve,
        reject,
      ) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(
            new HarnessError(
              `the suite did not finish within ${SUITE_TIMEOUT_MS / 60_000} minutes`,
            ),
          );
        }, SUITE_TIMEOUT_MS);
        child.once('error', (error) => {
          clearTimeout(timer);
          reject(new HarnessError(`could not run the suite: ${error.message}`));
        });
        child.once('close', (code) => {
          clearTimeout(timer);
          resolve({ code, output });
        });
      },
    ),
  };
}

/**
 * Reads `<dir>/server-<scenario>-<timestamp>/checks.json` written by the suite (-o), and the
 * scenario names the suite announced, so that a scenario that crashed before writing results
 * still counts as failed.
 * @param {string} dir @param {string} output @param {string[]} wanted
 * @returns {Promise<ScenarioResult[]>}
 */
async function collectResults(dir, output, wanted) {
  /** @type {Map<string, Check[]>} */
  const checksByScenario = new Map();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const match = /^server-(.+)-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/.exec(entry.name);
    if (!entry.isDirectory() || match?.[1] === undefined) continue;
    const file = path.join(dir, entry.name, 'checks.json');
    if (!existsSync(file)) continue;
    const checks = /** @type {Check[]} */ (JSON.parse(await readFile(file, 'utf8')));
    checksByScenario.set(match[1], [...(checksByScenario.get(match[1]) ?? []), ...checks]);
  }
  const announced = [...output.matchAll(/^=== Running scenario: (\S+) ===$/gm)].map(
    (m) => m[1] ?? '',
  );
  const names = [...new Set([...wanted, ...announced, ...checksByScenario.keys()])];
  return names.map((scenario) => {
    const checks = checksByScenario.get(scenario);
    if (checks === undefined) {
      const crash = new RegExp(`Failed to run scenario ${scenario}:\\s*(.*)`).exec(output);
      return {
        scenario,
        status: 'failed',
        checks: [],
        reasons: [crash?.[1] ?? 'no results written (the scenario did not run or crashed)'],
      };
    }
    const bad = checks.filter((c) => c.status === 'FAILURE' || c.status === 'WARNING');
    return {
      scenario,
      status: bad.length === 0 ? 'passed' : 'failed',
      checks,
      reasons: bad.map((c) => `${c.status} ${c.id}: ${c.errorMessage ?? c.description ?? ''}`),
    };
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const expectedFile =
    options.expectedFailures ??
    path.join(ROOT, `test/conformance/expected-failures-${options.target}.yaml`);
  const expected = existsSync(expectedFile)
    ? parseExpectedFailures(await readFile(expectedFile, 'utf8'))
    : options.expectedFailures === undefined
      ? []
      : usage(`expected-failures file not found: ${expectedFile}`);

  const work = await mkdtemp(path.join(os.tmpdir(), 'mcp-gateway-conformance-'));
  const resultsDir = path.join(work, 'results');
  /** @type {Target | undefined} */
  let target;
  /** @type {ChildProcess | undefined} */
  let suiteChild;
  let keep = options.keepResults;

  /** @type {NodeJS.Signals | undefined} */
  let interruptedBy;
  /** @type {(error: Error) => void} */
  let interrupt = () => undefined;
  /** @type {Promise<never>} */
  const interrupted = new Promise((_resolve, reject) => {
    interrupt = reject;
  });
  interrupted.catch(() => undefined);
  // Ctrl-C or a CI cancel: stop the suite and the target, clean up, exit 130.
  const onSignal = (/** @type {NodeJS.Signals} */ sig) => {
    if (interruptedBy !== undefined) return;
    interruptedBy = sig;
    console.error(`conformance: ${sig}: stopping`);
    suiteChild?.kill('SIGKILL');
    interrupt(new HarnessError(`interrupted by ${sig}`));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    if (options.target === 'direct') {
      target = new Target('the fixture server', process.execPath, [FIXTURE, '--http', '0'], ROOT);
    } else {
      if (!existsSync(GATEWAY_MAIN))
        throw new HarnessError(`${GATEWAY_MAIN} not found: run npm run build first`);
      const configFile = path.join(work, 'mcp-gateway.config.json');
      const config = {
        servers: { conformance: { command: process.execPath, args: [FIXTURE, '--stdio'] } },
        naming: { prefix: 'never' },
      };
      await writeFile(configFile, `${JSON.stringify(config, null, 2)}\n`);
      target = new Target(
        'mcp-gateway serve --http',
        process.execPath,
        [GATEWAY_BIN, 'serve', '--http', '127.0.0.1:0', '--no-auth', '--config', configFile],
        work,
      );
    }
    const url = await Promise.race([target.ready(), interrupted]);
    console.log(`conformance: target ${options.target} ready at ${url}`);

    const suiteArgs = ['server', '--url', url, '-o', resultsDir];
    if (options.scenario !== undefined) suiteArgs.push('--scenario', options.scenario);
    if (options.suite !== undefined) suiteArgs.push('--suite', options.suite);
    if (options.verbose) suiteArgs.push('--verbose');
    const suite = runSuite(suiteArgs, options.verbose);
    suiteChild = suite.child;
    const { code, output } = await Promise.race([suite.done, interrupted]);
    suiteChild = undefined;
    await writeFile(path.join(work, 'suite-output.txt'), output);

    const targetDied = target.exitCode !== undefined;
    await target.stop();
    await writeFile(path.join(work, 'target-output.txt'), target.stderr);

    if (!existsSync(resultsDir)) {
      throw new HarnessError(
        `the suite wrote no results (exit code ${code}); its output begins:\n${output.trimEnd().split('\n').slice(0, 12).join('\n')}`,
      );
    }
    const results = await collectResults(
      resultsDir,
      output,
      options.scenario === undefined ? [] : [options.scenario],
    );
    if (results.length === 0) {
      throw new HarnessError(`the suite ran no scenarios (exit code ${code})`);
    }

    const passed = results.filter((r) => r.status === 'passed').map((r) => r.scenario);
    const failed = results.filter((r) => r.status === 'failed').map((r) => r.scenario);
    const expectedSet = new Set(expected);
    const expectedFailures = failed.filter((s) => expectedSet.has(s));
    const unexpectedFailures = failed.filter((s) => !expectedSet.has(s));
    const staleExpectedFailures = passed.filter((s) => expectedSet.has(s));

    console.log(`\nConformance results (target: ${options.target})`);
    const width = Math.max(...results.map((r) => r.scenario.length));
    for (const r of results) {
      const counted = r.checks.filter((c) => c.status === 'SUCCESS' || c.status === 'FAILURE');
      const ok = counted.filter((c) => c.status === 'SUCCESS').length;
      const mark =
        r.status === 'passed'
          ? expectedSet.has(r.scenario)
            ? 'PASS (listed as expected failure: remove it)'
            : 'PASS'
          : expectedSet.has(r.scenario)
            ? 'FAIL (expected)'
            : 'FAIL';
      console.log(`  ${r.scenario.padEnd(width)}  ${mark}  ${ok}/${counted.length} checks`);
      for (const reason of r.reasons) console.log(`      ${reason}`);
    }
    console.log(
      `\n${passed.length} passed, ${failed.length} failed (${expectedFailures.length} expected, ${unexpectedFailures.length} unexpected)`,
    );
    if (staleExpectedFailures.length > 0)
      console.log(
        `note: listed in ${path.relative(ROOT, expectedFile)} but passing now: ${staleExpectedFailures.join(', ')}`,
      );
    if (targetDied)
      console.log(
        `note: the target ended during the run (${target.describeExit()}); its output:\n${target.tail()}`,
      );
    if (unexpectedFailures.length > 0 || targetDied) keep = true;
    if (keep) console.log(`results kept in ${work}`);
    console.log(
      JSON.stringify({
        target: options.target,
        passed,
        failed,
        expectedFailures,
        unexpectedFailures,
        staleExpectedFailures,
      }),
    );
    return unexpectedFailures.length > 0 || targetDied ? 1 : 0;
  } catch (error) {
    if (!(error instanceof HarnessError)) throw error;
    console.error(`conformance: ${error.message}`);
    console.log(
      JSON.stringify({ target: options.target, passed: [], failed: [], error: error.message }),
    );
    return interruptedBy === undefined ? 2 : 130;
  } finally {
    suiteChild?.kill('SIGKILL');
    await target?.stop();
    if (!keep) await rm(work, { recursive: true, force: true });
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (!(error instanceof HarnessError)) throw error;
  console.error(`conformance: ${error.message}`);
  process.exitCode = 2;
}
