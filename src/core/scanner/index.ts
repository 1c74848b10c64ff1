export type { Finding, Severity } from './finding.js';
export { createScanner, type ScanOptions, type Scanner, type ScannableTool } from './scanner.js';
export type { ToolContext } from './scan-tool.js';
export { redactText } from './redact.js';
export { stripHidden } from './hidden.js';
export { atLeast, maxSeverity } from './severity.js';
export { findSecrets, type SecretMatch } from './secrets.js';
export { detectors } from './detectors.js';
export type { Layer, PatternDetector } from './detector.js';
