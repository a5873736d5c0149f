import { z } from 'zod';

/*
 * Fixed codes of a mediation case (婚调委调解), each with the zh-CN label a user reads. The codes
 * are the API's; the labels also appear in the 调解协议书.
 */

function codes<T extends Record<string, string>>(labels: T) {
  return Object.keys(labels) as [keyof T & string, ...Array<keyof T & string>];
}

export const MediationStatus = {
  registered: '已登记',
  in_mediation: '调解中',
  agreement_reached: '达成协议',
  not_reached: '未达成协议',
  transferred_to_court: '已转法院诉前联调',
  withdrawn: '已撤回',
} as const;
export type MediationStatus = keyof typeof MediationStatus;
export const ZMediationStatus = z.enum(codes(MediationStatus), { error: '调解状态不正确' });

export const DisputeType = {
  divorce: '离婚',
  custody: '抚养',
  visitation: '探望',
  property: '财产',
  support: '赡养',
  domestic_violence: '家暴',
  other: '其他',
} as const;
export type DisputeType = keyof typeof DisputeType;
export const ZDisputeType = z.enum(codes(DisputeType), { error: '纠纷类型只能是 divorce、custody、visitation、property、support、domestic_violence、other' });

export const CommitteeLevel = {
  county_or_above: '县级以上婚调委',
  community: '社区（村）调解',
  judge_studio: '法官家事调解工作室',
} as const;
export type CommitteeLevel = keyof typeof CommitteeLevel;
export const ZCommitteeLevel = z.enum(codes(CommitteeLevel), { error: '调解组织层级只能是 county_or_above、community、judge_studio' });

/** How the committee is named on the 调解协议书 when the case gives no committee name. */
export const CommitteeTitle: Record<CommitteeLevel, string> = {
  county_or_above: '婚姻家庭纠纷人民调解委员会',
  community: '社区（村）人民调解委员会',
  judge_studio: '法官家事调解工作室',
};

export const MediatorKind = {
  lawyer: '律师',
  psychologist: '心理咨询师',
  social_worker: '社工',
  volunteer: '志愿者',
  judge: '法官',
} as const;
export type MediatorKind = keyof typeof MediatorKind;
export const ZMediatorKind = z.enum(codes(MediatorKind), { error: '调解员类型只能是 lawyer、psychologist、social_worker、volunteer、judge' });

export const MediationSessionForm = {
  face_to_face: '面对面',
  separate: '背对背',
  one_to_one: '一对一',
  many_to_one: '多对一',
} as const;
export type MediationSessionForm = keyof typeof MediationSessionForm;
export const ZMediationSessionForm = z.enum(codes(MediationSessionForm), { error: '调解形式只能是 face_to_face、separate、one_to_one、many_to_one' });

export const MediationPartyRole = {
  applicant: '申请人',
  respondent: '被申请人',
  other: '其他当事人',
} as const;
export type MediationPartyRole = keyof typeof MediationPartyRole;
export const ZMediationPartyRole = z.enum(codes(MediationPartyRole), { error: '当事人身份只能是 applicant、respondent、other' });

export const PartyGender = { female: '女', male: '男' } as const;
export type PartyGender = keyof typeof PartyGender;
export const ZPartyGender = z.enum(codes(PartyGender), { error: '性别只能是 female 或 male' });

/** How a party agreed to mediation (人民调解法 art. 17: no mediation against a party's will). */
export const MediationConsentMethod = {
  written: '书面申请/同意书',
  oral: '口头同意（已记录）',
  phone: '电话确认',
  online: '线上确认',
} as const;
export type MediationConsentMethod = keyof typeof MediationConsentMethod;
export const ZMediationConsentMethod = z.enum(codes(MediationConsentMethod), { error: '同意方式只能是 written、oral、phone、online' });

/** 司法确认 (人民调解法 art. 33): the court's ruling on the agreement. */
export const JudicialConfirmationResult = {
  pending: '法院审查中',
  confirmed: '裁定确认有效',
  rejected: '裁定不予确认',
} as const;
export type JudicialConfirmationResult = keyof typeof JudicialConfirmationResult;
export const ZJudicialConfirmationResult = z.enum(codes(JudicialConfirmationResult), { error: '司法确认结果只能是 pending、confirmed、rejected' });
