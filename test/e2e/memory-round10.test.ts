import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/paths.js';

// glibc raises its mmap threshold to the size of the largest mmap'd block a process frees (up to
// 32 MiB), and its trim threshold to twice that: from then on no malloc arena gives memory back
// below it. In the gateway that kept ~1.5 MB in each of V8's four compiler threads' arenas under
// load, 4–5 MB of peak RSS (docs/performance.md, "memory", round 10). The bundle is where the
// one-off large blocks of every start came from: two of them are checked here.

const BUNDLE = path.join(ROOT, 'dist', 'bundle');
const files = readdirSync(BUNDLE).filter((file) => /\.c?js$/.test(file));

test('no file of the bundle is larger than 288 KiB', () => {
  // Node reads a module's whole file into one buffer, freed after loading. zod's chunk (289 KB)
  // is the largest one the gateway cannot cut; a larger file raises the thresholds past it.
  const tooLarge = files
    .map((file) => ({ file, bytes: statSync(path.join(BUNDLE, file)).size }))
    .filter(({ bytes }) => bytes > 288 * 1024);
  expect(
    tooLarge,
    'split the chunk with another entry point in scripts/bundle.js, as scanner-detectors',
  ).toEqual([]);
});

test('no literal in the bundle is longer than 128 K characters', () => {
  // V8's parser grows a buffer for each string, template or regular expression literal by fours
  // (… 64 KiB, 256 KiB, 1 MiB): a literal over 256 KiB (128 K characters when two bytes each)
  // takes a 1 MiB buffer and frees it at every start.
  const LITERALS = new Set([
    ts.SyntaxKind.StringLiteral,
    ts.SyntaxKind.NoSubstitutionTemplateLiteral,
    ts.SyntaxKind.TemplateHead,
    ts.SyntaxKind.TemplateMiddle,
    ts.SyntaxKind.TemplateTail,
    ts.SyntaxKind.RegularExpressionLiteral,
  ]);
  const long: { file: string; at: number; chars: number }[] = [];
  let longest = 0;
  for (const file of files) {
    const source = ts.createSourceFile(
      file,
      readFileSync(path.join(BUNDLE, file), 'utf8'),
      ts.ScriptTarget.Latest,
      false,
      ts.ScriptKind.JS,
    );
    const visit = (node: ts.Node): void => {
      if (LITERALS.has(node.kind)) {
        const at = node.getStart(source);
        const chars = node.end - at;
        longest = Math.max(longest, chars);
        if (chars > 128 * 1024) long.push({ file, at, chars });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  expect(long, 'cut the literal in pieces, as the scanner tables in scripts/bundle.js').toEqual([]);
  // The walk did reach the literals: the scanner tables' pieces are each over 16 K characters.
  expect(longest).toBeGreaterThan(16 * 1024);
});
