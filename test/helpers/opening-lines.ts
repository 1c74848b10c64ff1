// What an agent writes first, as newline-delimited JSON-RPC: `initialize` (id 1), `notifications/initialized` and
// one `tools/call` (id 2), all at once, the way a client that already knows its tool starts. The start-up tests
// write these lines to the built CLI and time what happens before the call's answer.

/** The three lines, each ending in a newline. */
export function openingLines(
  client: string,
  call: { readonly name: string; readonly arguments: Record<string, unknown> },
): string {
  return [
    {
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: client, version: '1' },
      },
    },
    { method: 'notifications/initialized' },
    { id: 2, method: 'tools/call', params: call },
  ]
    .map((message) => `${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`)
    .join('');
}
