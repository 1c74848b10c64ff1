import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Warnings (deprecations, unhandled rejections surfaced as warnings) fail the test that caused them.
process.on('warning', (warning) => {
  throw warning;
});

// Gateways the tests start leave per-user pointers (`console --all`) under XDG_STATE_HOME: in a
// temp folder per test file, never in the real home (children inherit it).
process.env['XDG_STATE_HOME'] = mkdtempSync(path.join(os.tmpdir(), 'mcp-gateway-user-state-'));
