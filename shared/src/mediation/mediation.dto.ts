import { z } from 'zod';
import { listOf } from '../common';
import { RequestCategory } from '../enums';
import { ZMediationConsent } from './case.schema';
import {
  ZCommitteeLevel,
  ZDisputeType,
  ZPartyGender,
  ZJudicialConfirmationResult,
  ZMediationStatus,
  ZMediatorKind,
  ZMediationPartyRole,
  ZMediationSessionForm,
} from './mediation.enums';

export const ZMediationParty = z
  .object({
    id: z.string(),
    role: ZMediationPartyRole,
    roleNote: z.string().nullable(),
    name: z.string(),
    gender: ZPartyGender.nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    consent: ZMediationConsent.nullable(),
  })
  .meta({ id: 'MediationParty' });
export type MediationParty = z.infer<typeof ZMediationParty>;

export const ZMediator = z
  .object({ id: z.string(), staffId: z.string().nullable(), name: z.string(), kind: ZMediatorKind })
  .meta({ id: 'Mediator' });
export type MediatorDto = z.infer<typeof ZMediator>;

/** A row of the board: no party names, phones or narrative. */
export const ZMediationCaseSummary = z
  .object({
    id: z.string(),
    ref: z.string(),
    status: ZMediationStatus,
    disputeType: ZDisputeType,
    committeeLevel: ZCommitteeLevel,
    center: z.object({ id: z.string(), name: z.string() }),
    mediators: z.array(ZMediator),
    partiesCount: z.number(),
    consentComplete: z.boolean().describe('申请人和被申请人都已同意调解'),
    sessionsCount: z.number(),
    lastSessionAt: z.string().nullable(),
    fromRequest: z.object({ id: z.string(), ref: z.string() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    outcomeAt: z.string().nullable(),
  })
  .meta({ id: 'MediationCaseSummary' });
export type MediationCaseSummary = z.infer<typeof ZMediationCaseSummary>;

export const ZMediationAgreement = z
  .object({ clauses: z.array(z.string()), performance: z.string(), copies: z.number(), signedOn: z.string() })
  .meta({ id: 'MediationAgreement' });
export type MediationAgreement = z.infer<typeof ZMediationAgreement>;

export const ZJudicialConfirmation = z
  .object({ appliedOn: z.string(), court: z.string(), result: ZJudicialConfirmationResult, decidedOn: z.string().nullable(), note: z.string().nullable() })
  .meta({ id: 'JudicialConfirmation' });
export type JudicialConfirmation = z.infer<typeof ZJudicialConfirmation>;

export const ZMediationCaseDetail = ZMediationCaseSummary.extend({
  committeeName: z.string().nullable(),
  sourceCategory: z.enum(RequestCategory.codes).nullable(),
  parties: z.array(ZMediationParty),
  summary: z.string(),
  agreement: ZMediationAgreement.nullable(),
  court: z.object({ name: z.string(), caseNumber: z.string() }).nullable(),
  judicialConfirmation: ZJudicialConfirmation.nullable(),
  nextStatuses: z.array(ZMediationStatus),
  registeredBy: z.object({ id: z.string(), name: z.string() }).nullable(),
}).meta({ id: 'MediationCaseDetail' });
export type MediationCaseDetail = z.infer<typeof ZMediationCaseDetail>;

export const ZMediationSession = z
  .object({
    id: z.string(),
    at: z.string(),
    form: ZMediationSessionForm,
    attendedParties: z.array(z.object({ id: z.string(), role: ZMediationPartyRole, name: z.string() })),
    attendedMediators: z.array(z.object({ id: z.string(), name: z.string(), kind: ZMediatorKind })),
    otherAttendees: z.string().nullable(),
    location: z.string().nullable(),
    notes: z.string().nullable(),
    recordedBy: z.object({ id: z.string(), name: z.string() }),
    createdAt: z.string(),
  })
  .meta({ id: 'MediationSession' });
export type MediationSessionDto = z.infer<typeof ZMediationSession>;

export const ZMediationBoard = listOf(ZMediationCaseSummary)
  .extend({
    counts: z.object({ total: z.number(), byStatus: z.record(ZMediationStatus, z.number()) }),
  })
  .meta({ id: 'MediationBoard' });
export type MediationBoard = z.infer<typeof ZMediationBoard>;

export const ZCreatedMediationCase = z
  .object({ id: z.string(), ref: z.string(), status: z.literal('registered'), center: z.object({ id: z.string(), name: z.string() }) })
  .meta({ id: 'CreatedMediationCase' });
export type CreatedMediationCase = z.infer<typeof ZCreatedMediationCase>;

/**
 * The mediation figures of a period, as the yearly report counts them: cases registered in the
 * period (total, at county level or above, by dispute type); agreements and transfers to court by
 * the date the outcome was recorded.
 */
export const ZMediationCounts = z
  .object({
    total: z.number(),
    countyLevel: z.number(),
    agreements: z.number(),
    toCourt: z.number(),
    byDisputeType: z.record(ZDisputeType, z.number()),
  })
  .meta({ id: 'MediationCounts' });
export type MediationCounts = z.infer<typeof ZMediationCounts>;
