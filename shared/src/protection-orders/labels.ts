/**
 * Codes of a personal safety protection order application (人身安全保护令, 反家庭暴力法 arts. 23–32,
 * 法释〔2022〕17号), each with the zh-CN label a user reads.
 */

function labelled<const T extends Record<string, string>>(labels: T) {
  const codes = Object.keys(labels) as Array<keyof T & string>;
  return { labels, codes: codes as [keyof T & string, ...Array<keyof T & string>] };
}

export const PoStatus = labelled({
  draft: '填写中',
  submitted: '已提交，等待中心审核',
  under_review: '中心审核中',
  needs_info: '需要补充信息',
  filed: '已向法院提交申请',
  granted: '法院已作出保护令',
  rejected: '法院驳回申请',
  delivered: '保护令已送达公安机关和居（村）委会',
  withdrawn: '已撤回',
});
export type PoStatus = keyof typeof PoStatus.labels;

/** Who files: she herself, or someone on her behalf (art. 23 para. 2; 法释〔2022〕17号 art. 2). */
export const PoFiler = labelled({
  self: '本人申请',
  close_relative: '近亲属代为申请',
  womens_federation: '妇女联合会代为申请',
  residents_committee: '居民委员会代为申请',
  villagers_committee: '村民委员会代为申请',
  rescue_agency: '救助管理机构代为申请',
});
export type PoFiler = keyof typeof PoFiler.labels;

export const PoGender = labelled({ female: '女', male: '男' });
export type PoGender = keyof typeof PoGender.labels;

export const PoRelationship = labelled({
  spouse: '配偶',
  ex_spouse: '前配偶',
  cohabitant: '同居关系',
  ex_cohabitant: '曾经同居',
  parent: '父母',
  child: '子女',
  other_family: '其他家庭成员',
  other: '其他',
});
export type PoRelationship = keyof typeof PoRelationship.labels;

export const PoIncidentType = labelled({
  physical: '殴打等身体伤害',
  threats: '威胁、恐吓',
  stalking: '跟踪',
  harassment: '骚扰',
  starvation: '冻饿',
  insults: '侮辱、谩骂',
  other: '其他',
});
export type PoIncidentType = keyof typeof PoIncidentType.labels;

export const PoEvidenceKind = labelled({
  police_receipt: '报警回执或告诫书',
  medical_records: '病历、伤情照片',
  chat_records: '聊天记录',
  witnesses: '证人证言',
  federation_records: '妇联求助记录',
});
export type PoEvidenceKind = keyof typeof PoEvidenceKind.labels;

/** The measures of art. 29, labelled for her; `PoMeasureWording` is how the petition words them. */
export const PoMeasure = labelled({
  no_violence: '禁止对方实施家庭暴力',
  no_harassment_contact: '禁止对方骚扰、跟踪、接触我和我的近亲属',
  move_out: '责令对方搬出我的住所',
  other: '其他保护措施',
});
export type PoMeasure = keyof typeof PoMeasure.labels;

export const PoMeasureWording: Record<PoMeasure, string> = {
  no_violence: '禁止被申请人对申请人实施家庭暴力',
  no_harassment_contact: '禁止被申请人骚扰、跟踪、接触申请人及其相关近亲属',
  move_out: '责令被申请人迁出申请人住所',
  other: '保护申请人人身安全的其他措施',
};

/** Why this court: 申请人或者被申请人居住地、家庭暴力发生地的基层人民法院 (反家庭暴力法 art. 25). */
export const PoCourtBasis = labelled({
  applicant_residence: '申请人居住地',
  respondent_residence: '被申请人居住地',
  incident_place: '家庭暴力发生地',
});
export type PoCourtBasis = keyof typeof PoCourtBasis.labels;

/** The basic people's courts of Zhanjiang and the district each serves. */
export const ZhanjiangCourts = [
  { name: '赤坎区人民法院', district: '赤坎区' },
  { name: '霞山区人民法院', district: '霞山区' },
  { name: '麻章区人民法院', district: '麻章区' },
  { name: '坡头区人民法院', district: '坡头区' },
  { name: '湛江经济技术开发区人民法院', district: '湛江经开区' },
  { name: '吴川市人民法院', district: '吴川市' },
  { name: '廉江市人民法院', district: '廉江市' },
  { name: '雷州市人民法院', district: '雷州市' },
  { name: '遂溪县人民法院', district: '遂溪县' },
  { name: '徐闻县人民法院', district: '徐闻县' },
] as const;
export type ZhanjiangCourt = (typeof ZhanjiangCourts)[number]['name'];
export const ZhanjiangCourtNames = ZhanjiangCourts.map((c) => c.name) as [ZhanjiangCourt, ...ZhanjiangCourt[]];

/** The question groups of the interview; staff can reopen some of them when they ask her for more. */
export const PoSection = labelled({
  filer: '由谁申请',
  applicant: '申请人（受害人）信息',
  respondent: '对方（被申请人）信息',
  relationship: '与对方的关系',
  incidents: '发生了什么',
  children: '涉及的子女',
  evidence: '证据',
  measures: '希望法院采取的措施',
  urgency: '紧急程度',
  court: '向哪个法院申请',
});
export type PoSection = keyof typeof PoSection.labels;

/** Upload limits: per file and per application, and the kinds of file accepted (decided by content). */
export const PoEvidenceLimits = {
  fileBytes: 10 * 1024 * 1024,
  applicationBytes: 50 * 1024 * 1024,
  mimeTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'],
} as const;
