// The CLI reaches the start-up trace through gateway/ (ESLint: the CLI goes through gateway/).
export { traceStartup } from '../backends/startup-trace.js';
