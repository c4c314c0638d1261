// Terminal display width of text, measured the way the reference cqlsh measures it (the Python
// wcwidth package's wcswidth): East Asian Wide/Fullwidth characters take two cells, combining
// marks and format characters none, and a few grapheme rules apply (ZWJ emoji sequences count
// once, VS16/VS15 widen/narrow the preceding character, regional-indicator pairs form one flag,
// skin-tone modifiers attach to the preceding emoji, Indic virama conjuncts and spacing marks
// make a two-cell cluster).

import { EXTENDED_PICTOGRAPHIC, SPACING_MARK, VIRAMA, VS15_NARROWS, VS16_WIDENS, WIDE, ZERO_WIDTH } from './width-tables.js';

function inRanges(table: readonly number[], cp: number): boolean {
  const pairs = table.length / 2;
  if (pairs === 0 || cp < table[0] || cp > table[table.length - 1]) return false;
  let lo = 0;
  let hi = pairs - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp > table[2 * mid + 1]) lo = mid + 1;
    else if (cp < table[2 * mid]) hi = mid - 1;
    else return true;
  }
  return false;
}

const ZWJ = 0x200d;
const VS16 = 0xfe0f;
const VS15 = 0xfe0e;
const isRegionalIndicator = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;
const isSkinTone = (cp: number) => cp >= 0x1f3fb && cp <= 0x1f3ff;
const joinsEmoji = (cp: number) => isRegionalIndicator(cp) || inRanges(EXTENDED_PICTOGRAPHIC, cp);

/** Cells taken by one code point: -1 for C0/C1 controls, 0, 1 or 2. */
export function codePointWidth(cp: number): number {
  if (cp >= 0x20 && cp < 0x7f) return 1;
  if ((cp !== 0 && cp < 0x20) || (cp >= 0x7f && cp < 0xa0)) return -1;
  if (inRanges(ZERO_WIDTH, cp)) return 0;
  if (inRanges(WIDE, cp)) return 2;
  return 1;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Display width of a string in terminal cells; -1 when it holds a control character. */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const cps = Array.from(text, (c) => c.codePointAt(0)!);
  const end = cps.length;
  let total = 0;
  let cluster = 0; // width of the cluster being built, added when the next one starts
  let baseIdx = -2; // index of the last measured base character (-2: none a selector may modify)
  let baseCp = -1;
  let baseW = 0;
  let afterVirama = false;
  let i = 0;
  while (i < end) {
    const cp = cps[i];
    if (cp === ZWJ) {
      if (afterVirama) i += 1;
      else if (i + 1 < end) {
        // the joined character adds nothing
        baseW = 0;
        afterVirama = false;
        i += 2;
      } else {
        afterVirama = false;
        i += 1;
      }
      continue;
    }
    if (cp === VS16 && baseIdx >= 0) {
      if (inRanges(VS16_WIDENS, baseCp)) cluster = 2;
      baseIdx = -2;
      i += 1;
      continue;
    }
    if (cp === VS15 && baseIdx >= 0) {
      if (inRanges(VS15_NARROWS, baseCp) && baseW === 2) total -= 1;
      baseIdx = -2;
      i += 1;
      continue;
    }
    if (cp > 0xffff) {
      if (isRegionalIndicator(cp)) {
        let before = 0;
        for (let j = i - 1; j >= 0 && isRegionalIndicator(cps[j]); j--) before++;
        if (before % 2 === 1) {
          // second half of a flag
          baseCp = cp;
          i += 1;
          continue;
        }
      } else if (isSkinTone(cp) && joinsEmoji(baseCp)) {
        i += 1;
        continue;
      }
    }
    const w = codePointWidth(cp);
    if (w < 0) return -1;
    if (w > 0) {
      if (afterVirama) cluster = 2;
      else {
        total += cluster;
        cluster = w;
      }
      baseIdx = i;
      baseCp = cp;
      baseW = w;
      afterVirama = false;
    } else if (inRanges(VIRAMA, cp)) {
      afterVirama = true;
    } else if (baseIdx >= 0 && inRanges(SPACING_MARK, cp)) {
      cluster = 2;
      baseIdx = -2;
      afterVirama = false;
    } else {
      afterVirama = false;
    }
    i += 1;
  }
  return total + cluster;
}

/** Number of code points (what Python's len() gives for a str). */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}
