import { describe, expect, test } from 'vitest';
import { combinerModel } from './combiner-model.js';
import type { Finding } from './finding.js';
import { gradeInstructions } from './grade-unit.js';

const finding = (rule: string, severity: Finding['severity']): Finding => ({
  rule,
  severity,
  field: 'instructions',
  span: [0, 10],
  message: rule,
});

describe('gradeInstructions', () => {
  test('cues every instruction text has are reported low and do not combine into a block', () => {
    const graded = gradeInstructions(
      [finding('role.agent-address', 'medium'), finding('intent.tool-invocation', 'medium')],
      combinerModel,
    );
    expect(graded.map((f) => f.severity)).toEqual(['low', 'low']);
  });

  test('a decisive poisoning cue still blocks, with the nature cues beside it', () => {
    const graded = gradeInstructions(
      [finding('role.agent-address', 'medium'), finding('poison.concealment', 'high')],
      combinerModel,
    );
    expect(graded.find((f) => f.rule === 'poison.concealment')?.severity).toBe('high');
    expect(graded.find((f) => f.rule === 'role.agent-address')?.severity).toBe('low');
  });
});
