// Feed dates: RFC 822 in RSS (with every deviation seen in the wild: no weekday, a wrong weekday,
// two-digit years, full month names, zone names or none), RFC 3339 in Atom, JSON Feed and dc:date.
// The result is an ISO string in UTC or null: an unreadable date is unknown, never "now".

/** Longer than any date seen in a feed, zone comment included. */
const MAX_DATE_CHARS = 200;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Month names of the other languages the directory's outlets and readers' feeds write dates in
// (French, German, Spanish, Italian, Portuguese, Dutch), by the prefix that tells them apart:
// French "juin" and "juil" share three letters. Names shared with English ("mar", "jun") are
// English's already.
const OTHER_MONTHS: Record<string, number> = {
  janv: 0, ene: 0, gen: 0, jän: 0,
  févr: 1, fev: 1, fév: 1,
  mär: 2, mrz: 2, mars: 2, maa: 2,
  avr: 3, abr: 3,
  mai: 4, mag: 4, mei: 4,
  juin: 5, giu: 5,
  juil: 6, lug: 6,
  aoû: 7, aou: 7, ago: 7,
  set: 8,
  okt: 9, ott: 9, out: 9,
  déc: 11, dez: 11, dic: 11,
};
// US zones are the ones RFC 822 names; the others appear in real feeds often enough. "IST" is
// India's: Irish and Israeli feeds give offsets.
const ZONES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0, bst: 60, cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180, msk: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420, akst: -540, akdt: -480, hst: -600,
  ist: 330, pkt: 300, sgt: 480, hkt: 480, awst: 480, jst: 540, kst: 540, acst: 570, acdt: 630, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};
// "+0100", "+01:00", "+01", or the same after "GMT"/"UTC" ("GMT+0100", "UTC+1"); else a zone's name.
const RFC822 =
  /^(?:\p{L}{2,9}\.?,?\s*)?(\d{1,2})\.?[\s-]+(\p{L}{3,9})\.?[\s-]+(\d{2,4})(?:\s+|t)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(?:(?:gmt|utc)?\s?([+-])(\d{1,2})(?::?(\d{2}))?|(\p{L}{1,5}))?(?:\s*\(.*\))?$/iu;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[t\s](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(?:(z)|([+-])(\d{2})(?::?(\d{2}))?)?)?$/i;

/** The month a name gives, in English or another language of OTHER_MONTHS; -1 for none. */
function monthOf(name: string): number {
  const lower = name.toLowerCase();
  const english = MONTHS.indexOf(lower.slice(0, 3));
  if (english >= 0) return english;
  return OTHER_MONTHS[lower.slice(0, 4)] ?? OTHER_MONTHS[lower.slice(0, 3)] ?? -1;
}

/** Milliseconds for a wall-clock time at `offset` minutes east of UTC; NaN for an impossible date. */
function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: number): number {
  if (mo < 0 || mo > 11 || h > 23 || mi > 59 || s > 60) return NaN;
  const ms = Date.UTC(y, mo, d, h, mi, Math.min(s, 59));
  // Date.UTC rolls 31 June over to 1 July; a feed that says 31 June gets no date.
  if (new Date(ms).getUTCDate() !== d) return NaN;
  return ms - offset * 60_000;
}

function fromRfc822(m: RegExpExecArray): number {
  const month = monthOf(m[2] ?? '');
  let year = Number(m[3]);
  if ((m[3] ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  // An unknown zone name is read as UTC: off by hours at worst, which beats dropping the date.
  const offset = m[7] ? (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9] ?? 0)) : (ZONES[(m[10] ?? 'z').toLowerCase()] ?? 0);
  if (month < 0) return NaN;
  return utc(year, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), offset);
}

function fromIso(m: RegExpExecArray): number {
  // No zone: RFC 3339 requires one, and UTC is the least surprising reading of its absence.
  const offset = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10] ?? 0)) : 0;
  // A day without a time is that day wherever the reader is: noon UTC falls on it in every zone
  // from UTC-11 to UTC+11, where midnight UTC is the day before everywhere west of UTC.
  if (m[4] === undefined) return utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12, 0, 0, 0);
  return utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5] ?? 0), Number(m[6] ?? 0), offset);
}

/** The date as an ISO string in UTC, or null when it is missing or cannot be read with confidence. */
export function parseFeedDate(raw: string | null | undefined): string | null {
  const text = raw?.trim().replace(/\s+/g, ' ');
  // No date is this long: a longer text is not read (it also bounds the patterns' work).
  if (!text || text.length > MAX_DATE_CHARS) return null;
  const iso = ISO.exec(text);
  const rfc = iso ? null : RFC822.exec(text);
  const ms = iso ? fromIso(iso) : rfc ? fromRfc822(rfc) : NaN;
  // Years outside this range are template placeholders (0001-01-01) or typos, not publication dates.
  if (!Number.isFinite(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1990 && year <= 2200 ? new Date(ms).toISOString() : null;
}
