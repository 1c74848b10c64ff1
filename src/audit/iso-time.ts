/**
 * `new Date(ms).toISOString()`, cheaper when called for many times within the same second: the
 * text up to the seconds is kept and only the milliseconds are written. One call at a time, the
 * gateway stamps nearly every record in a millisecond of its own, and formatting a Date cost
 * about as much as serialising a small record.
 */
export const createIsoTime = (): ((ms: number) => string) => {
  let second = Number.NaN;
  // `YYYY-MM-DDTHH:MM:SS.` of `second`.
  let head = '';
  // The last millisecond stamped and its text: records made in the same millisecond (a dozen
  // or more with 16 calls in flight) share one string instead of each making its own.
  let lastMs = Number.NaN;
  let last = '';
  return (ms) => {
    if (ms === lastMs) return last;
    // Whole milliseconds of the usual era only; anything else is formatted by Date itself.
    if (!Number.isSafeInteger(ms) || ms < 0) return new Date(ms).toISOString();
    const within = ms % 1000;
    const at = ms - within;
    if (at !== second) {
      const text = new Date(at).toISOString();
      // Years after 9999 are written with six digits and a sign: still `….000Z` at the end.
      head = text.slice(0, -4);
      second = at;
    }
    last = `${head}${within < 10 ? '00' : within < 100 ? '0' : ''}${String(within)}Z`;
    lastMs = ms;
    return last;
  };
};
