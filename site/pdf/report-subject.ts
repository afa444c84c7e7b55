/** The PDF's Subject: what the report is, and the two documents it reproduces, by their titles (raw/sources.tsv). */
export function reportSubject(documents: readonly string[]): string {
  return `A reproducible report of two documents on industrial clusters in developing countries: ${documents.join("; ")}`;
}
