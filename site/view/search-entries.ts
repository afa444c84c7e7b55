// What Framework's built-in search indexes beyond the pages' Markdown: every number's own page
// (numbers/<id>, written by the build after Framework) and every glossary term, so a reader
// finds a number by its words or its quote, and a term by its name. In the ledger's order, so
// two builds give the same index.
import type { GlossaryTerm } from "../../data-loaders/normalize/glossary.ts";
import { permalinkOf } from "../../data-loaders/publish/permalink.ts";
import { ledgerOf } from "../loader/shared-ledger.ts";

export interface SearchEntry {
  path: string;
  title: string;
  text: string;
  keywords?: string;
}

/** One entry per statistic (its page) and per glossary term (its entry on the glossary page). */
export async function* searchEntries(rawDir: string, glossary: readonly GlossaryTerm[]): AsyncGenerator<SearchEntry> {
  // In a build, the ledger the build has read already (shared-ledger.ts).
  const ledger = await ledgerOf(rawDir);
  for (const s of ledger.statistics) {
    const measure = s.measure.replaceAll("_", " ");
    yield {
      path: `/${permalinkOf(s.id)}`,
      title: `${s.printed}: ${measure}, ${s.subject}`,
      text: [s.quote, s.locator, s.subject, measure, s.cited_source ?? "", s.document].join(" "),
      keywords: [s.subject, s.row_label ?? "", s.column_label ?? ""].join(" "),
    };
  }
  for (const t of glossary) {
    yield { path: `/glossary#${t.anchor}`, title: `${t.term}${t.expansion ? ` (${t.expansion})` : ""}: glossary`, text: t.quote, keywords: [t.term, ...t.aliases].join(" ") };
  }
}
