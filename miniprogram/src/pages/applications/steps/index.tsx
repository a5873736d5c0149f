import type { StepKey } from '../interview';
import { ChildrenStep, IncidentsStep } from './events';
import { EvidenceStep, type EvidenceFilesProps } from './evidence';
import { AddressStep, ApplicantStep, FilerStep, RelationshipStep, RespondentStep } from './people';
import { CourtStep, MeasuresStep, UrgencyStep } from './requests';
import type { StepProps } from './step-props';

export type { StepProps } from './step-props';

/** The question group of one step (not the review page). */
export function StepFields({ step, evidence, ...props }: StepProps & { step: Exclude<StepKey, 'review'>; evidence: EvidenceFilesProps }) {
  switch (step) {
    case 'filer':
      return <FilerStep {...props} />;
    case 'applicant':
      return <ApplicantStep {...props} />;
    case 'respondent':
      return <RespondentStep {...props} />;
    case 'relationship':
      return <RelationshipStep {...props} />;
    case 'incidents':
      return <IncidentsStep {...props} />;
    case 'children':
      return <ChildrenStep {...props} />;
    case 'evidence':
      return <EvidenceStep {...props} {...evidence} />;
    case 'measures':
      return <MeasuresStep {...props} />;
    case 'urgency':
      return <UrgencyStep {...props} />;
    case 'court':
      return <CourtStep {...props} />;
    case 'address':
      return <AddressStep {...props} />;
    default:
      return null;
  }
}
