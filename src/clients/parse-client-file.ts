import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { getStaticTOMLValue, parseTOML } from 'toml-eslint-parser';
import { GatewayError } from '../core/errors.js';
import { isObject, type ClientFormat, type ClientLocation } from './client-locations.js';

/** One server entry as a client wrote it, with where it sits in the file. */
export interface RawServer {
  readonly name: string;
  readonly entry: Readonly<Record<string, unknown>>;
  /** Key path of the entry in the file, e.g. ["mcpServers", "github"]. */
  readonly path: readonly string[];
  readonly location: ClientLocation;
  /** The client keeps it switched off (Windsurf `disabled`, Codex `enabled = false`, …). */
  readonly disabled: boolean;
}

/** A VS Code `inputs` entry: a value VS Code prompts for, referenced as `${input:id}`. */
export interface EditorInput {
  readonly id: string;
  readonly password: boolean;
  readonly description?: string;
}

/** What one client file holds for the gateway. */
export interface ClientServers {
  readonly servers: RawServer[];
  readonly inputs: EditorInput[];
  /** Claude Code local-scope servers of other project folders: listed, not imported. */
  readonly otherProjects: { readonly dir: string; readonly names: string[] }[];
}

const BOM = '\uFEFF';

/** Parses JSON with comments and trailing commas, or TOML; a file that does not parse throws. */
export const parseClientText = (text: string, format: ClientFormat, file: string): unknown => {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  if (format === 'codex') {
    try {
      return getStaticTOMLValue(parseTOML(body));
    } catch (error) {
      const where = error as { lineNumber?: number; column?: number; message?: string };
      throw new GatewayError(
        'CONFIG_INVALID',
        `Cannot parse ${file}${where.lineNumber === undefined ? '' : ` at line ${where.lineNumber}, column ${(where.column ?? 0) + 1}`}: ${where.message ?? String(error)}. Fix the file (the client cannot read it either) and run the command again; nothing was changed.`,
        { cause: error, details: { file } },
      );
    }
  }
  const errors: ParseError[] = [];
  const value: unknown = parseJsonc(body, errors, {
    allowTrailingComma: true,
    disallowComments: false,
    allowEmptyContent: true,
  });
  const first = errors[0];
  if (first !== undefined) {
    const { line, column } = lineAndColumn(body, first.offset);
    throw new GatewayError(
      'CONFIG_INVALID',
      `Cannot parse ${file} at line ${line}, column ${column}: ${describeJsonError(printParseErrorCode(first.error))}. Fix the file (the client cannot read it either) and run the command again; nothing was changed.`,
      { details: { file, line, column } },
    );
  }
  return value ?? {};
};

const describeJsonError = (code: string): string =>
  code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** 1-based line and column of an offset. */
export const lineAndColumn = (text: string, offset: number): { line: number; column: number } => {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
};

/** Finds the server entries (and VS Code inputs) in a parsed client file. */
export const extractServers = (data: unknown, location: ClientLocation): ClientServers => {
  const root = isObject(data) ? data : {};
  const servers: RawServer[] = [];
  const otherProjects: { dir: string; names: string[] }[] = [];
  const add = (
    map: unknown,
    at: readonly string[],
    isDisabled: (name: string, entry: Record<string, unknown>) => boolean,
  ) => {
    if (!isObject(map)) return;
    for (const [name, entry] of Object.entries(map)) {
      if (!isObject(entry)) continue;
      servers.push({
        name,
        entry,
        path: [...at, name],
        location,
        disabled: isDisabled(name, entry),
      });
    }
  };
  const flagged = (_name: string, entry: Record<string, unknown>) =>
    entry['disabled'] === true || entry['enabled'] === false;
  let inputs: unknown;
  switch (location.format) {
    case 'mcp-servers':
      add(root['mcpServers'], ['mcpServers'], flagged);
      break;
    case 'claude-code': {
      add(root['mcpServers'], ['mcpServers'], flagged);
      const projects = isObject(root['projects']) ? root['projects'] : {};
      for (const [dir, project] of Object.entries(projects)) {
        if (!isObject(project) || !isObject(project['mcpServers'])) continue;
        if (dir === location.projectDir) {
          const off = Array.isArray(project['disabledMcpServers'])
            ? project['disabledMcpServers'].filter((n): n is string => typeof n === 'string')
            : [];
          add(
            project['mcpServers'],
            ['projects', dir, 'mcpServers'],
            (name, entry) => off.includes(name) || flagged(name, entry),
          );
        } else {
          const names = Object.keys(project['mcpServers']);
          if (names.length > 0) otherProjects.push({ dir, names });
        }
      }
      break;
    }
    case 'vscode':
      add(root['servers'], ['servers'], flagged);
      inputs = root['inputs'];
      break;
    case 'vscode-settings': {
      const nested = isObject(root['mcp']) ? root['mcp'] : undefined;
      if (isObject(root['mcp.servers'])) add(root['mcp.servers'], ['mcp.servers'], flagged);
      if (nested !== undefined) {
        add(nested['servers'], ['mcp', 'servers'], flagged);
        inputs = nested['inputs'];
      }
      break;
    }
    case 'codex':
      add(root['mcp_servers'], ['mcp_servers'], flagged);
      break;
  }
  return { servers, inputs: toInputs(inputs), otherProjects };
};

const toInputs = (value: unknown): EditorInput[] =>
  Array.isArray(value)
    ? value.flatMap((input): EditorInput[] =>
        isObject(input) && typeof input['id'] === 'string'
          ? [
              {
                id: input['id'],
                password: input['password'] === true,
                ...(typeof input['description'] === 'string'
                  ? { description: input['description'] }
                  : {}),
              },
            ]
          : [],
      )
    : [];
