// The one layout rule that matters for privacy: content scripts run in the page's origin, where
// IndexedDB belongs to the site, so nothing they import may reach the store (DESIGN.md §2).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const SPECIFIER =
  /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveModule(from: string, specifier: string): string | undefined {
  const bare = specifier.split('?')[0] ?? specifier;
  let base: string;
  if (bare.startsWith('@/')) base = join(ROOT, bare.slice(2));
  else if (bare.startsWith('.')) base = resolve(dirname(from), bare);
  else return `package:${bare}`;
  for (const suffix of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) {
    const path = base + suffix;
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return undefined;
}

/** Every module and package reachable from `entry` through static and dynamic imports. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.startsWith('package:') || !/\.tsx?$/.test(file)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const target = resolveModule(file, match[1] ?? match[2] ?? '');
      if (target) queue.push(target);
    }
  }
  return new Set([...seen].map((path) => (path.startsWith('package:') ? path : relative(ROOT, path))));
}

const contentEntries = readdirSync(join(ROOT, 'entrypoints'))
  .filter((name) => name === 'content' || name.endsWith('.content') || name.endsWith('.content.ts'))
  .map((name) => {
    const path = join(ROOT, 'entrypoints', name);
    return statSync(path).isDirectory() ? join(path, 'index.ts') : path;
  });

describe('content scripts never reach the store', () => {
  it('finds the content script and what it imports', () => {
    expect(contentEntries.length).toBeGreaterThan(0);
    const modules = reachable(contentEntries[0] as string);
    // The walk really follows imports: the page session and the matcher are reached.
    expect(modules).toContain('lib/page/page-session.ts');
    expect(modules).toContain('lib/entities/matcher.ts');
  });

  for (const entry of contentEntries) {
    it(`${relative(ROOT, entry)} imports nothing from lib/store/ and not idb`, () => {
      const offending = [...reachable(entry)].filter(
        (module) => module.startsWith('lib/store/') || module === 'package:idb',
      );
      expect(offending).toEqual([]);
    });
  }
});
