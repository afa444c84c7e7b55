/** Writes a loader's one output to stdout and resolves once it is flushed. */
export function emit(output: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(output, (error) => (error ? reject(error) : resolve())));
}

/** JSON with sorted-by-construction keys and no trailing variance, for byte-identical builds. */
export const json = (value: unknown) => `${JSON.stringify(value)}\n`;
