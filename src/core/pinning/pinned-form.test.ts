import { describe, expect, test } from 'vitest';
import { legacyPinnedForm, pinnedForm, pinnedInstructionsForm } from './pinned-form.js';

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

  test('pins outputSchema, since a client shows it to the model', () => {
    const tool = { name: 'ping', outputSchema: { type: 'object' } };
    expect(pinnedForm(tool)).toEqual(tool);
  });

  test('ignores fields outside the pinned set, such as _meta', () => {
    const tool = { name: 'ping', _meta: { x: 1 } };
    expect(pinnedForm(tool)).toEqual({ name: 'ping' });
  });
});

describe('legacyPinnedForm', () => {
  test('is the form pins taken before outputSchema was pinned hash: without outputSchema', () => {
    const tool = { name: 'ping', description: 'd', outputSchema: { type: 'object' } };
    expect(legacyPinnedForm(tool)).toEqual({ name: 'ping', description: 'd' });
  });
});

describe('pinnedInstructionsForm', () => {
  test('wraps the text under one key', () => {
    expect(pinnedInstructionsForm('Use read_file first.')).toEqual({
      instructions: 'Use read_file first.',
    });
  });
});
