import { describe, expect, test } from 'vitest';
import { ipv6Groups, isInRange, unmapIPv4 } from './ip-address.js';

describe('IP addresses and named ranges', () => {
  test('IPv6 groups come from the canonical WHATWG form', () => {
    expect(ipv6Groups('[::1]')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups('[fe80::1:2]')).toEqual([0xfe80, 0, 0, 0, 0, 0, 1, 2]);
    expect(ipv6Groups('[1:2:3:4:5:6:7:8]')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(ipv6Groups('[1::2::3]')).toBeUndefined();
    expect(ipv6Groups('example.com')).toBeUndefined();
  });

  test.each([
    ['[::ffff:a9fe:a9fe]', '169.254.169.254'],
    ['[::ffff:7f00:1]', '127.0.0.1'],
    ['[::ffff:0:7f00:1]', '[::ffff:0:7f00:1]'],
    ['[::1]', '[::1]'],
    ['example.com', 'example.com'],
  ])('unmapIPv4(%s) is %s', (host, expected) => {
    expect(unmapIPv4(host)).toBe(expected);
  });

  test.each([
    ['localhost', true, true],
    ['api.localhost', true, true],
    ['127.0.0.1', true, true],
    ['127.255.0.9', true, true],
    ['0.0.0.0', true, true],
    ['[::1]', true, true],
    ['[::]', true, true],
    ['10.1.2.3', false, true],
    ['172.16.0.1', false, true],
    ['172.31.255.255', false, true],
    ['172.32.0.1', false, false],
    ['192.168.1.1', false, true],
    ['169.254.169.254', false, true],
    ['100.64.0.1', false, true],
    ['100.128.0.1', false, false],
    ['0.1.2.3', false, true],
    ['[fd00::1]', false, true],
    ['[fc00::1]', false, true],
    ['[fe80::1]', false, true],
    ['[fec0::1]', false, true],
    ['[64:ff9b::a9fe:a9fe]', false, true],
    ['[64:ff9b::808:808]', false, false],
    ['[::a9fe:a9fe]', false, true],
    ['printer.local', false, true],
    ['metadata.google.internal', false, true],
    ['nas.home.arpa', false, true],
    ['intranet', false, true],
    ['8.8.8.8', false, false],
    ['[2001:db8::1]', false, false],
    ['example.com', false, false],
    ['localhost.example.com', false, false],
  ])('%s: loopback %s, private %s', (host, loopback, isPrivate) => {
    expect(isInRange(host, 'loopback')).toBe(loopback);
    expect(isInRange(host, 'private')).toBe(isPrivate);
  });
});
