import pkg from '../../package.json' with { type: 'json' };

/** Einblick's version, written into every result and report. */
export const VERSION: string = pkg.version;
