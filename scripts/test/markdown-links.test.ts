/**
 * Every relative link of the repository's Markdown resolves: to a file or folder the repository
 * holds, and where it names a section (`file.md#section`, `#section`), to a heading of that file, by
 * GitHub's own heading anchors (github-slugger: the algorithm github.com renders headings with,
 * duplicates numbered). Links inside code (fenced blocks, inline spans) are text, not links. A
 * reader sent to a section that was renamed or a file that moved lands nowhere.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, committableFiles } from './support/repo-copy.ts';

/** The document with its code (fenced blocks, inline spans) blanked out. */
const withoutCode = (md: string): string => md.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');

/** The anchors github.com gives the headings of a Markdown document. */
const anchorsOf = (md: string): Set<string> => {
  const slugger = new GithubSlugger();
  return new Set([...withoutCode(md).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)].map((m) => slugger.slug(m[1]!)));
};

/** The relative link targets of a document (`[text](target)`, `[text](target "title")`), code left out. */
const relativeLinks = (md: string): string[] =>
  [...withoutCode(md).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z][a-z\d+.-]*:/i.test(t));

/** What is wrong with the links of `file` (relative to the repository), read from `root`. */
const brokenLinks = (root: string, file: string): string[] => {
  const md = readFileSync(path.join(root, file), 'utf8');
  const problems: string[] = [];
  for (const target of relativeLinks(md)) {
    const [where = '', anchor] = target.split('#', 2) as [string, string | undefined];
    const resolved = where === '' ? path.join(root, file) : path.resolve(path.dirname(path.join(root, file)), decodeURIComponent(where));
    if (path.relative(root, resolved).startsWith('..')) problems.push(`${file}: ${target} leaves the repository`);
    else if (!existsSync(resolved)) problems.push(`${file}: ${target} names no file`);
    else if (anchor !== undefined && statSync(resolved).isFile() && resolved.endsWith('.md') && !anchorsOf(readFileSync(resolved, 'utf8')).has(decodeURIComponent(anchor))) problems.push(`${file}: ${target} names no heading of ${path.relative(root, resolved)}`);
  }
  return problems;
};

describe('the Markdown of the repository', () => {
  it('links only to files it holds and to headings they have', () => {
    const docs = committableFiles().filter((f) => f.endsWith('.md') && !f.startsWith('gitops/'));
    expect(docs.length).toBeGreaterThan(20);
    // The links it read (the docs cross-reference each other and the code dozens of times).
    expect(docs.flatMap((f) => relativeLinks(readFileSync(path.join(REPO_ROOT, f), 'utf8'))).length).toBeGreaterThan(20);
    expect(docs.flatMap((f) => brokenLinks(REPO_ROOT, f))).toEqual([]);
  });

  it('finds a renamed heading, a moved file and a link out of the repository, and leaves code and web links alone', () => {
    const md = [
      '# Title',
      '## Place data',
      '## Place data',
      'See [it](#place-data), [again](#place-data-1), [gone](#place-loader), [file](README.md#tripgen), [moved](docs/nowhere.md).',
      '[out](../elsewhere.md) [web](https://example.com/x#y) `[code](#nothing)`',
      '```',
      '[fenced](#nothing-either)',
      '```',
    ].join('\n');
    expect(relativeLinks(md)).toEqual(['#place-data', '#place-data-1', '#place-loader', 'README.md#tripgen', 'docs/nowhere.md', '../elsewhere.md']);
    expect(anchorsOf(md)).toEqual(new Set(['title', 'place-data', 'place-data-1']));
    const root = mkdtempSync(path.join(os.tmpdir(), 'md-links-'));
    try {
      writeFileSync(path.join(root, 'README.md'), '# TripGen\n');
      writeFileSync(path.join(root, 'doc.md'), md);
      expect(brokenLinks(root, 'doc.md')).toEqual([
        'doc.md: #place-loader names no heading of doc.md',
        'doc.md: docs/nowhere.md names no file',
        'doc.md: ../elsewhere.md leaves the repository',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
