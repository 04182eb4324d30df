// Calendar checks shared by request parsing, CSV fields and page cursors. JavaScript's Date rolls
// 30 February over into March; a person who typed it made a mistake, and PostgreSQL refuses it.

/** `YYYY-MM-DD` (optionally followed by a time) naming a day and time that exist. */
export function isCalendarDate(value: string): boolean {
  const [, y, m, d, hh = '0', mm = '0', ss = '0'] = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/i.exec(value) ?? [];
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return (
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d) &&
    Number(hh) < 24 &&
    Number(mm) < 60 &&
    Number(ss) < 60
  );
}

/**
 * A plain day, `YYYY-MM-DD`, between 1900 and 2099, that exists: the range the API's date fields take.
 * @example isDay('2023-02-30') // false
 */
export function isDay(value: string): boolean {
  return /^(19|20)\d{2}-\d{2}-\d{2}$/.test(value) && isCalendarDate(value);
}
