import { expect, test } from 'vitest';
import { parseGatewayUri, toGatewayUri } from './resource-uri.js';

test.each([
  'file:///tmp/a b.txt',
  'memory://graph',
  'https://x.test/p?q=1#f',
  'test://static/resource/1',
])('round-trips %s through the gateway URI', (uri) => {
  const rewritten = toGatewayUri('srv', uri);
  expect(rewritten).toMatch(/^mcp-gateway:\/\/srv\/[^/]*$/);
  expect(parseGatewayUri(rewritten)).toEqual({ server: 'srv', uri });
});

test('other URIs are not gateway URIs', () => {
  expect(parseGatewayUri('file:///x')).toBeUndefined();
  expect(parseGatewayUri('mcp-gateway://nopath')).toBeUndefined();
});
