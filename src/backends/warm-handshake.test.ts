import { describe, expect, test } from 'vitest';
import { warmHandshakeSchemas } from './warm-handshake.js';

describe('warmHandshakeSchemas', () => {
  test("both examples are valid answers, so the schemas' success path is what gets compiled", () => {
    expect(warmHandshakeSchemas()).toBe(2);
    // Again: nothing is kept or changed by it.
    expect(warmHandshakeSchemas()).toBe(2);
  });
});
