import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newRecordId } from '@/lib/notes/ids';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('record ids', () => {
  const randomUUID = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
  afterEach(() => {
    if (randomUUID) Object.defineProperty(crypto, 'randomUUID', randomUUID);
  });

  it('are version-4 UUIDs, made where crypto.randomUUID is missing (a content script on an http:// page)', () => {
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    const ids = new Set(Array.from({ length: 50 }, newRecordId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });

  it('are made one way: no code calls crypto.randomUUID (saving a note on an http:// page threw)', () => {
    const callers = ['lib', 'entrypoints', 'components']
      .flatMap(sourceFiles)
      .filter((path) => /randomUUID\s*\(/.test(readFileSync(path, 'utf8')));
    expect(callers).toEqual([]);
  });
});
