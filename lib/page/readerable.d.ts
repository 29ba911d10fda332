// Readability's readerable check on its own, without the parser: the package's index.d.ts types
// only its main module. The wake-up script imports this file alone (entrypoints/wake.content.ts).
declare module '@mozilla/readability/Readability-readerable.js' {
  const isProbablyReaderable: typeof import('@mozilla/readability').isProbablyReaderable;
  export default isProbablyReaderable;
}
