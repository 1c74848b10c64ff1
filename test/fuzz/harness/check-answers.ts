import { JSONRPCMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import type { Expectation } from './agent-frames.js';

const idKey = (id: unknown): string => `${typeof id}:${String(id)}`;

/**
 * Compares what a server answered with what it had to answer; returns the differences, each
 * in words (empty when it did exactly what it must). `answers` are the responses it wrote
 * (messages without `method`); requests in `mayGoUnanswered` were cancelled by the agent.
 */
export const answerProblems = (
  expected: readonly Expectation[],
  answers: readonly Record<string, unknown>[],
  mayGoUnanswered: readonly unknown[] = [],
): string[] => {
  const problems: string[] = [];
  for (const answer of answers) {
    if (!JSONRPCMessageSchema.safeParse(answer).success)
      problems.push(`not a JSON-RPC response: ${JSON.stringify(answer).slice(0, 200)}`);
  }
  const codeOf = (answer: Record<string, unknown>): number | undefined =>
    (answer['error'] as { code?: number } | undefined)?.code;

  // Errors whose id could not be read: the same codes, as many times.
  const wantedWithoutId = expected
    .flatMap((e) => (e.answer === 'error-without-id' ? [e.code] : []))
    .sort();
  const gotWithoutId = answers
    .filter((a) => !('id' in a))
    .map((a) => codeOf(a) ?? 0)
    .sort();
  if (JSON.stringify(wantedWithoutId) !== JSON.stringify(gotWithoutId))
    problems.push(
      `errors without id: wanted codes ${JSON.stringify(wantedWithoutId)}, got ${JSON.stringify(gotWithoutId)}`,
    );

  const byId = new Map<string, { wanted: Expectation[]; got: Record<string, unknown>[] }>();
  for (const e of expected) {
    if (e.answer !== 'response') continue;
    const entry = byId.get(idKey(e.id)) ?? { wanted: [], got: [] };
    entry.wanted.push(e);
    byId.set(idKey(e.id), entry);
  }
  for (const answer of answers) {
    if (!('id' in answer)) continue;
    const entry = byId.get(idKey(answer['id']));
    if (entry === undefined) {
      problems.push(`an answer nobody asked for: ${JSON.stringify(answer).slice(0, 200)}`);
      continue;
    }
    entry.got.push(answer);
  }
  const optional = new Set(mayGoUnanswered.map(idKey));
  for (const [key, { wanted, got }] of byId) {
    if (got.length > wanted.length || (got.length < wanted.length && !optional.has(key)))
      problems.push(`id ${key}: wanted ${wanted.length} answer(s), got ${got.length}`);
    for (const answer of got) {
      const code = codeOf(answer);
      const fits = wanted.some((w) =>
        w.answer === 'response' && code === undefined
          ? w.result && 'result' in answer
          : w.answer === 'response' && w.codes.includes(code ?? NaN),
      );
      if (!fits)
        problems.push(
          `id ${key}: wanted ${JSON.stringify(wanted)}, got ${JSON.stringify(answer).slice(0, 300)}`,
        );
    }
  }
  return problems;
};
