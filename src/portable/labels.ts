// Labels for readers from the data's own names: measures and units are stored in snake_case and
// lower case ("share_of_output_exported_to_ussr"), which a reader should see as words with their
// proper nouns ("share of output exported to USSR").

/** Words the documents write in capitals or with a capital, as they print them. */
const PROPER: Readonly<Record<string, string>> = {
  us: "US",
  usa: "USA",
  ussr: "USSR",
  uk: "UK",
  eu: "EU",
  iso: "ISO",
  ba: "BA",
  bas: "BAs",
  gvc: "GVC",
  gvcs: "GVCs",
  fda: "FDA",
  sitc: "SITC",
  sima: "SIMA",
  usd: "USD",
  inr: "INR",
  gdp: "GDP",
  abicalcados: "ABICALÇADOS",
  assintecal: "ASSINTECAL",
  seproe: "SEPROE",
  china: "China",
  chinese: "Chinese",
  brazil: "Brazil",
  brazilian: "Brazilian",
  mexico: "Mexico",
  mexican: "Mexican",
  india: "India",
  indian: "Indian",
  pakistan: "Pakistan",
  peru: "Peru",
  italy: "Italy",
  italian: "Italian",
  europe: "Europe",
  european: "European",
  japan: "Japan",
  korea: "Korea",
  taiwan: "Taiwan",
  sialkot: "Sialkot",
  guadalajara: "Guadalajara",
  leon: "Leon",
  sinos: "Sinos",
  valley: "Valley",
  jalisco: "Jalisco",
  guanajuato: "Guanajuato",
};

/** "share_of_output_exported_to_ussr" → "share of output exported to USSR"; other text keeps its case. */
export function readerLabel(name: string): string {
  return name
    .replaceAll("_", " ")
    .split(" ")
    .map((word) => (word === word.toLowerCase() ? (PROPER[word] ?? word) : word))
    .join(" ");
}
