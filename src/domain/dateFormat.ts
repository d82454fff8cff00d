// Dates and times for display and forms, apart from the schemas of dateTime.ts so that screens
// can use them without zod.

export function nowIso(): string {
  return new Date().toISOString();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO instant → value for <input type="datetime-local"> in the PC's local time. */
export function toLocalInputValue(iso: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Value of <input type="datetime-local"> (local time) → ISO instant, or '' when empty/invalid. */
export function fromLocalInputValue(value: string): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** 2026年11月21日(土) 09:05 */
export function formatDateTimeJa(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const weekday = '日月火水木金土'[d.getDay()];
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日(${weekday}) ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 2026/11/21 09:05 — compact, for lists. */
export function formatDateTimeShort(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  return `${d.getFullYear()}/${pad(d.getMonth() + 1)}/${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** 2026年11月21日 */
export function formatDateJa(date: string | null | undefined): string {
  if (!date) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return '—';
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Whether a stored value is an instant as this app writes it (ISO 8601 with an offset): the
 * check of `instantSchema` for the few reads on the first screen, which must not load zod.
 */
export function isInstantText(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}
