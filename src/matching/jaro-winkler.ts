// Jaro and Jaro–Winkler string similarity (Winkler 1990), written out because no installed
// library provides it; used by name comparison and by the linkage comparison levels.

/**
 * Jaro similarity of two strings, 0 (nothing in common) to 1 (identical).
 *
 * @example
 * jaro('MARTHA', 'MARHTA'); // 0.944…
 */
export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Uint8Array(a.length);
  const bMatched = new Uint8Array(b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] || a[i] !== b[j]) continue;
      aMatched[i] = 1;
      bMatched[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const t = transpositions / 2;
  return (matches / a.length + matches / b.length + (matches - t) / matches) / 3;
}

/**
 * Jaro–Winkler similarity: Jaro raised for a shared prefix of up to four characters
 * (scaling factor 0.1), 0 to 1.
 *
 * @example
 * jaroWinkler('MARTHA', 'MARHTA'); // 0.961…
 * jaroWinkler('DIXON', 'DICKSONX'); // 0.813…
 */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  const similarity = jaro(a, b);
  let prefix = 0;
  const limit = Math.min(4, a.length, b.length);
  while (prefix < limit && a[prefix] === b[prefix]) prefix++;
  return similarity + prefix * prefixScale * (1 - similarity);
}
