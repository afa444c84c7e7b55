/** Collapses every run of white space (line breaks included) to one space, and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
