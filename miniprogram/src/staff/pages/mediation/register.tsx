import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { CommitteeLevel, DisputeType, RequestCategory, type Center, type StaffMember, type StaffRequestDetail } from '@zjh/shared';
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage, toast } from '../../../services/api';
import { listCenters } from '../../../services/centers';
import { errorFor, fieldErrorsOf, type FieldErrors } from '../../../services/field-errors';
import { newIdempotencyKey } from '../../../services/idempotency';
import { AreaInput, FieldError, LineInput } from '../../components/form-fields';
import { SelectField } from '../../components/select-field';
import { StaffLayout } from '../../components/staff-layout';
import { createCase, MEDIATION_DETAIL_PATH } from '../../services/staff-mediation';
import { colleagues, getRequest } from '../../services/staff-requests';
import { useStaff } from '../../services/use-staff';
import { casePayload, checkCaseDraft, emptyCaseDraft, newMediator, newParty, type CaseDraft } from './case-form';
import { MediatorsEditor, PartiesEditor } from './parties-editor';
import '../staff.scss';
import './mediation.scss';

const LEVEL_OPTIONS = Object.entries(CommitteeLevel).map(([value, label]) => ({ value, label }));
const DISPUTE_OPTIONS = Object.entries(DisputeType).map(([value, label]) => ({ value, label }));

/** 登记调解案件: a case registered directly, or opened from a help request (?fromRequestId=). */
export default function RegisterMediationPage() {
  const { params } = useRouter();
  const fromRequestId = typeof params.fromRequestId === 'string' ? params.fromRequestId : '';
  const { staff } = useStaff();
  const [draft, setDraft] = useState<CaseDraft>(() => emptyCaseDraft(fromRequestId));
  const [request, setRequest] = useState<StaffRequestDetail | null>(null);
  const [centers, setCenters] = useState<Center[]>([]);
  const [team, setTeam] = useState<StaffMember[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey('med'));
  const isAdmin = staff?.role === 'admin';

  const set = (patch: Partial<CaseDraft>) => setDraft((d) => ({ ...d, ...patch }));

  useEffect(() => {
    if (!isAdmin || fromRequestId) return;
    listCenters()
      .then((c) => setCenters(c.items))
      .catch(() => undefined);
  }, [isAdmin, fromRequestId]);

  // Mediators can be linked to accounts of the case's center, so the case shows up for them.
  const teamCenter = (isAdmin ? draft.centerId || request?.center.id : staff?.centerId) ?? '';
  useEffect(() => {
    if (!teamCenter) return;
    colleagues(teamCenter).then(setTeam, () => setTeam([]));
  }, [teamCenter]);

  // Opened from a request: show which one, and start the applicant from the contact she left (if any).
  useEffect(() => {
    if (!staff || !fromRequestId) return;
    getRequest(fromRequestId)
      .then((r) => {
        setRequest(r);
        if (r.contact) {
          setDraft((d) => {
            const [first, ...rest] = d.parties;
            if (first.role !== 'applicant' || first.name || first.phone) return d;
            // Only the phone: the name she gave may be a 称呼, and the agreement needs the real one.
            return { ...d, parties: [{ ...first, phone: r.contact?.phone ?? '' }, ...rest] };
          });
        }
      })
      .catch((e: unknown) => setFormError(errorMessage(e)));
  }, [staff, fromRequestId]);

  const err = (...paths: string[]) => errorFor(errors, ...paths);

  const submit = async () => {
    if (busy) return;
    const local = checkCaseDraft(draft, { isAdmin });
    if (Object.keys(local).length) {
      setErrors(local);
      setFormError('请检查标注的内容');
      return;
    }
    setBusy(true);
    setErrors({});
    setFormError('');
    try {
      const created = await createCase(casePayload(draft), key.current);
      key.current = newIdempotencyKey('med');
      toast(`已登记 ${created.ref}`);
      Promise.resolve(Taro.redirectTo({ url: `${MEDIATION_DETAIL_PATH}?id=${encodeURIComponent(created.id)}` })).catch(() => undefined);
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setErrors(fields);
      if (e instanceof ApiError && e.code === 'IDEMPOTENCY_KEY_REUSED') setFormError('刚才的登记可能已经成功，请先在调解案件中查看。');
      else setFormError(Object.keys(fields).length ? '请检查标注的内容' : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <StaffLayout title='登记调解案件' nav='mediation' wide>
      <View className='staff-card md-form'>
        {fromRequestId ? (
          <View className='md-note' id='md-from-request'>
            <Text>
              {request
                ? `由求助 ${request.ref}（${RequestCategory.labels[request.category]}）转入，案件属于 ${request.center.name}。${
                    request.contact ? `她留下的电话已填入申请人${request.contact.name ? `；她的称呼是“${request.contact.name}”，请填写真实姓名` : ''}。` : ''
                  }`
                : '由求助转入，案件属于该求助所在的中心。'}
            </Text>
          </View>
        ) : null}

        <Text className='md-form__title'>纠纷与调解组织</Text>
        <View className='md-grid'>
          <View className='md-cell'>
            <SelectField
              id='md-dispute'
              label='纠纷类型'
              value={draft.disputeType}
              options={fromRequestId ? [{ value: '', label: '按求助类别推定' }, ...DISPUTE_OPTIONS] : DISPUTE_OPTIONS}
              onChange={(v) => set({ disputeType: v as CaseDraft['disputeType'] })}
              placeholder='选择纠纷类型'
            />
            <FieldError message={err('disputeType')} />
          </View>
          <View className='md-cell'>
            <SelectField id='md-level' label='调解组织' value={draft.committeeLevel} options={LEVEL_OPTIONS} onChange={(v) => set({ committeeLevel: v as CaseDraft['committeeLevel'] })} placeholder='选择调解组织' />
            <FieldError message={err('committeeLevel')} />
          </View>
          <View className='md-cell'>
            <LineInput id='md-committee-name' label='调解组织名称（可不填）' value={draft.committeeName} onChange={(v) => set({ committeeName: v })} placeholder='印在调解协议书上，如 遂溪县婚姻家庭纠纷人民调解委员会' maxlength={60} error={err('committeeName')} />
          </View>
          {isAdmin && !fromRequestId ? (
            <View className='md-cell'>
              <SelectField id='md-center' label='登记到中心' value={draft.centerId} options={centers.map((c) => ({ value: c.id, label: c.name }))} onChange={(v) => set({ centerId: v })} placeholder='选择中心' />
              <FieldError message={err('centerId')} />
            </View>
          ) : null}
        </View>

        <Text className='md-form__title'>当事人</Text>
        <Text className='md-hint'>至少一名申请人和一名被申请人。姓名、电话、住址加密保存，只在案件详情中显示。</Text>
        <PartiesEditor
          parties={draft.parties}
          errors={errors}
          onChange={(parties) => set({ parties })}
          onAdd={() => set({ parties: [...draft.parties, newParty('other')] })}
        />
        <FieldError message={errors.parties} />

        <Text className='md-form__title'>调解员</Text>
        <MediatorsEditor
          mediators={draft.mediators}
          errors={errors}
          onChange={(mediators) => set({ mediators })}
          onAdd={() => set({ mediators: [...draft.mediators, newMediator()] })}
          meId={staff?.id}
          colleagues={team}
          onAddMe={staff && !draft.mediators.some((m) => m.staffId === staff.id) ? () => set({ mediators: [...draft.mediators, newMediator({ name: staff.displayName, staffId: staff.id })] }) : undefined}
        />

        <Text className='md-form__title'>纠纷主要事实、争议事项</Text>
        <AreaInput id='md-summary' label='' value={draft.summary} onChange={(v) => set({ summary: v })} placeholder='双方的主要争议和各自的请求' error={err('summary')} />

        {formError ? <Text className='staff-error' id='md-form-error'>{formError}</Text> : null}
        <Button id='md-submit' className='staff-btn md-btn md-btn--primary md-submit' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void submit()}>
          登记
        </Button>
      </View>
    </StaffLayout>
  );
}
