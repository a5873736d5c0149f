const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function span(ms: number): string {
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return `${days} 天 ${hours} 小时`;
  if (hours > 0) return `${hours} 小时 ${minutes} 分`;
  return `${Math.max(minutes, 1)} 分钟`;
}

/** 还剩 5 小时 20 分 / 已超时 3 小时 2 分, until a deadline. */
export function countdownText(dueIso: string, now: Date = new Date()): { text: string; overdue: boolean } {
  const left = Date.parse(dueIso) - now.getTime();
  return left >= 0 ? { text: `还剩 ${span(left)}`, overdue: false } : { text: `已超时 ${span(-left)}`, overdue: true };
}

/** Whole days from today to a calendar date (YYYY-MM-DD), both in Asia/Shanghai. */
export function daysUntil(date: string, today: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY);
}
