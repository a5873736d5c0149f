/** Outcomes of a referral to another agency, with zh-CN labels (zod-free for small client bundles). */
export const ReferralOutcome = {
  pending: '待反馈',
  accepted: '对方已受理',
  declined: '对方未受理',
  completed: '已办结',
  no_response: '无回复',
} as const;
export type ReferralOutcome = keyof typeof ReferralOutcome;
