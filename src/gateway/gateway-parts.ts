// What the gateway needs once its backends are spawning and the agent's `initialize` is answered,
// loaded by `createGateway` with one dynamic import (front-parts.ts has what comes before): the
// scanner's pattern tables alone take 100-200 ms to set up, and statically imported they delayed
// every backend's spawn, and the answer to `initialize`, by that much.
export { createApprovalBroker, enforcedAskRules } from '../approvals/approval-broker.js';
export { createDesktopNotifier } from '../approvals/desktop-notifier.js';
export { userConsolesDir } from '../console/console-registry.js';
export { GatewayConsole } from '../console/gateway-console.js';
export { openAuditLog } from '../audit/jsonl-audit-log.js';
export { resolveClientProfile } from '../clients/client-profile.js';
export { digestAuditContent } from '../audit/digest.js';
export { createForward } from '../backends/forward-tool-call.js';
export { pinnedForm } from '../core/pinning/pinned-form.js';
export { createScanner } from '../core/scanner/scanner.js';
export { precomputedUse } from '../core/scanner/precomputed.js';
export { findSecrets } from '../core/scanner/secrets.js';
export { createElicitationApprover } from '../frontend/elicitation-approver.js';
export { hashPinnedForm } from '../pins/hash-pinned-form.js';
export { openPinStore } from '../pins/pin-store.js';
export { createReadContentScan } from '../pipeline/scan-read-content.js';
export { eventLoopScheduler } from '../review/event-loop-scheduler.js';
export { listingReviewKey } from '../review/listing-review-key.js';
export { ToolReviewer } from '../review/tool-reviewer.js';
export { startTelemetry } from '../telemetry/telemetry.js';
export { forwardAfterReview } from './forward-after-review.js';
export { createKeptResults } from './kept-results.js';
export { LiveCatalog } from './live-catalog.js';
export { createRuntime, reloadedConfig } from './runtime.js';
export { ResultStore } from '../results/result-store.js';
export { scanDefinitions } from './scan-definitions.js';
export { SessionProfiles } from './session-profiles.js';
export { createToolCalls } from './tool-calls.js';
export { toolVerdict } from './tool-verdict.js';
