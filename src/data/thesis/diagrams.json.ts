// The thesis's Figures #1–#6, redrawn at build time from what its text says about them: for each,
// its caption, a static SVG, a text alternative, the passages each element is taken from, and
// what the original image had that the text does not give. See site/diagrams/.
import { defineLoader } from "../../../site/loader/define-loader.ts";
import { json } from "../../../site/loader/stdout.ts";
import { figure1 } from "../../../site/diagrams/figure-1.ts";
import { figure2 } from "../../../site/diagrams/figure-2.ts";
import { figure3 } from "../../../site/diagrams/figure-3.ts";
import { figure4 } from "../../../site/diagrams/figure-4.ts";
import { figure5 } from "../../../site/diagrams/figure-5.ts";
import { figure6 } from "../../../site/diagrams/figure-6.ts";

export default defineLoader(import.meta.url, async () => json([figure1(), figure2(), figure3(), figure4(), figure5(), figure6()]));
