import type { PoStatus, StaffPoSummary } from '@zjh/shared';
import { countdownText, daysUntil } from '../../../services/countdown';
import { todayShanghai } from '../../../services/shanghai-time';

/** The board's columns, in the order an application moves; short headings for a busy desk. */
export const BOARD_COLUMNS: Array<{ status: PoStatus; title: string }> = [
  { status: 'submitted', title: '已提交' },
  { status: 'under_review', title: '审核中' },
  { status: 'needs_info', title: '需补充' },
  { status: 'filed', title: '已立案' },
  { status: 'granted', title: '已签发' },
  { status: 'rejected', title: '已驳回' },
  { status: 'delivered', title: '已送达' },
  { status: 'withdrawn', title: '已撤回' },
];

/** The board's items grouped by status, in column order (the server's order kept within a column). */
export function groupByStatus(items: StaffPoSummary[]): Array<{ status: PoStatus; title: string; items: StaffPoSummary[] }> {
  return BOARD_COLUMNS.map((c) => ({ ...c, items: items.filter((i) => i.status === c.status) }));
}

/** The court's decision clock of a filed application: when it is due and how long is left (or overdue). */
export function decisionClock(item: Pick<StaffPoSummary, 'status' | 'decisionDueAt' | 'overdue'>, now: Date): { text: string; overdue: boolean } | null {
  if (item.status !== 'filed' || !item.decisionDueAt) return null;
  const c = countdownText(item.decisionDueAt, now);
  return { text: c.text, overdue: item.overdue || c.overdue };
}

/** The validity line of an order in force: 有效期至 …, with days left when it ends soon. */
export function validityText(item: Pick<StaffPoSummary, 'validTo' | 'expiringSoon' | 'expired'>, now: Date): string | null {
  if (!item.validTo) return null;
  if (item.expired) return `已于 ${item.validTo} 到期`;
  const days = daysUntil(item.validTo, todayShanghai(now));
  return item.expiringSoon ? `有效期至 ${item.validTo}（还剩 ${days + 1} 天）` : `有效期至 ${item.validTo}`;
}
