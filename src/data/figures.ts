/**
 * The figures a text states: normalising text copied between editors, and reading every number a
 * phrase may stand for ("6.9 million", "84%", "over 53,000", "two"). The pane's search reads numbers
 * typed into it with this; `data:verify` reads the sources' numerals with it.
 */
/** A figure stated in a text: where it is and every number it may stand for. */
export interface Mention {
  /** Offsets in the normalised text. */
  start: number;
  end: number;
  text: string;
  /** Readings of the figure: as written, and scaled ("6.9 million" -> 6.9 and 6900000, "84%" -> 84 and 0.84). */
  values: number[];
}

/**
 * Collapses the differences that copying text between editors introduces: whitespace runs (tabs in
 * the USGS tables), curly and straight quotes, and the dash family (hyphen, en and em dash, minus).
 */
export function normaliseText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

const UNITS_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS_WORDS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
};

/** Words that stand for a number on their own. */
const OTHER_WORDS: Record<string, number> = {
  half: 0.5,
  quarter: 0.25,
  dozen: 12,
  decade: 10,
};

/** Words that multiply the number before them. */
const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  lakh: 1e5,
  million: 1e6,
  crore: 1e7,
  billion: 1e9,
  trillion: 1e12,
};

// A Map, so that words such as "constructor" do not hit Object.prototype.
const WORD_VALUES = new Map(
  [UNITS_WORDS, TENS_WORDS, ORDINAL_WORDS, OTHER_WORDS].flatMap((words) => Object.entries(words)),
);
const wordValue = (word: string): number | undefined => WORD_VALUES.get(word);
const isTens = (word: string): boolean => Object.keys(TENS_WORDS).includes(word);

// Digits not glued to letters (so "B2B", "FY25" and "360info" are labels, not figures), except an
// ordinal suffix ("14th"). The leading character is captured rather than looked behind at, since
// older Office webviews (Safari before 16.4) reject lookbehind and this module is bundled.
// "Rs.7280" is a figure after a currency abbreviation, not the decimals of a number.
const DIGITS = /(^|Rs\.|[^A-Za-z0-9.,])(\d+(?:,\d{3})*(?:\.\d+)?)(?:st|nd|rd|th)?(?![A-Za-z0-9])/g;
const WORDS = /[A-Za-z]+(?:-[A-Za-z]+)*/g;
const PERCENT_AFTER = /^\s*(?:%|percent\b|per cent\b)/i;
const SCALE_AFTER = /^\s*(hundred|thousand|lakh|million|crore|billion|trillion)\b/i;
const RANGE_BETWEEN = /^\s*(?:-|to)\s*$/i;

function scaled(base: number, after: string): { values: number[]; length: number } {
  const values = [base];
  let length = 0;
  const scale = SCALE_AFTER.exec(after);
  if (scale) {
    values.push(base * SCALES[scale[1].toLowerCase()]);
    length = scale[0].length;
  }
  const percent = PERCENT_AFTER.exec(after.slice(length));
  if (percent) {
    values.push(base / 100);
    length += percent[0].length;
  }
  return { values, length };
}

/**
 * Every figure in a text with the numbers it may stand for: digits with thousands separators and
 * decimals, "million"/"crore" scales, "%"/"percent" (also as a fraction), both ends of a range
 * ("400-500", "10-20%" scales both), number words and ordinals ("seven", "third-largest",
 * "twenty-first", "a quarter"), and years in dates.
 */
export function mentionsIn(text: string): Mention[] {
  const normal = normaliseText(text);
  const mentions: Mention[] = [];

  for (const match of normal.matchAll(DIGITS)) {
    const start = match.index + match[1].length;
    const end = match.index + match[0].length;
    const { values, length } = scaled(Number(match[2].replace(/,/g, "")), normal.slice(end));
    mentions.push({ start, end: end + length, text: "", values });
  }
  // A range takes its scale from its upper end: "10-20%" is 0.1-0.2, "1-2 million" is 1e6-2e6.
  for (let i = mentions.length - 2; i >= 0; i--) {
    const [low, high] = [mentions[i], mentions[i + 1]];
    const between = normal.slice(low.end, high.start);
    if (low.values.length === 1 && RANGE_BETWEEN.test(between) && high.values.length > 1) {
      const factor = high.values[high.values.length - 1] / high.values[0];
      low.values.push(low.values[0] * factor);
    }
  }

  for (const match of normal.matchAll(WORDS)) {
    const parts = match[0].toLowerCase().split("-");
    let offset = match.index;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const start = offset;
      offset += part.length + 1;
      const value = wordValue(part);
      if (value === undefined) continue;
      // "twenty-first", "thirty-two": a tens word and a unit word hyphenated make one number.
      const next = parts[i + 1];
      const compound = isTens(part) && next !== undefined ? wordValue(next) : undefined;
      if (compound !== undefined && compound >= 1 && compound < 10 && Number.isInteger(compound)) {
        mentions.push({
          start,
          end: start + part.length + 1 + next.length,
          text: "",
          values: [value + compound],
        });
        i++;
        offset += next.length + 1;
        continue;
      }
      const end = start + part.length;
      const after = i === parts.length - 1 ? normal.slice(match.index + match[0].length) : "";
      const { values, length } = scaled(value, after);
      mentions.push({ start, end: end + length, text: "", values });
    }
  }

  return mentions
    .sort((a, b) => a.start - b.start)
    .map((mention) => ({ ...mention, text: normal.slice(mention.start, mention.end) }));
}

/** Every number a fragment may stand for. */
export function numbersIn(fragment: string): number[] {
  return mentionsIn(fragment).flatMap((mention) => mention.values);
}

/**
 * True when two numbers are the same figure: equal but for the rounding of reading a written figure
 * (one part in a billion, and never finer than 1e-9 for small numbers).
 */
export const sameFigure = (a: number, b: number): boolean =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** The multiplier of a unit counted in millions or crores ("USD million": 1e6). */
const UNIT_SCALES: Record<string, number> = { "USD million": 1e6, "INR crore": 1e7 };

/**
 * True when the figure is among the numbers the fragment states; a figure in a unit of millions or
 * crores also matches its full amount ("$1.07 billion" states 1,070 USD million).
 */
export function figureIn(figure: number, fragment: string, unit?: string): boolean {
  const scale = unit === undefined ? undefined : UNIT_SCALES[unit];
  return numbersIn(fragment).some(
    (number) =>
      sameFigure(number, figure) || (scale !== undefined && sameFigure(number, figure * scale)),
  );
}
