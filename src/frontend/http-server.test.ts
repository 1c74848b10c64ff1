import { describe, expect, test } from 'vitest';
import { isLoopback } from './http-server.js';

describe('isLoopback', () => {
  test.each([
    'localhost',
    'LOCALHOST',
    '127.0.0.1',
    '127.1.2.3',
    '127.255.255.254',
    '::1',
    '[::1]',
    '0:0:0:0:0:0:0:1',
    '::ffff:127.0.0.1',
  ])('%s is loopback', (host) => {
    expect(isLoopback(host)).toBe(true);
  });

  test.each([
    '127.attacker.example',
    '127.0.0.1.nip.io',
    'localhost.attacker.example',
    '0.0.0.0',
    '::',
    '10.0.0.1',
    '128.0.0.1',
    '::ffff:10.0.0.1',
    '::2',
    '1.127.0.0',
  ])('%s is not loopback', (host) => {
    expect(isLoopback(host)).toBe(false);
  });
});
