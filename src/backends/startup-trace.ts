/**
 * With MCP_GATEWAY_TRACE_STARTUP=1, each step of a start (config read, backend spawn and
 * handshake, the gateway's own loading, the first calls) is written to stderr with the ms since
 * the process started and the CPU time the process has used (all its threads: garbage
 * collection included), to see what the first call waits for (docs/performance.md, "Start-up").
 */
export const traceStartup: (step: string) => void =
  process.env['MCP_GATEWAY_TRACE_STARTUP'] === '1'
    ? (step) => {
        const { user, system } = process.cpuUsage();
        process.stderr.write(
          `[startup] ${performance.now().toFixed(1)} ms (cpu ${((user + system) / 1000).toFixed(0)}) ${step}\n`,
        );
      }
    : () => undefined;
