import { invalid } from "../errors.ts";

/**
 * How a printed number bounds the true value. `approximately`: near it, either side;
 * `almost`: near it and below it ("almost $10 billion", "nearly 50 percent"), so the printed
 * number is an upper bound; `up_to`, `less_than`: an upper bound; `at_least`, `more_than`: a
 * lower bound; `range`: both bounds printed.
 */
export const QUALIFIERS = [
  "exact",
  "approximately",
  "almost",
  "at_least",
  "more_than",
  "less_than",
  "up_to",
  "expected",
  "range",
] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** The currency a printed number names; "rupee" and "dollar" leave the country to the unit column. */
export type CurrencyFamily = "dollar" | "USD" | "rupee" | "MXN" | "BRL";

/** A printed quantity, parsed but not yet tied to a unit. */
export interface Quantity {
  /** The point value; null for a range, whose bounds are in low/high. */
  value: number | null;
  /** Lower bound; null when the printed words give none ("up to 40"). */
  low: number | null;
  /** Upper bound; null when the printed words give none ("at least 600"). */
  high: number | null;
  qualifier: Qualifier;
  currency: CurrencyFamily | null;
  /** Printed as a fraction in words ("four-fifths"): the value is a ratio in 0..1. */
  fraction: boolean;
  /** Printed with "%", "percent" or "per cent". */
  percent: boolean;
  /** Printed with "times" ("17 times"). */
  multiple: boolean;
  /** The words after the number, e.g. "pairs of shoes per day". */
  rest: string;
}

/**
 * Every word the parser reads as a qualifier before a number, by the qualifier it gives. Which
 * side a word bounds the value on is the point: "almost" and "nearly" put the true value below
 * the printed number (an upper bound), "over" and "upwards of" above it (a lower bound).
 * Longer words first, so "a maximum number of" wins over nothing shorter it starts with.
 */
export const QUALIFIER_WORDS: Readonly<Record<Exclude<Qualifier, "exact" | "expected" | "range">, readonly string[]>> = {
  approximately: ["approximately", "approx.", "about", "around", "roughly", "close to", "an estimated", "estimated", "some"],
  almost: ["almost", "nearly", "just under", "just below", "not quite"],
  at_least: ["at least", "no fewer than", "no less than", "a minimum of"],
  more_than: ["more than", "over", "above", "in excess of", "upwards of", "upward of"],
  less_than: ["less than", "fewer than", "under", "below"],
  up_to: ["up to", "as many as", "as much as", "a maximum number of", "a maximum of"],
};

const escapeWords = (w: string) => w.replace(/[.]/g, "\\.").replace(/ /g, "\\s+");
const QUALIFIER_PREFIXES: ReadonlyArray<readonly [RegExp, Qualifier]> = Object.entries(QUALIFIER_WORDS)
  .flatMap(([q, words]) => words.map((w) => [w, q as Qualifier] as const))
  .sort((a, b) => b[0].length - a[0].length)
  .map(([w, q]) => [new RegExp(`^${escapeWords(w)}\\s+`), q] as const);

/** The interval a single printed number gives under a qualifier: which side(s) it bounds. */
export function boundsOf(qualifier: Qualifier, value: number): { low: number | null; high: number | null } {
  if (qualifier === "at_least" || qualifier === "more_than") return { low: value, high: null };
  if (qualifier === "less_than" || qualifier === "up_to" || qualifier === "almost") return { low: null, high: value };
  return { low: value, high: value };
}

const CURRENCY_PREFIXES: ReadonlyArray<readonly [RegExp, CurrencyFamily]> = [
  [/^us\s?\$\s?/, "USD"],
  [/^\$\s?us\s?/, "USD"],
  [/^usd\s?/, "USD"],
  [/^r\$\s?/, "BRL"],
  [/^\$\s?/, "dollar"],
  [/^rs\.?\s?/, "rupee"],
];

const CURRENCY_SUFFIXES: ReadonlyArray<readonly [RegExp, CurrencyFamily]> = [
  [/^(?:u\.?s\.?\s+)?dollars?\b/, "dollar"],
  [/^rupees?\b/, "rupee"],
  [/^pesos?\b/, "MXN"],
  [/^reais\b/, "BRL"],
];

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };

const UNITS_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS_WORDS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const DENOMINATORS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4,
  fifth: 5, fifths: 5, sixth: 6, sixths: 6, tenth: 10, tenths: 10,
};

const ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/**
 * What may follow a printed number in digits: the end, a space, a percent sign, a "+", or a
 * dash or slash to a second number. A letter, a digit or any other character glued to the
 * digits means the token was mistyped ("2O5", "75x"), so the number is refused.
 */
const NUMBER_END = /^(?:$|[\s%+\-–)])/;
/** A scale word printed against the digits, as the thesis prints "US$ 191million". */
const ATTACHED_SCALE = /^(?:thousand|million|billion|trillion|mn|bn)\b/;

interface Token {
  value: number;
  fraction: boolean;
  length: number;
}

/** Reads a number at the start of `s`: digits (with thousands or decimal commas), words, or a fraction in words. */
function readNumber(s: string): Token | null {
  // A comma followed by exactly three digits groups thousands ("10,000");
  // followed by one or two digits it is a decimal comma, as printed in Table #6 ("55,0").
  // A space groups thousands too, as note 10 of the thesis prints "400 000".
  const digits = /^(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?: \d{3})+(?![\d,.])|\d+)(?:([.,])(\d+))?/.exec(s);
  if (digits) {
    const whole = digits[1]!.replace(/[, ]/g, "");
    const frac = digits[3];
    if (frac !== undefined && digits[2] === "," && frac.length === 3) return null; // "1,2345"-like: ambiguous
    if (frac !== undefined && digits[2] === "," && digits[1]!.includes(",")) return null; // "10,000,5": a group and a decimal comma
    if (/^0\d/.test(whole)) return null; // "075": no document prints a leading zero
    // The number is the whole printed token: "2O5" or "7\u00005" is a typo, not 2 or 7.
    const after = s.slice(digits[0].length);
    if (!NUMBER_END.test(after) && !ATTACHED_SCALE.test(after)) return null;
    const text = frac === undefined ? whole : `${whole}.${frac}`;
    return { value: Number(text), fraction: false, length: digits[0].length };
  }
  const fractionWords = /^(a|an|one|two|three|four|five|nine)[\s-]+(half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|tenths?)\b/.exec(s);
  if (fractionWords) {
    const numerator = fractionWords[1] === "a" || fractionWords[1] === "an" ? 1 : UNITS_WORDS[fractionWords[1]!]!;
    return { value: numerator / DENOMINATORS[fractionWords[2]!]!, fraction: true, length: fractionWords[0].length };
  }
  const ordinal = /^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/.exec(s);
  if (ordinal) return { value: ORDINAL_WORDS.indexOf(ordinal[1]!) + 1, fraction: false, length: ordinal[0].length };
  // "two decades" is twenty years: the word after the count scales it, as "a decade" is ten.
  const decades = /^(two|three|four|five|six|seven|eight|nine)\s+decades\b/.exec(s);
  if (decades) return { value: UNITS_WORDS[decades[1]!]! * 10, fraction: false, length: decades[0].length };
  const decade = /^(?:a\s+)?decade\b/.exec(s);
  if (decade) return { value: 10, fraction: false, length: decade[0].length };
  const half = /^half\b/.exec(s);
  if (half) return { value: 0.5, fraction: true, length: half[0].length };
  const compound = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine)\b)?/.exec(s);
  if (compound) {
    const value = TENS_WORDS[compound[1]!]! + (compound[2] ? UNITS_WORDS[compound[2]]! : 0);
    return { value, fraction: false, length: compound[0].length };
  }
  const unit = /^(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b/.exec(s);
  if (unit) return { value: UNITS_WORDS[unit[1]!]!, fraction: false, length: unit[0].length };
  const hundred = /^(?:(?:a|one)\s+)?hundred\b/.exec(s);
  if (hundred) return { value: 100, fraction: false, length: hundred[0].length };
  return null;
}

function readScale(s: string): { factor: number; length: number } {
  const match = /^\s*(thousand|million|billion|trillion|mn|bn)\b/.exec(s);
  return match ? { factor: SCALES[match[1]!]!, length: match[0].length } : { factor: 1, length: 0 };
}

/** Multiplies without binary noise, so "1.5 billion" is exactly 1500000000. */
function scale(value: number, factor: number): number {
  return factor === 1 ? value : Number((value * factor).toPrecision(15));
}

/**
 * Parses a number as printed in the documents, with its qualifier, scale and currency words:
 * `$125 million`, `Rs 241 billion`, `2.5 billion Rupees`, `300,000 pairs of shoes per day`,
 * `four-fifths`, `a third`, `17 times`, `at least 600`, `more than 400`,
 * `between 6800 and 8000`, `US $10-11`, `approximately 142 million`, `55,0`, `N=61`.
 * Returns "missing" for `n.a.` and `N/A`. Throws a ParseError for anything else.
 */
export function parseQuantity(printed: string): Quantity | "missing" {
  const original = printed;
  let s = printed.trim().toLowerCase().replace(/\s+/g, " ");
  if (/^(?:n\.\s?a\.?|n\/a)$/.test(s)) return "missing";

  let qualifier: Qualifier = "exact";
  for (const [pattern, q] of QUALIFIER_PREFIXES) {
    const m = pattern.exec(s);
    if (m) {
      qualifier = q;
      s = s.slice(m[0].length);
      break;
    }
  }
  let between = false;
  const betweenMatch = /^between\s+/.exec(s);
  if (betweenMatch && qualifier === "exact") {
    between = true;
    s = s.slice(betweenMatch[0].length);
  }

  let currency: CurrencyFamily | null = null;
  for (const [pattern, c] of CURRENCY_PREFIXES) {
    const m = pattern.exec(s);
    if (m) {
      currency = c;
      s = s.slice(m[0].length);
      break;
    }
  }
  // A group size printed as a label ("N=61") is the count itself.
  s = s.replace(/^n\s*=\s*/, "");

  const doubling = /^(?:a\s+)?(?:doubling|doubled|double)\b/.exec(s);
  if (doubling && qualifier === "exact" && !between && !currency) {
    return { value: 2, low: 2, high: 2, qualifier, currency, fraction: false, percent: false, multiple: true, rest: s.slice(doubling[0].length).trim() };
  }
  const first = readNumber(s);
  if (!first) invalid("quantity", original, /^\d/.test(s) ? "invalid number: the digits are not the whole printed token" : "no number found");
  s = s.slice(first.length);
  const firstScale = readScale(s);
  s = s.slice(firstScale.length);
  const PERCENT = /^\s*(?:%|percent\b|per cent\b)/;
  let percent = false;
  const firstPercent = PERCENT.exec(s);

  let second: Token | null = null;
  let secondScale = { factor: 1, length: 0 };
  const joiner = between ? /^\s*(?:and)\s+/ : /^\s*(?:-|–|to)\s*/;
  const join = joiner.exec(firstPercent ? s.slice(firstPercent[0].length) : s);
  if (join) {
    if (firstPercent) {
      percent = true;
      s = s.slice(firstPercent[0].length);
    }
    const afterJoin = s.slice(join[0].length).replace(/^(?:us\s?\$|\$|rs\.?)\s?/, "");
    second = readNumber(afterJoin);
    if (!second && /^\d/.test(afterJoin)) invalid("quantity", original, "invalid number: the digits are not the whole printed token");
    if (second) {
      s = afterJoin.slice(second.length);
      secondScale = readScale(s);
      s = s.slice(secondScale.length);
    }
  }
  if (between && !second) invalid("quantity", original, "'between' needs 'X and Y'");

  const pct = PERCENT.exec(s);
  if (pct) {
    percent = true;
    s = s.slice(pct[0].length);
  }
  let multiple = false;
  const times = /^\s*(?:times|-fold|fold)\b/.exec(s);
  if (times) {
    multiple = true;
    s = s.slice(times[0].length);
  }
  const orMore = /^\s*(?:\+|or more\b)/.exec(s);
  if (orMore) {
    if (qualifier !== "exact") invalid("quantity", original, `'${orMore[0].trim()}' after a '${qualifier}' number`);
    qualifier = "at_least";
    s = s.slice(orMore[0].length);
  }
  const rest = s.trim();
  if (/\d/.test(rest)) invalid("quantity", original, `digits left over after the number: '${rest}'`);
  // The words after a number name what is counted ("pairs of shoes per day"); anything but
  // letters, spaces, hyphens and apostrophes there is text the parser would ignore.
  if (!/^[\p{L} '’-]*$/u.test(rest)) invalid("quantity", original, `unexpected characters after the number: '${rest}'`);
  for (const [pattern, c] of CURRENCY_SUFFIXES) {
    if (pattern.test(rest)) {
      if (currency && currency !== c && !(currency === "USD" && c === "dollar")) {
        invalid("quantity", original, "two different currencies");
      }
      currency ??= c;
    }
  }

  const fraction = first.fraction || (second?.fraction ?? false);
  if (second) {
    // "2-3 million": a scale printed once, after the second number, applies to both.
    const lowFactor = firstScale.length ? firstScale.factor : secondScale.factor;
    const low = scale(first.value, lowFactor);
    const high = scale(second.value, secondScale.length ? secondScale.factor : lowFactor);
    if (!(low <= high)) invalid("quantity", original, "range runs backwards");
    if (qualifier !== "exact") invalid("quantity", original, `a range cannot also be '${qualifier}'`);
    return { value: null, low, high, qualifier: "range", currency, fraction, percent, multiple, rest };
  }
  const value = scale(first.value, firstScale.factor);
  return { value, ...boundsOf(qualifier, value), qualifier, currency, fraction, percent, multiple, rest };
}
