import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPageFiles, type PageFiles } from '../support/built-page-files.ts';
import { DIST } from '../support/launch-extension.ts';

// The built popup, as `vite build` left it in dist/: what it loads must hold no AWS SDK and no Cognito code
// (lint checks the direct imports; this catches what arrives through a chain of them), and it must stay
// within its byte budget.

/** JS + CSS the popup loads at start, gzip -9 per file (kB = 1000 bytes, as `npm run bench` reads budgets). */
const POPUP_BUDGET_GZIP_BYTES = 35_000;
const POPUP = 'src/popup/index.html';
const OPTIONS = 'src/options/index.html';
const SRC = join(import.meta.dirname, '../../src');

/** Strings that only AWS SDK code carries: package names in its metadata, its service's wire names and headers. */
const SDK_MARKERS = ['@aws-sdk', '@smithy', 'AWSCognitoIdentityProviderService', 'smithy.api#', 'x-amz-user-agent', 'amz-sdk-invocation-id'];

const sourceFiles = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true })).filter((name) => /\.tsx?$/.test(name)).map((name) => join(dir, name));

/** The string literals a source file uses as values (not imports, not types). */
async function valueStrings(file: string): Promise<string[]> {
  const source = ts.createSourceFile(file, await readFile(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !ts.isImportDeclaration(node.parent) && !ts.isLiteralTypeNode(node.parent)) {
      found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Strings of src/cognito that no other source file has: Cognito's wire names, SRP constants, its error messages.
 * Printable, 10+ characters and free of quotes and backslashes, so that minified code carries them as written.
 */
async function cognitoMarkers(): Promise<string[]> {
  const all = await sourceFiles(SRC);
  const cognito = all.filter((file) => file.includes(join('src', 'cognito')));
  const others = (await Promise.all(all.filter((file) => !cognito.includes(file)).map((file) => readFile(file, 'utf8')))).join('\n');
  const strings = new Set((await Promise.all(cognito.map(valueStrings))).flat());
  return [...strings].filter((text) => text.length >= 10 && /^[\x20-\x7e]+$/.test(text) && !/["'`\\]/.test(text) && !others.includes(text));
}

const read = (files: readonly string[]): Promise<string[]> => Promise.all(files.map((file) => readFile(join(DIST, file), 'utf8')));
const carrying = (markers: readonly string[], texts: readonly string[]): string[] => markers.filter((marker) => texts.some((text) => text.includes(marker)));

let popup: PageFiles;
let options: PageFiles;
let markers: string[];

beforeAll(async () => {
  popup = await builtPageFiles(DIST, POPUP);
  options = await builtPageFiles(DIST, OPTIONS);
  markers = await cognitoMarkers();
});

describe('the built popup', () => {
  it('loads no AWS SDK code, at start or later', async () => {
    expect(carrying(SDK_MARKERS, await read(popup.reachable))).toEqual([]);
  });

  it('loads no Cognito code, at start or later', async () => {
    expect(carrying(markers, await read(popup.reachable))).toEqual([]);
  });

  it(`loads at most ${POPUP_BUDGET_GZIP_BYTES / 1000} kB gzip of JS and CSS at start`, async () => {
    const sizes = await Promise.all(popup.atStart.map(async (file) => ({ file, gzip: gzipSync(await readFile(join(DIST, file)), { level: 9 }).length })));
    expect(sizes.map((size) => size.file).some((file) => file.endsWith('.js'))).toBe(true);
    expect(sizes.map((size) => size.file).some((file) => file.endsWith('.css'))).toBe(true);
    const total = sizes.reduce((sum, size) => sum + size.gzip, 0);
    expect(total, JSON.stringify(sizes)).toBeLessThanOrEqual(POPUP_BUDGET_GZIP_BYTES);
  });
});

describe('the check finds what it looks for', () => {
  it('in the options page, which does load the AWS SDK and the Cognito code', async () => {
    const texts = await read(options.reachable);
    expect(carrying(SDK_MARKERS, texts)).toEqual(SDK_MARKERS);
    // Not every literal of src/cognito is bundled (types in disguise, modules no page uses yet), but the
    // enrollment code the options page runs carries dozens of them: the method sees Cognito code where it is.
    expect(carrying(markers, texts).length).toBeGreaterThan(40);
  });

  it('follows the popup beyond its entry chunk: shared and lazily loaded chunks', () => {
    expect(popup.atStart.length).toBeGreaterThan(2);
    expect(popup.reachable.length).toBeGreaterThan(popup.atStart.length);
  });
});
