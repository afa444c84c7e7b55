import { RawInputError } from "../errors.ts";
import type { Seed } from "./sources.ts";
import type { Statistic } from "./statistic.ts";

/**
 * No statistic can speak of a year after the latest one its document prints (raw/sources.tsv,
 * `latest_year`): neither document prints its own date, so that year is the latest it can know.
 * A period ending later, or a year given as the statistic itself, is a typo ("2150").
 */
export function checkPeriods(statistics: readonly Statistic[], seeds: readonly Seed[]): void {
  for (const s of statistics) {
    const { source } = seeds.find((seed) => seed.source.id === s.document)!;
    const limit = `the latest year the ${s.document} prints is ${source.latest_year} (${source.raw_file}:${source.raw_line}, its seed's line ${source.latest_year_line})`;
    if (s.year_end !== null && s.year_end > source.latest_year) {
      throw new RawInputError(s.raw_file, s.raw_line, "period", s.period ?? "", `ends in ${s.year_end}, but ${limit}`);
    }
    if (s.unit === "year" && (s.value_high ?? s.value ?? 0) > source.latest_year) {
      throw new RawInputError(s.raw_file, s.raw_line, "printed", s.printed, `the year ${s.value_high ?? s.value} is after ${limit.replace("the latest year", "the last year")}`);
    }
  }
}
