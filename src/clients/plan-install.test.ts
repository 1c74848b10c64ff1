import { describe, expect, test } from 'vitest';
import { isSameServer, requiredVariables } from './plan-install.js';

describe('matching client servers with the gateway config', () => {
  test('the same program with the secret replaced by a reference is the same server', () => {
    expect(
      isSameServer(
        { command: 'npx', args: ['-y', 'x', '--key', '${env:X_KEY}'] },
        { command: 'npx', args: ['-y', 'x', '--key', 'abc'] },
      ),
    ).toBe(true);
    expect(isSameServer({ url: 'https://a/mcp?k=${env:K}' }, { url: 'https://a/mcp?k=1' })).toBe(
      true,
    );
  });

  test('another program, other arguments or another URL is not', () => {
    expect(
      isSameServer({ command: 'npx', args: ['-y', 'x'] }, { command: 'npx', args: ['-y', 'y'] }),
    ).toBe(false);
    expect(
      isSameServer({ command: 'npx', args: ['-y'] }, { command: 'npx', args: ['-y', 'x'] }),
    ).toBe(false);
    expect(isSameServer({ url: 'https://a/mcp' }, { url: 'https://b/mcp' })).toBe(false);
    expect(isSameServer({ url: 'https://a/mcp' }, { command: 'a' })).toBe(false);
  });

  test('required variables are those without a default', () => {
    expect(
      requiredVariables({
        a: { command: 'x', env: { A: '${env:A}', B: '${env:B:-b}' }, args: ['${env:C}'] },
        b: { url: 'https://x/${env:D}', headers: { H: 'Bearer ${env:A}' }, enabled: false },
      }),
    ).toEqual(['A', 'C', 'D']);
  });
});
