import type { SafeContact, SafeWindow } from '@zjh/shared';
import { weekdayName } from './shanghai-time';

/*
 * Safe-contact preferences: how she may be contacted, and how not. The form offers a few preset
 * windows (Asia/Shanghai) plus a free-text note; the back office reads them back in plain words.
 */

const WEEKDAYS = [1, 2, 3, 4, 5];
const WEEKEND = [6, 7];

export const SAFE_TIME_PRESETS: ReadonlyArray<{ key: string; label: string; window: SafeWindow }> = [
  { key: 'weekday-morning', label: '工作日上午', window: { from: '09:00', to: '12:00', days: WEEKDAYS } },
  { key: 'weekday-afternoon', label: '工作日下午', window: { from: '14:00', to: '18:00', days: WEEKDAYS } },
  { key: 'weekday-evening', label: '工作日晚上', window: { from: '19:00', to: '21:00', days: WEEKDAYS } },
  { key: 'weekend-day', label: '周末白天', window: { from: '09:00', to: '18:00', days: WEEKEND } },
];

/** What the contact part of a form holds while she fills it in (memory only). */
export interface ContactDraft {
  name: string;
  phone: string;
  safeToCall: boolean;
  presets: string[];
  otherTimes: string;
  allowMessage: boolean;
  maySayFederation: boolean;
  note: string;
}

/** Careful defaults: calls yes (she left a number to be called), messages and naming the 妇联 no. */
export function emptyContactDraft(): ContactDraft {
  return { name: '', phone: '', safeToCall: true, presets: [], otherTimes: '', allowMessage: false, maySayFederation: false, note: '' };
}

export const OTHER_TIMES_MAX = 60;
export const CONTACT_NOTE_MAX = 120;

/**
 * The API's SafeContact. `safeTimes` is either windows or one free-text string: with both, the
 * windows stay structured (so the back office can warn outside them) and the text goes into the note.
 */
export function toSafeContact(d: ContactDraft): SafeContact {
  const windows = SAFE_TIME_PRESETS.filter((p) => d.presets.includes(p.key)).map((p) => p.window);
  const other = d.otherTimes.trim();
  const notes = [windows.length && other ? `时间说明：${other}` : '', d.note.trim()].filter(Boolean);
  const contact: SafeContact = {
    phone: d.phone.trim(),
    safeToCall: d.safeToCall,
    allowMessage: d.allowMessage,
    maySayFederation: d.maySayFederation,
  };
  if (d.name.trim()) contact.name = d.name.trim();
  if (windows.length) contact.safeTimes = windows;
  else if (other) contact.safeTimes = other;
  if (notes.length) contact.note = notes.join('；');
  return contact;
}

function describeDays(days: number[] | undefined): string {
  if (!days || days.length === 0 || days.length === 7) return '每天';
  const sorted = [...days].sort((a, b) => a - b);
  if (sorted.join() === WEEKDAYS.join()) return '工作日';
  if (sorted.join() === WEEKEND.join()) return '周末';
  return sorted.map(weekdayName).join('、');
}

/** 工作日 09:00–12:00 */
export function describeWindow(w: SafeWindow): string {
  return `${describeDays(w.days)} ${w.from}–${w.to}`;
}

/** Her safe times in plain words, or 未说明. */
export function describeSafeTimes(safeTimes: SafeContact['safeTimes']): string {
  if (!safeTimes || (Array.isArray(safeTimes) && safeTimes.length === 0)) return '未说明（任何时间）';
  if (typeof safeTimes === 'string') return safeTimes;
  return safeTimes.map(describeWindow).join('、');
}
