import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { cosmiconfig } from 'cosmiconfig';
import { loadConfig, validateConfig } from '../../config/load.js';
import type { ResolvedConfig, ResolvedServer, ResolvedStdioServer } from '../../config/resolve.js';
import { isGatewayError, type GatewayError } from '../../core/errors.js';
import { silentLogger } from '../../core/logger.js';
import type { BackendStatus, Gateway } from '../../gateway/gateway.js';
import type { TelemetryReport } from '../../telemetry/check-telemetry.js';
import { inlineConfigFrom, type CliDeps, type GlobalOptions } from '../context.js';
import { createOutput, formatError, formatJsonPath, type Output } from '../output.js';

/** One finding of `doctor`: what was checked, whether it passed, and what to do when it did not. */
export interface DoctorCheck {
  readonly check: 'env' | 'command' | 'cwd' | 'url' | 'start';
  readonly ok: boolean;
  readonly message: string;
  readonly fix?: string;
}

/** Everything `doctor` found out about one configured server. */
export interface DoctorServer {
  readonly name: string;
  readonly kind: 'stdio' | 'remote';
  /** `not started`: a problem found before starting (an unset variable, an invalid config). */
  readonly status: 'ready' | 'failed' | 'not started' | 'disabled';
  readonly tools?: number;
  /** Spawn to a complete tool list: initialize plus every page of tools/list. */
  readonly startMs?: number;
  readonly checks: readonly DoctorCheck[];
}

/** The whole `doctor --json` report. */
export interface DoctorReport {
  readonly ok: boolean;
  readonly config: {
    readonly file: string | undefined;
    readonly problems: readonly { readonly message: string; readonly fix: string }[];
  };
  readonly servers: readonly DoctorServer[];
  readonly collisions: readonly {
    readonly exposed: string;
    readonly kept: string;
    readonly dropped: string;
    readonly fix: string;
  }[];
  /** The OTLP endpoints (when telemetry is configured) and the telemetry recorded as lost. */
  readonly telemetry?: TelemetryReport;
}

/** `doctor`: check every server's command, variables and start, with a fix for each problem; exit 0 or 1. */
export const doctorCommand = async (
  options: GlobalOptions & { json?: boolean },
  deps: CliDeps,
): Promise<number> => {
  const output = createOutput(deps.streams, { noColor: !options.color, env: deps.env });
  let report: DoctorReport;
  try {
    report = await diagnose(options, deps, output);
  } catch (error) {
    output.err(formatError(error, output.color));
    return 1;
  }
  if (options.json === true) output.out(JSON.stringify(report, null, 2));
  else {
    // The report is this command's output and goes to stdout, so its colours follow stdout.
    const stdoutOnly = { stdout: deps.streams.stdout, stderr: deps.streams.stdout };
    const paint = createOutput(stdoutOnly, { noColor: !options.color, env: deps.env }).color;
    for (const line of formatReport(report, paint)) output.out(line);
  }
  return report.ok ? 0 : 1;
};

/** A server entry as written in the file, before `${env:…}` expansion (only what doctor reads). */
interface RawServer {
  readonly command?: unknown;
  readonly args?: unknown;
  readonly env?: unknown;
  readonly headers?: unknown;
  readonly url?: unknown;
}

/** Parses a config file exactly as `loadConfig` does, without validating or expanding it. */
export const readRawConfig = async (file: string): Promise<unknown> => {
  const explorer = cosmiconfig('mcp-gateway', { packageProp: 'mcp-gateway', cache: false });
  const loaded = await explorer.load(file);
  return loaded?.isEmpty === true ? undefined : loaded?.config;
};

interface Loaded {
  readonly file: string | undefined;
  readonly raw: unknown;
  readonly config: ResolvedConfig | undefined;
  readonly problems: DoctorReport['config']['problems'];
}

const diagnose = async (
  options: GlobalOptions,
  deps: CliDeps,
  output: Output,
): Promise<DoctorReport> => {
  const loaded = await load(options, deps);
  const rawServers = rawServersOf(loaded.raw);
  const envChecks = new Map(
    [...rawServers].map(([name, raw]) => [name, envReferences(name, raw, deps.env)]),
  );
  const blocked = (name: string): boolean =>
    envChecks.get(name)?.some((check) => !check.ok) === true;

  const servers = loaded.config?.servers ?? [];
  const toStart = servers.filter((s) => s.enabled && !blocked(s.name));
  // The collector is probed while the servers start.
  const settings = loaded.config?.telemetry;
  const telemetry =
    settings === undefined
      ? undefined
      : import('../../telemetry/check-telemetry.js').then(({ checkTelemetry }) =>
          checkTelemetry(
            settings,
            loaded.config?.audit.enabled === true ? loaded.config.audit.path : undefined,
          ),
        );
  let gateway: Gateway | undefined;
  try {
    const statics = await Promise.all(
      servers.map((s) => staticChecks(s, { blocked: blocked(s.name), env: deps.env })),
    );
    let statuses: BackendStatus[] = [];
    let collisions: DoctorReport['collisions'] = [];
    if (loaded.config !== undefined && toStart.length > 0) {
      const config = loaded.config;
      const longest = Math.max(...toStart.map((s) => s.startupTimeoutMs));
      if (output.interactive) {
        output.err(
          output.color.dim(
            `Starting ${toStart.length} server${toStart.length === 1 ? '' : 's'} (${toStart.map((s) => s.name).join(', ')}); this can take up to ${Math.ceil(longest / 1000)} s…`,
          ),
        );
      }
      const { createGateway } = await import('../../gateway/create-gateway.js');
      gateway = await createGateway({
        config,
        // Every backend problem is in the report; stderr stays quiet unless asked.
        logger: options.logLevel === undefined ? silentLogger : output.logger(options.logLevel),
        standalone: true,
        audit: false,
      });
      statuses = await watchFirstStart(gateway, longest + 1000);
      collisions = gateway.catalog().collisions.map((c) => ({
        exposed: c.exposed,
        kept: `${c.kept.server}/${c.kept.tool}`,
        dropped: `${c.dropped.server}/${c.dropped.tool}`,
        fix: collisionFix(c.exposed, c.kept.server === c.dropped.server, config.naming.maxLength),
      }));
    }

    const reports: DoctorServer[] =
      loaded.config === undefined
        ? [...rawServers.entries()].map(([name, raw]) => ({
            name,
            kind: raw.url === undefined ? 'stdio' : 'remote',
            status: 'not started',
            checks: envChecks.get(name) ?? [],
          }))
        : servers.map((server, i) =>
            serverReport(
              server,
              [...(envChecks.get(server.name) ?? []), ...(statics[i] ?? [])],
              statuses.find((s) => s.name === server.name),
              rawServers.get(server.name),
              deps.env,
            ),
          );
    const telemetryReport = await telemetry;
    const ok =
      loaded.problems.length === 0 &&
      collisions.length === 0 &&
      reports.every((r) => r.checks.every((c) => c.ok)) &&
      (telemetryReport?.endpoints.every((e) => e.ok) ?? true);
    return {
      ok,
      config: { file: loaded.file, problems: loaded.problems },
      servers: reports,
      collisions,
      ...(telemetryReport === undefined ? {} : { telemetry: telemetryReport }),
    };
  } finally {
    await gateway?.close();
  }
};

/**
 * Each backend's status after its first start, whether it worked or not. A failed backend is
 * soon replaced by a retry in state `starting` with no error, so the failure is kept as seen.
 */
const watchFirstStart = async (gateway: Gateway, timeoutMs: number): Promise<BackendStatus[]> => {
  const seen = new Map<string, BackendStatus>();
  const look = (): void => {
    for (const status of gateway.status()) {
      if (status.state === 'ready' || status.error !== undefined) seen.set(status.name, status);
      else if (!seen.has(status.name)) seen.set(status.name, status);
    }
  };
  const done = gateway.settled(timeoutMs).then(() => true);
  for (;;) {
    look();
    if (await Promise.race([done, sleep(POLL_MS).then(() => false)])) break;
  }
  look();
  return [...seen.values()];
};

const POLL_MS = 25;

/**
 * The config as `run` would see it. When only unset variables stop it from loading, the
 * servers that need them are left out (reported, not started) so the others still get checked.
 */
const load = async (options: GlobalOptions, deps: CliDeps): Promise<Loaded> => {
  const context = { cwd: deps.cwd, env: deps.env, inline: inlineConfigFrom(options) };
  let failure: GatewayError;
  try {
    const config = await loadConfig({ configPath: options.config, ...context });
    return { file: config.file, raw: await readRaw(config.file), config, problems: [] };
  } catch (error) {
    if (!isGatewayError(error)) throw error;
    failure = error;
  }
  const file = failure.details?.['file'];
  if (failure.code !== 'CONFIG_INVALID' || typeof file !== 'string') {
    const given = typeof file === 'string';
    const fix = given
      ? 'check the path given with --config or MCP_GATEWAY_CONFIG'
      : 'create a config file, or pass --config PATH';
    return {
      file: given ? file : undefined,
      raw: undefined,
      config: undefined,
      problems: [{ message: failure.message, fix }],
    };
  }
  const raw = await readRaw(file);
  // A file that does not even parse has nothing to patch: report the loader's own problems.
  if (raw === undefined)
    return { file, raw, config: undefined, problems: configProblems(failure, file) };
  try {
    const config = validateConfig(withoutUnsetReferences(raw, deps.env), file, context);
    return { file, raw, config, problems: [] };
  } catch (error) {
    if (!isGatewayError(error)) throw error;
    return { file, raw, config: undefined, problems: configProblems(error, file) };
  }
};

const configProblems = (error: GatewayError, file: string): DoctorReport['config']['problems'] => {
  const issues = error.details?.['issues'];
  const fix = `correct it in ${file} (mcp-gateway validate lists the same problems)`;
  return Array.isArray(issues)
    ? (issues as { path: (string | number)[]; message: string }[]).map((issue) => ({
        message: `${formatJsonPath(issue.path)}: ${issue.message}`,
        fix,
      }))
    : [{ message: error.message, fix }];
};

const readRaw = async (file: string | undefined): Promise<unknown> => {
  if (file === undefined) return undefined;
  try {
    return await readRawConfig(file);
  } catch {
    // loadConfig has already reported why the file cannot be parsed.
    return undefined;
  }
};

const ENV_REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/** Every `${env:NAME}` in the places the loader expands them, with its JSON path. */
const referencesIn = (
  raw: RawServer,
): { at: (string | number)[]; name: string; fallback: boolean }[] => {
  const out: { at: (string | number)[]; name: string; fallback: boolean }[] = [];
  const scan = (value: unknown, at: (string | number)[]): void => {
    if (typeof value !== 'string') return;
    for (const match of value.matchAll(ENV_REFERENCE)) {
      out.push({ at, name: match[1] ?? '', fallback: match[2] !== undefined });
    }
  };
  scan(raw.url, ['url']);
  if (Array.isArray(raw.args))
    raw.args.forEach((arg: unknown, i) => {
      scan(arg, ['args', i]);
    });
  for (const key of ['env', 'headers'] as const) {
    const map = raw[key];
    if (isRecord(map)) for (const [k, v] of Object.entries(map)) scan(v, [key, k]);
  }
  return out;
};

const isUnset = (env: CliDeps['env'], name: string): boolean => (env[name] ?? '') === '';

const envReferences = (server: string, raw: RawServer, env: CliDeps['env']): DoctorCheck[] =>
  referencesIn(raw).map(({ at, name, fallback }) => {
    const where = formatJsonPath(['servers', server, ...at]);
    if (!isUnset(env, name))
      return { check: 'env', ok: true, message: `${name} is set (${where})` };
    if (fallback) {
      return { check: 'env', ok: true, message: `${name} is not set; ${where} uses its default` };
    }
    return {
      check: 'env',
      ok: false,
      message: `environment variable ${name} is not set (${where})`,
      fix: `set ${name} in the environment that starts mcp-gateway (the "env" of its entry in your MCP client's config), or write \${env:${name}:-default} in ${where}`,
    };
  });

/** The raw config with unresolvable servers disabled, so the rest can load. */
const withoutUnsetReferences = (raw: unknown, env: CliDeps['env']): unknown => {
  if (!isRecord(raw)) return raw;
  const key = raw['servers'] === undefined ? 'mcpServers' : 'servers';
  const servers = raw[key];
  if (!isRecord(servers)) return raw;
  const patched: Record<string, unknown> = {};
  for (const [name, server] of Object.entries(servers)) {
    if (
      !isRecord(server) ||
      !referencesIn(server).some((r) => !r.fallback && isUnset(env, r.name))
    ) {
      patched[name] = server;
      continue;
    }
    // An empty default lets the server's entry resolve; being disabled, it never runs with it.
    const defaulted = (value: unknown): unknown =>
      typeof value === 'string'
        ? value.replace(ENV_REFERENCE, (whole, variable: string, fallback: string | undefined) =>
            fallback === undefined ? `\${env:${variable}:-}` : whole,
          )
        : Array.isArray(value)
          ? value.map(defaulted)
          : isRecord(value)
            ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, defaulted(v)]))
            : value;
    patched[name] = { ...(defaulted(server) as Record<string, unknown>), enabled: false };
  }
  return { ...raw, [key]: patched };
};

const rawServersOf = (raw: unknown): Map<string, RawServer> => {
  if (!isRecord(raw)) return new Map();
  const servers = raw['servers'] ?? raw['mcpServers'];
  if (!isRecord(servers)) return new Map();
  return new Map(
    Object.entries(servers).filter((entry): entry is [string, RawServer] => isRecord(entry[1])),
  );
};

/** Checks that need no process: the command resolves, the folder exists, the URL parses. */
const staticChecks = async (
  server: ResolvedServer,
  { blocked, env }: { blocked: boolean; env: CliDeps['env'] },
): Promise<DoctorCheck[]> => {
  // A server left out for an unset variable is still checked, except for what that variable fills in.
  if (!server.enabled && !blocked) return [];
  if (server.kind === 'remote') return blocked ? [] : [urlCheck(server)];
  return [await commandCheck(server, env), await cwdCheck(server)];
};

const urlCheck = (server: ResolvedServer & { kind: 'remote' }): DoctorCheck => {
  const fix = `write a full http:// or https:// URL in servers.${server.name}.url`;
  let parsed: URL;
  try {
    parsed = new URL(server.url);
  } catch {
    return { check: 'url', ok: false, message: 'the URL does not parse', fix };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { check: 'url', ok: false, message: `the URL's scheme is ${parsed.protocol}`, fix };
  }
  // As written: `${env:…}` stays a name (a key may sit in the path), no query or credentials.
  return { check: 'url', ok: true, message: server.display };
};

const commandCheck = async (
  server: ResolvedStdioServer,
  env: CliDeps['env'],
): Promise<DoctorCheck> => {
  const { command, name } = server;
  const at = `servers.${name}.command`;
  const pathLike =
    path.isAbsolute(command) ||
    command.includes('/') ||
    (process.platform === 'win32' && command.includes('\\'));
  if (pathLike) {
    const file = path.resolve(server.cwd, command);
    const problem = await executableProblem(file);
    if (problem === undefined) return { check: 'command', ok: true, message: `${file} exists` };
    return {
      check: 'command',
      ok: false,
      message: `${file} ${problem}`,
      fix:
        problem === 'is not executable'
          ? `make it executable (chmod +x ${file}), or start it through its interpreter: "command": "node", "args": ["${file}"]`
          : `correct the path in ${at} (relative paths start from the config file's folder)`,
    };
  }
  // The child looks the command up in its own PATH: the server's env wins over the gateway's.
  const searched = server.env['PATH'] ?? env['PATH'] ?? '';
  const found = await findOnPath(command, searched, server.cwd, env);
  if (found !== undefined) return { check: 'command', ok: true, message: `${command} is ${found}` };
  const from = server.env['PATH'] === undefined ? 'PATH' : `servers.${name}.env.PATH`;
  return {
    check: 'command',
    ok: false,
    message: `"${command}" was not found on ${from} (${searched === '' ? 'empty' : searched})`,
    fix: `${installHint(command)}, or write its absolute path in ${at}`,
  };
};

const findOnPath = async (
  command: string,
  searched: string,
  cwd: string,
  env: CliDeps['env'],
): Promise<string | undefined> => {
  const extensions =
    process.platform === 'win32'
      ? ['', ...(env['PATHEXT'] ?? '.COM;.EXE;.BAT;.CMD').split(';')]
      : [''];
  for (const dir of searched.split(path.delimiter)) {
    if (dir === '') continue;
    for (const extension of extensions) {
      const candidate = path.resolve(cwd, dir, command + extension);
      if ((await executableProblem(candidate)) === undefined) return candidate;
    }
  }
  return undefined;
};

const executableProblem = async (file: string): Promise<string | undefined> => {
  try {
    const info = await stat(file);
    if (!info.isFile()) return 'is not a file';
  } catch {
    return 'does not exist';
  }
  try {
    await access(file, constants.X_OK);
    return undefined;
  } catch {
    return 'is not executable';
  }
};

// The launchers MCP servers are usually started with, and what provides each.
const PROVIDERS: Readonly<Record<string, string>> = {
  npx: 'Node.js (https://nodejs.org), which provides npx',
  npm: 'Node.js (https://nodejs.org)',
  node: 'Node.js (https://nodejs.org)',
  uvx: 'uv (https://docs.astral.sh/uv/), which provides uvx',
  uv: 'uv (https://docs.astral.sh/uv/)',
  python: 'Python 3 (https://www.python.org)',
  python3: 'Python 3 (https://www.python.org)',
  pipx: 'pipx (https://pipx.pypa.io)',
  docker: 'Docker (https://docs.docker.com/get-docker/)',
  deno: 'Deno (https://deno.com)',
  bun: 'Bun (https://bun.sh)',
};

const installHint = (command: string): string => {
  const provider = PROVIDERS[command.replace(/\.(exe|cmd)$/i, '')];
  return provider === undefined
    ? `install ${command} or add the folder that holds it to PATH`
    : `install ${provider}`;
};

const cwdCheck = async (server: ResolvedStdioServer): Promise<DoctorCheck> => {
  try {
    if ((await stat(server.cwd)).isDirectory()) {
      return { check: 'cwd', ok: true, message: `${server.cwd} exists` };
    }
  } catch {
    // Reported below, like a file in its place.
  }
  return {
    check: 'cwd',
    ok: false,
    message: `the working folder ${server.cwd} does not exist`,
    fix: `create it, or correct servers.${server.name}.cwd (relative to the config file's folder)`,
  };
};

const serverReport = (
  server: ResolvedServer,
  checks: DoctorCheck[],
  status: BackendStatus | undefined,
  raw: RawServer | undefined,
  env: CliDeps['env'],
): DoctorServer => {
  const base = { name: server.name, kind: server.kind };
  if (!server.enabled && checks.every((c) => c.ok)) {
    return { ...base, status: 'disabled', checks };
  }
  if (status === undefined) return { ...base, status: 'not started', checks };
  if (status.state === 'ready') {
    const message = `${status.tools} tool${status.tools === 1 ? '' : 's'}; initialize and tools/list took ${status.startMs ?? 0} ms`;
    return {
      ...base,
      status: 'ready',
      tools: status.tools,
      ...(status.startMs === undefined ? {} : { startMs: status.startMs }),
      checks: [...checks, { check: 'start', ok: true, message }],
    };
  }
  const error = status.error;
  // A missing command, folder or bad URL already says why the start failed, and what to do.
  const explained = checks.some((c) => !c.ok);
  const start: DoctorCheck = {
    check: 'start',
    ok: false,
    // A backend's or a library's error may quote a header or URL: show variables by name.
    message: maskEnvValues(error?.message ?? `it is ${status.state}`, raw, env),
    ...(explained ? {} : { fix: startFix(server, error, raw) }),
  };
  return { ...base, status: 'failed', checks: [...checks, start] };
};

const startFix = (
  server: ResolvedServer,
  error: GatewayError | undefined,
  raw: RawServer | undefined,
): string => {
  const at = `servers.${server.name}`;
  const line = commandLine(server, raw);
  const byHand = `run it by hand to see what it says: ${line}`;
  const stderr =
    error?.message.includes('Last stderr:') === true ? ' (its last stderr lines are above)' : '';
  const code = error?.code;
  if (code === 'BACKEND_TIMEOUT') {
    return server.kind === 'remote'
      ? `check that ${at}.url is reachable from this machine, or raise ${at}.timeouts.startup (now ${server.startupTimeoutMs} ms)`
      : `raise ${at}.timeouts.startup (now ${server.startupTimeoutMs} ms, e.g. "60s") if it is just slow, as a first npx or uvx run that downloads packages is; otherwise ${byHand}`;
  }
  if (code === 'BACKEND_EXITED') return `run it by hand to see why it stops${stderr}: ${line}`;
  if (code === 'BACKEND_PROTOCOL') {
    return server.kind === 'remote'
      ? `check that ${at}.url serves MCP (Streamable HTTP or SSE) and that ${at}.headers carry valid credentials`
      : `check that it is an MCP server started in stdio mode (some need an argument such as "stdio") and that it logs to stderr, not stdout${stderr}; ${byHand}`;
  }
  return server.kind === 'remote'
    ? `check ${at}.url and ${at}.headers`
    : `check ${at}.command and ${at}.cwd${stderr}; ${byHand}`;
};

/** Shortest value worth hiding: masking "1" or "on" everywhere would garble the message. */
const MIN_MASKED_LENGTH = 4;

/** Replaces every value a server takes from `${env:NAME}` with `${env:NAME}` itself. */
export const maskEnvValues = (
  text: string,
  raw: RawServer | undefined,
  env: CliDeps['env'],
): string => {
  if (raw === undefined) return text;
  const values = referencesIn(raw)
    .map(({ name }) => ({ name, value: env[name] ?? '' }))
    .filter(({ value }) => value.length >= MIN_MASKED_LENGTH)
    // Longest first, so a value containing another is replaced whole.
    .sort((a, b) => b.value.length - a.value.length);
  let out = text;
  for (const { name, value } of values) out = out.replaceAll(value, `\${env:${name}}`);
  return out;
};

// As written in the file: expanded arguments may hold secrets, the report must not.
const commandLine = (server: ResolvedServer, raw: RawServer | undefined): string => {
  if (server.kind === 'remote') return server.display;
  const args = Array.isArray(raw?.args) ? raw.args.filter((a) => typeof a === 'string') : [];
  return [server.command, ...args].map(shellQuote).join(' ');
};

const shellQuote = (word: string): string =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;

const collisionFix = (exposed: string, sameServer: boolean, maxLength: number): string => {
  const cut =
    exposed.length >= maxLength
      ? `raise naming.maxLength (now ${maxLength}) if your client accepts longer names; otherwise `
      : '';
  return sameServer
    ? `${cut}ask the server's maintainer to rename one of the two tools: their names differ only in characters outside [A-Za-z0-9_-]`
    : `${cut}rename one of the two servers in the config`;
};

/** The human report: one line a server, then each problem with its fix. */
const formatReport = (report: DoctorReport, color: Output['color']): string[] => {
  const good = color.green('✓');
  const bad = color.red('✗');
  const lines = [`Config: ${report.config.file ?? '(none found)'}`];
  for (const problem of report.config.problems) {
    lines.push(`${bad} ${problem.message}`, `    fix: ${problem.fix}`);
  }
  if (report.servers.length === 0 && report.config.problems.length === 0) {
    lines.push('No servers configured.');
  }
  const width = Math.max(0, ...report.servers.map((s) => s.name.length));
  for (const server of report.servers) {
    const name = color.bold(server.name.padEnd(width));
    const failed = server.checks.filter((c) => !c.ok);
    if (server.status === 'disabled') {
      lines.push(`- ${name}  ${color.dim('disabled')}`);
      continue;
    }
    if (failed.length === 0) {
      const start = server.checks.find((c) => c.check === 'start');
      lines.push(`${good} ${name}  ${start?.message ?? server.status}`);
      continue;
    }
    lines.push(`${bad} ${name}  ${server.status === 'not started' ? 'not started' : 'failed'}`);
    // A failed start without a fix is the consequence of a problem listed with one (it is in --json).
    const causes = failed.some((c) => c.fix !== undefined)
      ? failed.filter((c) => c.fix !== undefined)
      : failed;
    for (const check of causes) {
      lines.push(`    ${bad} ${check.message}`);
      if (check.fix !== undefined) lines.push(`      fix: ${check.fix}`);
    }
  }
  for (const c of report.collisions) {
    lines.push(
      `${bad} tool name collision: ${c.dropped} is hidden, because ${c.kept} already has the name ${c.exposed}`,
      `    fix: ${c.fix}`,
    );
  }
  const telemetry = report.telemetry;
  if (telemetry !== undefined) {
    const from = telemetry.source === 'config' ? 'telemetry.otlp' : 'OTEL_EXPORTER_OTLP_*';
    lines.push('', `Telemetry (OTLP, from ${from}):`);
    for (const endpoint of telemetry.endpoints) {
      const head = `${endpoint.signal.padEnd(7)} ${endpoint.url}`;
      lines.push(`${endpoint.ok ? good : bad} ${head}  ${endpoint.message}`);
      if (endpoint.fix !== undefined) lines.push(`      fix: ${endpoint.fix}`);
    }
    const dropped = telemetry.dropped;
    if (dropped !== undefined) {
      lines.push(
        `${color.yellow('!')} the audit log records lost telemetry: ${dropped.spans} spans, ${dropped.log_records} log records, ${dropped.metric_exports} metric exports (last at ${dropped.last}: ${dropped.detail})`,
      );
    }
  }
  const failing = report.servers.filter((s) => s.checks.some((c) => !c.ok)).length;
  const collector = report.telemetry?.endpoints.filter((e) => !e.ok).length ?? 0;
  const summary = [
    ...(report.config.problems.length > 0 ? ['the config has problems'] : []),
    ...(collector > 0 ? ['the telemetry collector does not accept exports'] : []),
    ...(failing > 0 ? [`${failing} of ${report.servers.length} servers need attention`] : []),
    ...(report.collisions.length > 0 ? [`${report.collisions.length} tool name collision(s)`] : []),
  ];
  lines.push('', report.ok ? `${good} Everything looks fine.` : `${bad} ${summary.join('; ')}.`);
  return lines;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
