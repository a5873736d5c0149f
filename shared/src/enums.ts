/** Fixed codes of the API contract, each with its zh-CN label. Labels are what a user reads. */

function labelled<const T extends Record<string, string>>(labels: T) {
  const codes = Object.keys(labels) as Array<keyof T & string>;
  return { labels, codes: codes as [keyof T & string, ...Array<keyof T & string>] };
}

export const RequestCategory = labelled({
  domestic_violence: '家庭暴力',
  marriage_family: '婚姻家庭纠纷',
  child_rights: '子女抚养/入学等儿童权益',
  protection_order: '人身安全保护令',
  legal: '法律咨询',
  psychological: '心理支持',
  other: '其他',
});
export type RequestCategory = keyof typeof RequestCategory.labels;

export const RequestStatus = labelled({
  new: '待受理',
  accepted: '已受理',
  in_progress: '处理中',
  resolved: '已解决',
  closed: '已结案',
});
export type RequestStatus = keyof typeof RequestStatus.labels;

export const Priority = labelled({
  urgent: '急',
  serious: '重',
  difficult: '难',
});
export type Priority = keyof typeof Priority.labels;

export const Channel = labelled({
  mini_program: '小程序',
  hotline: '12338热线',
  walk_in: '来访',
  referral: '转介',
});
export type Channel = keyof typeof Channel.labels;

export const ConsultationKind = labelled({
  psychological: '心理咨询',
  legal: '法律咨询',
  family_education: '家庭教育指导',
});
export type ConsultationKind = keyof typeof ConsultationKind.labels;

export const ConsultationMode = labelled({
  in_person: '到中心面谈',
  phone: '电话',
  video: '视频',
});
export type ConsultationMode = keyof typeof ConsultationMode.labels;

export const CenterService = labelled({
  psychological: '心理咨询',
  legal: '法律咨询',
  family_education: '家庭教育指导',
  mediation: '婚姻家庭纠纷调解',
  protection_order: '人身安全保护令申请协助',
  classes: '家长学堂',
});
export type CenterService = keyof typeof CenterService.labels;

export const StaffRole = labelled({
  admin: '市妇联管理员',
  center_staff: '中心工作人员',
  counselor: '心理咨询师',
  lawyer: '律师',
  mediator: '调解员',
  educator: '家庭教育指导师',
});
export type StaffRole = keyof typeof StaffRole.labels;

export const ReferralAgency = labelled({
  police: '公安',
  court: '法院',
  procuratorate: '检察院',
  justice: '司法',
  civil_affairs: '民政',
  health: '卫健',
  education: '教育',
});
export type ReferralAgency = keyof typeof ReferralAgency.labels;

/** The districts of Zhanjiang a woman can pick when she does not share her location. */
export const Districts = [
  '赤坎区',
  '霞山区',
  '麻章区',
  '坡头区',
  '湛江经开区',
  '吴川市',
  '廉江市',
  '雷州市',
  '遂溪县',
  '徐闻县',
  '奋勇高新区',
] as const;
export type District = (typeof Districts)[number];

/** Hotlines shown on every home page. */
export const Hotlines = {
  police: { number: '110', label: '报警 110' },
  women: { number: '12338', label: '妇女维权 12338' },
} as const;
