/** Arithmetic and wording for the audit's messages. */

/** Whether |a − b| ≤ tolerance, allowing for binary floating-point noise. */
export function within(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance + 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A number for a message: whole numbers as digits, others to at most three decimals; millions and billions named. */
export function fmt(n: number): string {
  const trim = (x: number, digits: number) => String(Number(x.toFixed(digits)));
  const abs = Math.abs(n);
  if (abs >= 1e9 && abs % 1e6 === 0) return `${trim(n / 1e9, 3)} billion`;
  if (abs >= 1e6 && abs % 1e3 === 0) return `${trim(n / 1e6, 3)} million`;
  return Number.isInteger(n) ? String(n) : trim(n, 3);
}

/** A printed percentage's precision in words ("one decimal", "whole percent"). */
export function precisionWords(decimals: number): string {
  return decimals === 0 ? "a whole number" : decimals === 1 ? "one decimal" : `${decimals} decimals`;
}
