import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Comments cite the docs by file and section, e.g. docs/cognito-facts.md "TOTP": every such citation in the
// code and the tests must name a file of docs/ and a heading in it, so renaming a section breaks a test
// rather than a reader's trail.

const root = fileURLToPath(new URL('../..', import.meta.url));
const CITATION = /docs\/([\w-]+\.md)[\s,(]*"([^"\n]+)"/g;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|md)$/.test(entry.name)) yield path;
  }
}

const headings = (doc: string): readonly string[] =>
  readFileSync(join(root, 'docs', doc), 'utf8')
    .split('\n')
    .flatMap((line) => /^#{2,3} (.+)$/.exec(line)?.[1] ?? []);

const citations = ['src', 'test', 'build'].flatMap((dir) =>
  [...sourceFiles(join(root, dir))].flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(CITATION)].map(([, doc = '', section = '']) => ({ file: relative(root, file), doc, section })),
  ),
);

describe('citations of docs/ sections', () => {
  it('finds the citations it checks', () => {
    expect(citations.map((c) => `${c.doc} "${c.section}"`)).toContain('cognito-facts.md "TOTP"');
  });

  const cases = citations.map((c) => [`${c.file}: docs/${c.doc} "${c.section}"`, c] as const);
  it.each(cases)('%s is a heading there', (_label, { doc, section }) => {
    expect(readdirSync(join(root, 'docs'))).toContain(doc);
    expect(headings(doc)).toContain(section);
  });
});
