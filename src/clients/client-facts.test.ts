import { describe, expect, test } from 'vitest';
import { CLIENT_FACTS, CLIENT_IDS, clientFactsFor, nameLengthBudget } from './client-facts.js';

describe('client facts', () => {
  test('every client id has one row', () => {
    expect(CLIENT_FACTS.map((facts) => facts.id).sort()).toEqual([...CLIENT_IDS].sort());
  });

  test.each(
    CLIENT_FACTS.flatMap(
      (facts) =>
        [
          [facts.id, 'toolCap', facts.toolCap],
          [facts.id, 'nameBudget', facts.nameBudget],
          [facts.id, 'resultLimit', facts.resultLimit],
          [facts.id, 'elicitation', facts.elicitation],
          [facts.id, 'clientInfoNames', facts.clientInfoNames],
        ] as const,
    ),
  )('%s %s: a known value names its source', (_id, _key, fact) => {
    if (fact.value !== null) expect(fact.sources.length).toBeGreaterThan(0);
    for (const source of fact.sources) expect(source).toMatch(/^https:\/\//);
  });

  test('finds a client by the name it sends in initialize, exactly or ignoring case', () => {
    expect(clientFactsFor('cursor-vscode')?.id).toBe('cursor');
    expect(clientFactsFor('Visual Studio Code')?.id).toBe('vscode');
    expect(clientFactsFor('CLAUDE-CODE')?.id).toBe('claude-code');
    expect(clientFactsFor('some-other-client')).toBeUndefined();
  });

  test("Claude Code's budget counts its mcp__<key>__ prefix", () => {
    const facts = clientFactsFor('claude-code');
    expect(facts === undefined ? undefined : nameLengthBudget(facts, 'gateway')).toBe(50);
    expect(facts === undefined ? undefined : nameLengthBudget(facts, 'gw')).toBe(55);
  });
});
