// The in-page extras chunk's file in the package (shared by the build config, the bench and the loader).
export const EXTRAS_FILE = 'in-page-extras.js';
