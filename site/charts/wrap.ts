/**
 * Breaks a label into lines of at most `width` characters, at spaces (a longer word keeps
 * its own line). Charts draw the lines as multi-line text, so long printed labels stay whole
 * instead of being cut off with an ellipsis; the diagrams (site/diagrams) set them as lines too.
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.replace(/\s+/g, " ").trim().split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A Vega expression that maps each label of an axis to its wrapped lines, e.g. for `labelExpr`.
 * Labels not in `labels` show as they are.
 */
export function wrappedLabelExpr(labels: readonly string[], width: number): string {
  const table = Object.fromEntries(labels.map((label) => [label, wrapWords(label, width)]));
  return `(${JSON.stringify(table)})[datum.label] || datum.label`;
}
