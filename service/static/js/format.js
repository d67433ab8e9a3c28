// Hindi labels and date formatting (TIMEX3 values: 2025-07-12, 2025-W28, 2025-07, 2025, PAST_REF…).

export const VERB_CLASSES = {
  statement: "बयान",
  threat: "धमकी",
  warning: "चेतावनी",
  accusation: "आरोप",
  announcement: "घोषणा",
  appeal: "अपील",
  claim: "दावा",
  confirmation: "पुष्टि",
  demand: "मांग",
  denial: "खंडन",
  instruction: "निर्देश",
  written: "लिखित",
  attribution: "हवाला",
};

export const GRANULARITY = {
  day: "दिन",
  week: "सप्ताह",
  month: "माह",
  year: "वर्ष",
  vague: "अस्पष्ट",
};

export const DATE_SOURCE = {
  explicit: "पाठ में स्पष्ट",
  inherited: "संदर्भ से",
  anchor: "लेख की तिथि से",
  manual: "मैनुअल",
};

export const verbClassLabel = (cls) => VERB_CLASSES[cls] || cls || "—";

const fmt = (options) => new Intl.DateTimeFormat("hi-IN-u-nu-latn", { timeZone: "UTC", ...options });
const DAY = fmt({ day: "numeric", month: "long", year: "numeric" });
const DAY_WEEKDAY = fmt({ weekday: "long", day: "numeric", month: "long", year: "numeric" });
const MONTH = fmt({ month: "long", year: "numeric" });
const SHORT = fmt({ day: "numeric", month: "short" });

const utc = (y, m, d) => new Date(Date.UTC(y, m - 1, d));

// Monday of ISO week `w` of ISO year `y`.
export function isoWeekStart(y, w) {
  const jan4 = utc(y, 1, 4);
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (w - 1) * 7);
  return monday;
}

// A human label for a date value at any granularity.
export function dateLabel(value, { weekday = false } = {}) {
  if (!value) return "तिथि अज्ञात";
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) return (weekday ? DAY_WEEKDAY : DAY).format(utc(+m[1], +m[2], +m[3]));
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    const start = isoWeekStart(+m[1], +m[2]);
    const end = new Date(start);
    end.setUTCDate(start.getUTCDate() + 6);
    return `सप्ताह ${+m[2]}: ${SHORT.format(start)} – ${DAY.format(end)}`;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return MONTH.format(utc(+m[1], +m[2], 1));
  if (/^\d{4}$/.test(value)) return `वर्ष ${value}`;
  return { PAST_REF: "अतीत में", PRESENT_REF: "वर्तमान में", FUTURE_REF: "भविष्य में" }[value] || value;
}

export function coords(lat, lon) {
  if (lat === null || lat === undefined || lon === null || lon === undefined) return "";
  const ns = lat >= 0 ? "N" : "S";
  const ew = lon >= 0 ? "E" : "W";
  return `${Math.abs(lat).toFixed(2)}°${ns}, ${Math.abs(lon).toFixed(2)}°${ew}`;
}

export const number = (n) => new Intl.NumberFormat("hi-IN-u-nu-latn").format(n);

// The last path segment of a url, percent-decoded when it can be: a url ending in a bad escape
// ("…/%E0%A4") threw "URI malformed" and blanked the article view; it is shown as written.
export function urlSlug(url) {
  const last = String(url || "").split("/").filter(Boolean).pop() || "";
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export const articleHeading = (article) => article.title || urlSlug(article.url) || `लेख #${article.id}`;
