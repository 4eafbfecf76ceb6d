// Feed dates: RFC 822 in RSS (with every deviation seen in the wild: no weekday, a wrong weekday,
// two-digit years, full month names, zone names or none, an offset and a zone name, a 12-hour clock,
// no time), the month first as in the US ("January 15, 2024"), and RFC 3339 in Atom, JSON Feed and
// dc:date (with a space for the T, slashes, or Go's "2024-01-15 10:00:00 +0000 UTC").
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
// India's: Irish and Israeli feeds give offsets. US news writes "10 a.m. ET" without saying whether
// daylight saving is on: ET (and CT, MT, PT) are read as standard time, as a feed's "EST" is read as
// EST in July (a zone is what its name says, never inferred from the calendar). In summer that
// dates an item an hour late, and a date it puts after the refresh is settled by item-dates.ts.
const ZONES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0, bst: 60, cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180, msk: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420, akst: -540, akdt: -480, hst: -600,
  et: -300, ct: -360, mt: -420, pt: -480,
  ist: 330, pkt: 300, sgt: 480, hkt: 480, awst: 480, jst: 540, kst: 540, acst: 570, acdt: 630, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
  // Africa, South-East Asia and South America.
  wat: 60, cat: 120, sast: 120, eat: 180, wib: 420, ict: 420, wita: 480, pht: 480, myt: 480, wit: 540, brt: -180, art: -180,
};
// The parts the patterns share, as named groups (each pattern has its own). A time: "10:00",
// "10:00:00.123", "10:00 PM", "10:00 p.m." (the letter after "m" would make it a zone's name).
const TIME = String.raw`(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\.\d+)?(?:\s?(?<ampm>[ap])\.?m\.?(?!\p{L}))?`;
// "+0100", "+01:00", "+01", or the same after "GMT"/"UTC" ("GMT+0100", "UTC+1"), any of them
// followed by the zone's name ("+0000 GMT", "-0500 EST": the offset says it); else a zone's name.
const ZONE = String.raw`(?:(?:gmt|utc)?\s?(?<sign>[+-])(?<oh>\d{1,2})(?::?(?<om>\d{2}))?(?:\s?\p{L}{2,5})?|(?<zone>\p{L}{1,5}))`;
/** A zone's name in parentheses after the date: "-0500 (EST)", "GMT+0000 (Coordinated Universal Time)". */
const COMMENT = String.raw`(?:\s*\(.*\))?`;
// Each part is bounded or stops at a character of another kind, and the text is at most
// MAX_DATE_CHARS long: no pattern can try more than a few ways at any position.
/** Day, month's name, year ("Mon, 15 Jan 2024 10:00:00 GMT"); the time is optional. */
const RFC822 = new RegExp(
  String.raw`^(?:\p{L}{2,9}\.?,?\s*)?(?<d>\d{1,2})\.?[\s-]+(?<month>\p{L}{3,9})\.?[\s-]+(?<y>\d{2,4})(?:(?:\s+|t)${TIME}\s*${ZONE}?)?${COMMENT}$`,
  'iu',
);
/** The month's name first, as in the US ("January 15, 2024", "Mon Jan 15 2024 10:00:00 GMT+0000"). */
const MONTH_FIRST = new RegExp(
  String.raw`^(?:\p{L}{2,9}\.?,?\s)?(?<month>\p{L}{3,9})\.?\s(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s(?<y>\d{4})(?:,?\s(?:at\s)?${TIME}\s?${ZONE}?)?${COMMENT}$`,
  'iu',
);
/** RFC 3339 and its relatives: a space for the T, no zone, a zone's name, slashes ("2024/01/15"). */
const ISO = new RegExp(
  String.raw`^(?<y>\d{4})[-/](?<mo>\d{2})[-/](?<d>\d{2})(?:[t\s](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?\s*(?:(?<sign>[+-])(?<oh>\d{2})(?::?(?<om>\d{2}))?(?:\s?\p{L}{2,5})?|(?<zone>\p{L}{1,5}))?)?$`,
  'iu',
);

type Parts = Partial<Record<'d' | 'month' | 'mo' | 'y' | 'h' | 'mi' | 's' | 'ampm' | 'sign' | 'oh' | 'om' | 'zone', string>>;

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

/** Minutes east of UTC the parts give: the offset, else the zone's name, else UTC. */
function offsetOf(p: Parts): number {
  if (p.sign) return (p.sign === '-' ? -1 : 1) * (Number(p.oh) * 60 + Number(p.om ?? 0));
  // An unknown zone name is read as UTC: off by hours at worst, which beats dropping the date.
  return ZONES[(p.zone ?? 'z').toLowerCase()] ?? 0;
}

/** The hour on a 24-hour clock: 12 AM is midnight, 12 PM noon, and "13:00 PM" no time at all. */
function hourOf(p: Parts): number {
  const hour = Number(p.h);
  if (!p.ampm) return hour;
  if (hour < 1 || hour > 12) return NaN;
  return (hour % 12) + (p.ampm.toLowerCase() === 'p' ? 12 : 0);
}

function fromParts(p: Parts, year: number, month: number): number {
  // A day without a time is that day wherever the reader is: noon UTC falls on it in every zone
  // from UTC-11 to UTC+11, where midnight UTC is the day before everywhere west of UTC.
  if (p.h === undefined) return utc(year, month, Number(p.d), 12, 0, 0, 0);
  // No zone: RFC 3339 requires one, and UTC is the least surprising reading of its absence.
  return utc(year, month, Number(p.d), hourOf(p), Number(p.mi), Number(p.s ?? 0), offsetOf(p));
}

function fromNamedMonth(p: Parts): number {
  const month = monthOf(p.month ?? '');
  let year = Number(p.y);
  if ((p.y ?? '').length === 2) year += year < 50 ? 2000 : 1900;
  return month < 0 ? NaN : fromParts(p, year, month);
}

/** The date as an ISO string in UTC, or null when it is missing or cannot be read with confidence. */
export function parseFeedDate(raw: string | null | undefined): string | null {
  const text = raw?.trim().replace(/\s+/g, ' ');
  // No date is this long: a longer text is not read (it also bounds the patterns' work).
  if (!text || text.length > MAX_DATE_CHARS) return null;
  const iso = ISO.exec(text)?.groups as Parts | undefined;
  const named = iso ? undefined : ((RFC822.exec(text) ?? MONTH_FIRST.exec(text))?.groups as Parts | undefined);
  const ms = iso ? fromParts(iso, Number(iso.y), Number(iso.mo) - 1) : named ? fromNamedMonth(named) : NaN;
  // Years outside this range are template placeholders (0001-01-01) or typos, not publication dates.
  if (!Number.isFinite(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1990 && year <= 2200 ? new Date(ms).toISOString() : null;
}
