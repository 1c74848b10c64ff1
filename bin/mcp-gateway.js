#!/usr/bin/env node
// The bundled CLI (scripts/bundle.js): one file to load instead of ~500. A `run` of a JSON config
// spawns its backends first (dist/bundle/launch.js, a few KB: src/cli/launch-children.ts), so they
// boot while the CLI's own code loads.
import { spawnAtLaunch } from '../dist/bundle/launch.js';

spawnAtLaunch(process.argv.slice(2), process.env, process.cwd());
await import('../dist/bundle/main.js');
