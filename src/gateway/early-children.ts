// The CLI reaches backends through gateway/: `run` spawns its stdio backends with this right
// after reading the config, before the rest of the gateway's code loads (backends/early-children.ts).
export { killChildren, spawnEarly, type EarlyChildren } from '../backends/early-children.js';
export { spawnFromConfigText, type GuessedChildren } from '../backends/spawn-from-config-text.js';
