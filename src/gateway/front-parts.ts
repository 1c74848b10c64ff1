// What answering an agent needs before the pipeline exists (the SDK's Server, the protocol
// router, the tool cache), loaded by `createGateway` with one dynamic import right after the
// backends' spawn; the rest (scanner, pipeline, audit) is in gateway-parts.ts and loads after
// the agent's `initialize` has been answered.
export { serverFingerprint } from '../cache/server-fingerprint.js';
export { openToolCache } from '../cache/tool-cache.js';
export { createFrontServer } from '../frontend/front-server.js';
export { createProtocolRouter } from '../frontend/protocol-router.js';
export { createDrain } from './drain.js';
export { instructionsFromCache } from './compose-instructions.js';
export { instructionsReviewKey } from '../review/instructions-review-key.js';
