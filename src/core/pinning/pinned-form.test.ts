import { describe, expect, test } from 'vitest';
import { pinnedForm, pinnedInstructionsForm } from './pinned-form.js';

describe('pinnedForm', () => {
  test('keeps name, title, description, inputSchema and annotations', () => {
    const tool = {
      name: 'read_file',
      title: 'Read file',
      description: 'Reads a file',
      inputSchema: { type: 'object' },
      annotations: { readOnlyHint: true },
    };
    expect(pinnedForm(tool)).toEqual(tool);
  });

  test('drops fields that are undefined, so an absent title does not change the form', () => {
    expect(pinnedForm({ name: 'ping', description: undefined })).toEqual({
      name: 'ping',
    });
    expect(Object.keys(pinnedForm({ name: 'ping' }))).toEqual(['name']);
  });

  test('ignores fields outside the pinned set, such as _meta and outputSchema', () => {
    const tool = { name: 'ping', _meta: { x: 1 }, outputSchema: { type: 'object' } };
    expect(pinnedForm(tool)).toEqual({ name: 'ping' });
  });
});

describe('pinnedInstructionsForm', () => {
  test('wraps the text under one key', () => {
    expect(pinnedInstructionsForm('Use read_file first.')).toEqual({
      instructions: 'Use read_file first.',
    });
  });
});
