// A build-time pass over every page's Markdown: the first use of a glossary term in a page's
// prose links to its entry on the glossary page. It runs inside Framework's Markdown parser
// (the `markdownIt` option of observablehq.config.ts), so pages need no edits and the links are
// in the HTML without scripts. Headings, links, code and HTML blocks are left alone.

/** What the pass needs of a glossary term. */
export interface LinkedTerm {
  term: string;
  anchor: string;
  aliases: readonly string[];
  expansion: string | null;
}

// The few shapes of markdown-it the pass uses (markdown-it is Framework's dependency, not ours).
interface Token {
  type: string;
  content: string;
  children: Token[] | null;
  attrSet(name: string, value: string): void;
}
interface CoreState {
  tokens: Token[];
  env: { path?: string } | undefined;
  Token: new (type: string, tag: string, nesting: number) => Token;
}
interface MarkdownIt {
  core: { ruler: { push(name: string, rule: (state: CoreState) => void): void } };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A pattern for each form of a term, as a whole word: acronyms and capitalized forms match
 * as printed ("BA", never "ba"); lower-case forms match in any case ("Joint action").
 */
export function termPatterns(term: LinkedTerm): RegExp[] {
  return [term.term, ...term.aliases].map((form) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(form)}(?![\\p{L}\\p{N}])`, form === form.toLowerCase() ? "iu" : "u"));
}

/** The relative address of the glossary entry from a page: "/thesis/sialkot" → "../glossary#term-ba". */
export function glossaryHref(pagePath: string, anchor: string, glossaryPath = "/glossary"): string {
  const depth = pagePath.split("/").length - 2;
  return `${depth > 0 ? "../".repeat(depth) : "./"}${glossaryPath.replace(/^\//, "")}#${anchor}`;
}

/** The earliest use, in `text`, of a term not linked yet: its start, end and term. */
function firstUse(text: string, terms: readonly { term: LinkedTerm; patterns: RegExp[] }[], linked: ReadonlySet<string>): { start: number; end: number; term: LinkedTerm } | null {
  let best: { start: number; end: number; term: LinkedTerm } | null = null;
  for (const { term, patterns } of terms) {
    if (linked.has(term.anchor)) continue;
    for (const pattern of patterns) {
      const match = pattern.exec(text);
      if (match && (best === null || match.index < best.start || (match.index === best.start && match[0].length > best.end - best.start))) {
        best = { start: match.index, end: match.index + match[0].length, term };
      }
    }
  }
  return best;
}

/** The markdown-it plugin: `md.use(glossaryLinks, terms)`. */
export function glossaryLinks(md: MarkdownIt, terms: readonly LinkedTerm[], { glossaryPath = "/glossary" } = {}): void {
  const compiled = terms.map((term) => ({ term, patterns: termPatterns(term) }));
  md.core.ruler.push("glossary_links", (state) => {
    const path = state.env?.path;
    if (!path || path === glossaryPath) return;
    const linked = new Set<string>();
    state.tokens.forEach((block, i) => {
      if (block.type !== "inline" || !block.children || state.tokens[i - 1]?.type === "heading_open") return;
      const out: Token[] = [];
      let insideLink = 0;
      for (const child of block.children) {
        if (child.type === "link_open") insideLink++;
        if (child.type === "link_close") insideLink--;
        if (child.type !== "text" || insideLink > 0) {
          out.push(child);
          continue;
        }
        let rest = child.content;
        for (let use = firstUse(rest, compiled, linked); use; use = firstUse(rest, compiled, linked)) {
          linked.add(use.term.anchor);
          const before = new state.Token("text", "", 0);
          before.content = rest.slice(0, use.start);
          const open = new state.Token("link_open", "a", 1);
          open.attrSet("href", glossaryHref(path, use.term.anchor, glossaryPath));
          open.attrSet("class", "glossary-term");
          open.attrSet("title", use.term.expansion ?? `${use.term.term}: see the glossary`);
          const word = new state.Token("text", "", 0);
          word.content = rest.slice(use.start, use.end);
          out.push(before, open, word, new state.Token("link_close", "a", -1));
          rest = rest.slice(use.end);
        }
        const after = new state.Token("text", "", 0);
        after.content = rest;
        out.push(after);
      }
      block.children = out;
    });
  });
}
