import type { DiffLine } from './diff-definitions.js';

/** Renders a diff line as one line of text, e.g. `description: "Reads a file" → "Reads a file. …"`. */
export const formatDiffLine = (line: DiffLine): string => {
  switch (line.kind) {
    case 'added':
      return `${line.path}: added ${line.after ?? ''}`;
    case 'removed':
      return `${line.path}: removed ${line.before ?? ''}`;
    case 'changed':
      return `${line.path}: ${line.before ?? ''} → ${line.after ?? ''}`;
  }
};
