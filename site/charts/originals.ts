// The thesis's chart figures #7 to #10 are images that the extracted text does not contain.
// For each, this module records what the thesis prints about it (its caption, and the
// sentences that refer to it, each with the line it starts on) and what is missing. The pages
// show these notes beside the charts of what the documents do state; the quotes are checked
// against the source text by test/charts/originals.test.ts.

import type { DocumentId } from "../../data-loaders/normalize/statistic.ts";

/** A passage of one of the documents: the line it starts on (1-based) and its words. */
export interface Passage {
  document: DocumentId;
  line: number;
  quote: string;
}

/** What the thesis prints about one of its chart figures, and what it leaves out. */
export interface OriginalFigure {
  number: number;
  /** The caption as printed (and any line printed with it), with its lines. */
  caption: Passage[];
  /** What the original showed, in our words, from the caption and the passages. */
  showed: string;
  /** The sentences of the text that refer to the figure or describe what it shows. */
  passages: Passage[];
  /** What neither document gives, so that the figure cannot be redrawn. */
  missing: string;
}

const thesis = (line: number, quote: string): Passage => ({ document: "thesis", line, quote });
const survey = (line: number, quote: string): Passage => ({ document: "survey", line, quote });

export const FIGURE_7: OriginalFigure = {
  number: 7,
  caption: [thesis(3206, "Figure # 7 - Pakistan Country Exports – 1997"), thesis(3207, "SITC 87219, 87229) US $ Millions")],
  showed:
    "Pakistan's exports in 1997 of dental (SITC 87219) and medical (SITC 87229) instruments, in millions of US dollars, after SMEDA (2008, p. 3). " +
    "The text reads it as showing that the United States buys the largest share, so it appears to have broken the exports down by country of destination.",
  passages: [
    thesis(3159, "Figure #7 illustrates Pakistani country exports for Standards International Trade Classification (SITC) 87219 (Dental Instruments) and 87229 (Medical Instruments) (SMEDA, 2008, p.3)."),
    thesis(3163, "Clearly, the US consumes that largest amount of exports originating from the Sialkot Cluster."),
    survey(577, "produces surgical instruments mainly for foreign markets in the United States and Western Europe."),
  ],
  missing:
    "The image is not in the text, and neither document prints a value for Pakistan's 1997 exports, by country or in total " +
    "(the thesis gives only their change in volume by late 1997, 25% above 1992-93). " +
    "The export values they do print, for other years, are drawn under Figure #8 below.",
};

export const FIGURE_8: OriginalFigure = {
  number: 8,
  caption: [thesis(3272, "Figure# 8 – Pakistan Surgical Instrument Exports"), thesis(3275, "Smeda, 2008, p. 2")],
  showed:
    "Pakistan's surgical instrument exports, after SMEDA (2008, p. 2). The text cites it for the rebound after the FDA crisis, " +
    "export volumes 25% above those of 1992-93 by late 1997, so it appears to have shown the exports over several years, 1992-93 and 1997 among them.",
  passages: [
    thesis(3258, "As seen in Figure #8, by late 1997, the export volumes of the Sialkot cluster had rebounded by 25% above the quantities exported in 1992-93"),
  ],
  missing:
    "The image is not in the text, and neither document prints its series: no value for any year of it, nor its unit (value or volume). " +
    "What the documents do state about Sialkot's exports is four numbers, drawn below, each at the period it is printed for.",
};

export const FIGURE_9: OriginalFigure = {
  number: 9,
  caption: [thesis(3727, "Figure #9")],
  showed:
    "By the text, Mexico's imports, presumably of footwear, which “significantly increased until 1994”, as the sign of the cluster's “critical decrease” in employment and sales. " +
    "The text does not say whether it drew pairs, values or shares, and the thesis prints no title, axis or source for it: the caption is the bare number.",
  passages: [
    thesis(3621, "Where prior to 1987, imports of foreign footwear accounted for only 0.1% of the domestic market consumption, it significantly grew to a third of overall domestic consumption in 1991 (Rabellotti & Schmitz, 1999)."),
    thesis(3629, "This critical decrease may be seen in Figure #9 whereby imports significantly increased until 1994."),
    thesis(3734, "the opportunity for domestic growth dwindled for a period of time as illustrated in figure #8."),
  ],
  missing:
    "The image is not in the text, and neither document prints its series. The sentence after the figure (line 3734) points to “figure #8”, which is Sialkot's; " +
    "it may mean Figure #9, but the thesis does not say. What the documents do state about Mexico's footwear imports and production is drawn below.",
};

export const FIGURE_10: OriginalFigure = {
  number: 10,
  caption: [thesis(3908, "Figure # 10 Mexican Peso Real Exchange Rate"), thesis(3906, "IMF, International Financial Statistics; U.S. Department of Commerce")],
  showed:
    "The real exchange rate of the Mexican peso, from the IMF's International Financial Statistics and the U.S. Department of Commerce (the source line printed above the caption). " +
    "The text cites it, in the sentence after the one on the 1994 devaluation, as illustrating “the increased rate of Mexican exports in comparison to foreign imports”.",
  passages: [
    thesis(3926, "Coupled with this increased protection was the pesos devaluation in 1994 that rendered Mexican exports more attractive for the international market, as well as assisted in regaining domestic market share."),
    thesis(3930, "Such findings may also be substantiated by Figure# 10 that illustrates the increased rate of Mexican exports in comparison to foreign imports."),
  ],
  missing:
    "The image is not in the text, and neither document prints an exchange rate: no value, index base or period. " +
    "What the thesis does state about Guadalajara's exports around the devaluation is drawn below.",
};

export const ORIGINAL_FIGURES: readonly OriginalFigure[] = [FIGURE_7, FIGURE_8, FIGURE_9, FIGURE_10];
