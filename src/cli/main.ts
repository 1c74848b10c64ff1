import { fileURLToPath } from 'node:url';
import { runCli } from './program.js';

/** The bin entry: the only place that touches process.argv and process.exitCode. */
const binPath = fileURLToPath(new URL('../../bin/mcp-gateway.js', import.meta.url));
process.exitCode = await runCli(process.argv, {
  streams: { stdout: process.stdout, stderr: process.stderr },
  env: process.env,
  cwd: process.cwd(),
  binPath,
  stdin: process.stdin,
});
