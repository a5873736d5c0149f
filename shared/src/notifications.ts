/**
 * Wording of every WeChat subscribe message. Someone else may see her phone: no word about
 * violence, law, courts, police or the Federation, ever. A test checks this list.
 */
export const NotificationTemplates = {
  progress_update: { title: '事项进展提醒', body: '您关注的事项有新进展，请打开小程序查看。' },
  appointment_reminder: { title: '预约提醒', body: '您有一个预约即将开始，请留意时间。' },
  appointment_changed: { title: '预约变更提醒', body: '您的预约有变化，请打开小程序查看。' },
  slot_available: { title: '空位提醒', body: '您关注的时段有空位了，请打开小程序查看。' },
  class_reminder: { title: '课程提醒', body: '您报名的课程即将开始。' },
  waitlist_promoted: { title: '报名结果通知', body: '您候补的课程已有名额，报名成功。' },
  application_update: { title: '事项进展提醒', body: '您提交的材料有新进展，请打开小程序查看。' },
  order_expiry: { title: '到期提醒', body: '您关注的事项即将到期，请打开小程序查看。' },
} as const;
export type NotificationTemplate = keyof typeof NotificationTemplates;

/** Words that must never appear in a notification. */
export const FORBIDDEN_NOTIFICATION_WORDS = ['暴', '家暴', '殴', '打人', '伤', '法', '律师', '法院', '诉', '警', '公安', '保护令', '离婚', '妇联', '维权', '求助', '调解', '纠纷', '心理'];
