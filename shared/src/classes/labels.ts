/** Labels of the classes domain, free of zod so client bundles that only need labels stay small. */

/** Course categories of 家长学堂 and the 普法 classes (also used by articles). */
export const ClassCategory = {
  family_education: '家庭教育',
  mental_health: '心理健康',
  law: '普法',
} as const;
export type ClassCategory = keyof typeof ClassCategory;

/** Status of her place in a session. */
export const EnrolmentStatus = {
  enrolled: '已报名',
  waitlisted: '候补中',
  attended: '已签到',
  cancelled: '已取消',
} as const;
export type EnrolmentStatus = keyof typeof EnrolmentStatus;
