import { describe, expect, test } from 'vitest';
import {
  clientNameFromArgument,
  resolveClientProfile,
  type ProfileConfig,
} from './client-profile.js';

const config = (extra: Partial<ProfileConfig> = {}): ProfileConfig => ({
  clients: {},
  limits: { resultBytes: undefined, keptResultsBytes: 1_000_000 },
  naming: { separator: '__', maxLength: 64, prefix: 'always' },
  entryName: 'gateway',
  ...extra,
});

describe('resolveClientProfile', () => {
  test('Claude Code: its mcp__<entry>__ prefix comes out of its 64, its result limit from the table', () => {
    const profile = resolveClientProfile('claude-code', config(), {});
    expect(profile.title).toBe('Claude Code');
    expect(profile.nameLimit).toEqual({ maxLength: 64, prefix: 'mcp__gateway__' });
    expect(profile.nameMaxLength).toBe(50);
    expect(profile.resultBytes).toBe(75_000);
    expect(profile.origins).toEqual({ toolCap: 'none', names: 'table', resultBytes: 'table' });
    expect(resolveClientProfile('claude-code', config({ entryName: 'gw' }), {}).nameMaxLength).toBe(
      55,
    );
  });

  test("the client's own setting (MAX_MCP_OUTPUT_TOKENS) changes its result limit", () => {
    const profile = resolveClientProfile('claude-code', config(), {
      MAX_MCP_OUTPUT_TOKENS: '50000',
    });
    expect(profile.resultBytes).toBe(150_000);
    expect(profile.origins.resultBytes).toBe('setting');
    expect(
      resolveClientProfile('claude-code', config(), { MAX_MCP_OUTPUT_TOKENS: 'lots' }).resultBytes,
    ).toBe(75_000);
  });

  test('Cursor: a cap of 40; overrides by id or clientInfo.name, null lifting a limit', () => {
    expect(resolveClientProfile('cursor-vscode', config(), {}).toolCap).toBe(40);
    const byId = resolveClientProfile(
      'cursor-vscode',
      config({ clients: { cursor: { toolCap: null } } }),
      {},
    );
    expect(byId.toolCap).toBeUndefined();
    expect(byId.overrideKey).toBe('cursor');
    const byName = resolveClientProfile(
      'my-agent',
      config({ clients: { 'my-agent': { toolCap: 12, elicitation: false } } }),
      {},
    );
    expect(byName).toMatchObject({
      toolCap: 12,
      elicitation: false,
      title: 'my-agent',
      facts: undefined,
    });
  });

  test('limits.resultBytes is the default for every client; clients.<name>.resultBytes wins', () => {
    const limited = config({ limits: { resultBytes: 1000, keptResultsBytes: 1 } });
    expect(resolveClientProfile('cursor-vscode', limited, {}).resultBytes).toBe(1000);
    expect(resolveClientProfile('claude-code', limited, {}).resultBytes).toBe(1000);
    const never = config({ limits: { resultBytes: null, keptResultsBytes: 1 } });
    expect(resolveClientProfile('claude-code', never, {}).resultBytes).toBeUndefined();
    const own = config({
      limits: { resultBytes: 1000, keptResultsBytes: 1 },
      clients: { 'claude-code': { resultBytes: 5 } },
    });
    expect(resolveClientProfile('claude-code', own, {}).resultBytes).toBe(5);
  });

  test("a budget never exceeds the gateway's own naming.maxLength, nor falls below 8", () => {
    const short = config({ naming: { separator: '__', maxLength: 32, prefix: 'always' } });
    expect(resolveClientProfile('claude-code', short, {}).nameMaxLength).toBe(32);
    const huge = config({
      clients: { x: { names: { maxLength: 20, prefix: 'a-very-long-prefix-{key}' } } },
    });
    expect(resolveClientProfile('x', huge, {}).nameMaxLength).toBe(8);
  });

  test('no client (CLI commands): the config alone', () => {
    const profile = resolveClientProfile(undefined, config(), {});
    expect(profile).toMatchObject({
      toolCap: undefined,
      nameMaxLength: 64,
      resultBytes: undefined,
      title: 'no client',
    });
  });

  test('clientNameFromArgument takes an id or a clientInfo.name', () => {
    expect(clientNameFromArgument('cursor')).toBe('cursor-vscode');
    expect(clientNameFromArgument('some-client')).toBe('some-client');
  });
});
