import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { AuditRecord } from '../core/audit/audit-record.js';
import { listLogFiles, parseAuditLine } from './log-files.js';

/** Every record of a log and its rotated segments, oldest first; torn lines are skipped. */
export async function* readAuditRecords(path: string): AsyncIterable<AuditRecord> {
  for (const file of await listLogFiles(path)) {
    const stream = createReadStream(file.path);
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    try {
      for await (const line of lines) {
        const record = parseAuditLine(line);
        if (record !== undefined) yield record;
      }
    } catch (error) {
      // A segment rotated away between listing and reading is simply gone from this view.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    } finally {
      lines.close();
      stream.destroy();
    }
  }
}
