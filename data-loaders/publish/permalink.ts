/**
 * The address of a number's own page, relative to the site root: `numbers/<id>`.
 * Statistic ids are lower-case letters, digits, dots and hyphens (raw/README.md), all safe in
 * a URL path segment, so the id is the page's name as it stands. The data library publishes it
 * (statistics.parquet's `permalink`), and the site links every number to it.
 */
export function permalinkOf(id: string): string {
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(id)) throw new Error(`invalid statistic id: ${JSON.stringify(id)} (lower-case letters, digits, dots and hyphens only)`);
  return `numbers/${id}`;
}
