export const BUNDLE_CACHE: string;
export function withOwnImportMeta(source: string, file: string): string;
export function bundleFor(entry: string, options?: { cacheDir?: string; root?: string }): Promise<{ file: string; made: boolean }>;
export function importBundled(entry: string, options?: { cacheDir?: string; root?: string }): Promise<unknown>;
export function bundleError(entry: string, error: unknown): Error;
export function runBundled(entry: string): Promise<void>;
