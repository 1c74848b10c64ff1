// @ts-check
// `npm run fuzz` / `npm run soak`: the tests in test/fuzz/ at FUZZ_SCALE times their `npm test`
// size (fuzz runs, soak calls). Usage: node scripts/fuzz.js SCALE [vitest file filters...]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [scale = '20', ...files] = process.argv.slice(2);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', '--project', 'fuzz', ...files], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SCALE: scale },
});
process.exit(result.status ?? 1);
