import { Button, Text, View } from '@tarojs/components';
import { MediationPartyRole, MediatorKind, PartyGender, StaffRole, type StaffMember } from '@zjh/shared';
import { errorFor, type FieldErrors } from '../../../services/field-errors';
import { FieldError, LineInput } from '../../components/form-fields';
import { SelectField } from '../../components/select-field';
import type { MediatorDraft, PartyDraft } from './case-form';

const ROLE_OPTIONS = Object.entries(MediationPartyRole).map(([value, label]) => ({ value, label }));
const GENDER_OPTIONS = [{ value: '', label: '不填' }, ...Object.entries(PartyGender).map(([value, label]) => ({ value, label }))];
const KIND_OPTIONS = Object.entries(MediatorKind).map(([value, label]) => ({ value, label }));

interface PartiesProps {
  parties: PartyDraft[];
  errors: FieldErrors;
  onChange: (parties: PartyDraft[]) => void;
  onAdd: () => void;
}

/** The parties: applicant, respondent and others (with their role: 子女、父母、委托代理人 …). */
export function PartiesEditor({ parties, errors, onChange, onAdd }: PartiesProps) {
  const patch = (i: number, p: Partial<PartyDraft>) => onChange(parties.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const remove = (i: number) => onChange(parties.filter((_, j) => j !== i));
  return (
    <View className='md-parties'>
      {parties.map((p, i) => (
        <View key={p.key} className='md-party' id={`party-${i}`}>
          <View className='md-grid'>
            <View className='md-cell md-cell--small'>
              <SelectField id={`party-${i}-role`} label='身份' value={p.role} options={ROLE_OPTIONS} onChange={(v) => patch(i, { role: v as PartyDraft['role'] })} />
            </View>
            {p.role === 'other' ? (
              <View className='md-cell md-cell--small'>
                <LineInput id={`party-${i}-role-note`} label='与案件的关系' value={p.roleNote} onChange={(v) => patch(i, { roleNote: v })} placeholder='如 子女、父母' maxlength={20} error={errorFor(errors, `parties.${i}.roleNote`)} />
              </View>
            ) : null}
            <View className='md-cell'>
              <LineInput id={`party-${i}-name`} label='姓名' value={p.name} onChange={(v) => patch(i, { name: v })} maxlength={40} error={errorFor(errors, `parties.${i}.name`)} />
            </View>
            <View className='md-cell md-cell--small'>
              <SelectField id={`party-${i}-gender`} label='性别' value={p.gender} options={GENDER_OPTIONS} onChange={(v) => patch(i, { gender: v as PartyDraft['gender'] })} />
            </View>
            <View className='md-cell'>
              <LineInput id={`party-${i}-phone`} label='电话' value={p.phone} onChange={(v) => patch(i, { phone: v })} maxlength={20} error={errorFor(errors, `parties.${i}.phone`)} />
            </View>
            <View className='md-cell md-cell--wide'>
              <LineInput id={`party-${i}-address`} label='住址' value={p.address} onChange={(v) => patch(i, { address: v })} maxlength={200} error={errorFor(errors, `parties.${i}.address`)} />
            </View>
          </View>
          <FieldError message={errorFor(errors, `parties.${i}.role`, `parties.${i}.gender`)} />
          {parties.length > 2 ? (
            <Text className='md-link md-party__remove' onClick={() => remove(i)}>
              删除这名当事人
            </Text>
          ) : null}
        </View>
      ))}
      <Button id='md-add-party' className='staff-btn md-btn md-btn--quiet' onClick={onAdd}>
        添加其他当事人
      </Button>
    </View>
  );
}

interface MediatorsProps {
  mediators: MediatorDraft[];
  errors: FieldErrors;
  onChange: (mediators: MediatorDraft[]) => void;
  onAdd: () => void;
  /** Adds the signed-in staff member (by account, so the case shows up for them). */
  onAddMe?: () => void;
  /** The signed-in staff member's account id (their own row shows 我本人, not the raw id). */
  meId?: string;
  /** Colleagues of the case's center: a mediator can be linked to one of their accounts. */
  colleagues?: StaffMember[];
}

/** Who mediates: lawyers, psychologists, social workers, volunteers, judges. A staff account sees the case. */
export function MediatorsEditor({ mediators, errors, onChange, onAdd, onAddMe, meId, colleagues = [] }: MediatorsProps) {
  const patch = (i: number, p: Partial<MediatorDraft>) => onChange(mediators.map((x, j) => (j === i ? { ...x, ...p } : x)));
  return (
    <View className='md-mediators'>
      {mediators.length === 0 ? <Text className='md-hint'>还没有调解员，可以稍后再指派。</Text> : null}
      {mediators.map((m, i) => (
        <View key={m.key} className='md-party' id={`mediator-${i}`}>
          <View className='md-grid'>
            <View className='md-cell'>
              <LineInput id={`mediator-${i}-name`} label='姓名' value={m.name} onChange={(v) => patch(i, { name: v })} maxlength={40} error={errorFor(errors, `mediators.${i}.name`)} />
            </View>
            <View className='md-cell'>
              <SelectField id={`mediator-${i}-kind`} label='类型' value={m.kind} options={KIND_OPTIONS} onChange={(v) => patch(i, { kind: v as MediatorDraft['kind'] })} placeholder='选择类型' />
              <FieldError message={errorFor(errors, `mediators.${i}.kind`)} />
            </View>
            {meId && m.staffId === meId ? (
              <View className='md-cell ff-field'>
                <Text className='ff-label'>系统账号</Text>
                <Text className='md-static'>我本人（可查看并办理此案）</Text>
              </View>
            ) : colleagues.length > 0 ? (
              <View className='md-cell'>
                <SelectField
                  id={`mediator-${i}-staff`}
                  label='系统账号（可不选）'
                  value={m.staffId}
                  options={[{ value: '', label: '不关联账号' }, ...colleagues.filter((c) => c.role !== 'admin').map((c) => ({ value: c.id, label: `${c.displayName}（${StaffRole.labels[c.role]}）` }))]}
                  onChange={(v) => patch(i, { staffId: v, ...(v && !m.name ? { name: colleagues.find((c) => c.id === v)?.displayName ?? '' } : {}) })}
                />
                <FieldError message={errorFor(errors, `mediators.${i}.staffId`)} />
              </View>
            ) : (
              <View className='md-cell'>
                <LineInput
                  id={`mediator-${i}-staff`}
                  label='系统账号 ID（可不填）'
                  value={m.staffId}
                  onChange={(v) => patch(i, { staffId: v })}
                  placeholder='填写后该账号可查看并办理此案'
                  maxlength={40}
                  error={errorFor(errors, `mediators.${i}.staffId`)}
                />
              </View>
            )}
          </View>
          <Text className='md-link md-party__remove' onClick={() => onChange(mediators.filter((_, j) => j !== i))}>
            删除这名调解员
          </Text>
        </View>
      ))}
      <View className='md-buttons'>
        <Button id='md-add-mediator' className='staff-btn md-btn md-btn--quiet' onClick={onAdd}>
          添加调解员
        </Button>
        {onAddMe ? (
          <Button id='md-add-me' className='staff-btn md-btn md-btn--quiet' onClick={onAddMe}>
            把我加为调解员
          </Button>
        ) : null}
      </View>
    </View>
  );
}
