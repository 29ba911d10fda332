// Builds the in-page extras chunk (components/extras/index.ts) as one ES module, for the package.
// WXT bundles a content script into one classic script with nothing shared; this module is what the
// content script imports when the reader first opens one of its UIs. Preact is not in it: the three
// Preact modules resolve to components/extras/preact-shared.ts, filled by the content script.
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build, type Rollup } from 'vite';

export async function buildExtrasChunk(root: string): Promise<string> {
  const shared = resolve(root, 'components/extras/preact-shared.ts');
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    plugins: [preact()],
    resolve: {
      alias: [
        { find: /^preact(\/hooks|\/jsx-runtime)?$/, replacement: shared },
        { find: /^@\//, replacement: `${root}/` },
      ],
    },
    build: {
      write: false,
      minify: true,
      lib: { entry: resolve(root, 'components/extras/index.ts'), formats: ['es'], fileName: 'extras' },
      // Library builds keep an ES module's white space; this one is shipped, not consumed by a bundler.
      rolldownOptions: { output: { minify: true } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((o) => o.type === 'chunk');
  const chunk = chunks[0];
  if (chunks.length !== 1 || !chunk)
    throw new Error(`extras chunk: expected one module, got ${chunks.length}`);
  // A module a content script imports can import nothing else from the package: all in one file.
  if (chunk.imports.length > 0 || chunk.dynamicImports.length > 0)
    throw new Error(`extras chunk: imports ${[...chunk.imports, ...chunk.dynamicImports].join(', ')}`);
  return chunk.code;
}
