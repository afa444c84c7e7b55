import { cp, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT, RAW_DIR } from "../../data-loaders/paths.ts";

export const FIXTURE_RAW = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "raw");
/** The fixture's stand-ins for the seed texts, which its raw/sources.tsv names as seeds/<document>.txt. */
export const FIXTURE_SEEDS = join(FIXTURE_RAW, "..", "seeds");
export const STATS_FILE = "survey/statistics/text.tsv";

/** A scratch copy of the small raw fixture and its seeds, optionally with one file's text (under raw/) edited. */
export async function rawCopy(edit?: { file: string; change: (text: string) => string }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "raw-fixture-"));
  const raw = join(dir, "raw");
  await cp(FIXTURE_RAW, raw, { recursive: true });
  await cp(FIXTURE_SEEDS, join(dir, "seeds"), { recursive: true });
  if (edit) {
    const path = join(raw, edit.file);
    await writeFile(path, edit.change(await readFile(path, "utf8")));
  }
  return raw;
}

/** Replaces field `field` (a header name) of the data row whose id is `id`. */
export function setField(text: string, id: string, field: string, value: string): string {
  const lines = text.split("\n");
  const header = lines.find((l) => l.startsWith("id\t"))!.split("\t");
  const index = header.indexOf(field);
  if (index < 0) throw new Error(`no field ${field}`);
  return lines
    .map((line) => {
      const cells = line.split("\t");
      if (cells[0] !== id) return line;
      cells[index] = value;
      return cells.join("\t");
    })
    .join("\n");
}

/**
 * A scratch copy of the real raw/ at <tmp>/project/raw, with <tmp>/shared linked to the real
 * ../shared, so the seeds raw/sources.tsv names (../shared/seeds/…, relative to the project
 * folder) are found and checked as in a real run. Returns the raw folder.
 */
export async function realRawCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "raw-real-"));
  const raw = join(dir, "project", "raw");
  await cp(RAW_DIR, raw, { recursive: true });
  await symlink(join(PROJECT_ROOT, "..", "shared"), join(dir, "shared"));
  return raw;
}
