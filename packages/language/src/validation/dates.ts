/** `YYYY-MM-DD`, zero-padded, and a real calendar date. */
export function isCalendarDate(text: string): boolean {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1) return false;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return day <= daysInMonth;
}

/** Today as `YYYY-MM-DD` (UTC): the reference date of a model without `asOf`. */
export function today(): string {
    return new Date().toISOString().slice(0, 10);
}
