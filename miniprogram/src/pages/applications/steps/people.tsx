import { Text, View } from '@tarojs/components';
import { PoFiler, PoGender, PoRelationship } from '@zjh/shared';
import { todayShanghai } from '../../../services/shanghai-time';
import { AreaField, Choices, DateField, TextField, YesNo } from '../fields';
import { errorOf, type StepProps } from './step-props';

const GENDERS = PoGender.codes.map((c) => ({ value: c, label: PoGender.labels[c] }));

const FILER_HINTS: Record<(typeof PoFiler.codes)[number], string> = {
  self: '需要保护的人自己申请',
  close_relative: '申请人受到强制、威吓等无法自己申请时，由父母、子女、兄弟姐妹等近亲属代为申请',
  womens_federation: '由妇女联合会代为申请',
  residents_committee: '由申请人所在的居民委员会代为申请',
  villagers_committee: '由申请人所在的村民委员会代为申请',
  rescue_agency: '由救助管理机构代为申请',
};

export function FilerStep({ answers, update, errors, onBlur }: StepProps) {
  const filer = answers.filer ?? {};
  const agent = filer.agent ?? {};
  const setAgent = (patch: Partial<typeof agent>) => update('filer', { ...filer, agent: { ...agent, ...patch } });
  const relative = filer.by === 'close_relative';
  return (
    <View>
      <Text className='ap-lead'>“申请人”是需要保护的人。一般由她本人申请；她因为受到强制、威吓等原因不能自己申请时，可以由近亲属或有关单位代为申请（反家庭暴力法第二十三条）。</Text>
      <Choices
        id='filer-by'
        label='由谁提出申请？'
        value={filer.by}
        error={errorOf(errors, 'filer.by')}
        options={PoFiler.codes.map((c) => ({ value: c, label: PoFiler.labels[c], hint: FILER_HINTS[c] }))}
        onChange={(by) => update('filer', { ...filer, by: by as typeof filer.by })}
      />
      {filer.by && filer.by !== 'self' ? (
        <View>
          <AreaField
            id='filer-reason'
            label='申请人为什么不能自己申请？'
            hint='例如：被对方控制、受到威吓，或者年纪小、生病'
            value={filer.reason}
            maxlength={500}
            error={errorOf(errors, 'filer.reason')}
            onChange={(reason) => update('filer', { ...filer, reason })}
            onBlur={onBlur}
          />
          <TextField
            id='agent-name'
            label={relative ? '代为申请的近亲属姓名' : '代为申请的单位名称'}
            value={agent.name}
            maxlength={60}
            error={errorOf(errors, 'filer.agent.name')}
            onChange={(name) => setAgent({ name })}
            onBlur={onBlur}
          />
          {relative ? (
            <TextField
              id='agent-relation'
              label='与申请人的关系'
              placeholder='如：母亲、姐姐'
              value={agent.relation}
              maxlength={20}
              error={errorOf(errors, 'filer.agent.relation')}
              onChange={(relation) => setAgent({ relation })}
              onBlur={onBlur}
            />
          ) : (
            <TextField
              id='agent-contact'
              label='经办人'
              optional
              value={agent.contactPerson}
              maxlength={40}
              error={errorOf(errors, 'filer.agent.contactPerson')}
              onChange={(contactPerson) => setAgent({ contactPerson })}
              onBlur={onBlur}
            />
          )}
          <TextField id='agent-phone' label='代为申请人的联系电话' value={agent.phone} maxlength={20} error={errorOf(errors, 'filer.agent.phone')} onChange={(phone) => setAgent({ phone })} onBlur={onBlur} />
          <TextField id='agent-address' label='代为申请人的地址' optional value={agent.address} error={errorOf(errors, 'filer.agent.address')} onChange={(address) => setAgent({ address })} onBlur={onBlur} />
        </View>
      ) : null}
    </View>
  );
}

export function ApplicantStep({ answers, update, errors, onBlur }: StepProps) {
  const p = answers.applicant ?? {};
  const set = (patch: Partial<typeof p>) => update('applicant', { ...p, ...patch });
  return (
    <View>
      <Text className='ap-lead'>申请人是需要保护的人。住址在后面单独询问，可以选择对对方保密。</Text>
      <TextField id='applicant-name' label='姓名' value={p.name} maxlength={40} error={errorOf(errors, 'applicant.name')} onChange={(name) => set({ name })} onBlur={onBlur} />
      <Choices id='applicant-gender' label='性别' compact options={GENDERS} value={p.gender} error={errorOf(errors, 'applicant.gender')} onChange={(g) => set({ gender: g as typeof p.gender })} />
      <DateField id='applicant-birth' label='出生日期' max={todayShanghai()} value={p.birthDate} error={errorOf(errors, 'applicant.birthDate')} onChange={(birthDate) => set({ birthDate })} />
      <TextField
        id='applicant-id'
        label='身份证号'
        optional
        type='idcard'
        hint='填写后法院核对身份更快'
        value={p.idNumber}
        maxlength={18}
        error={errorOf(errors, 'applicant.idNumber')}
        onChange={(idNumber) => set({ idNumber })}
        onBlur={onBlur}
      />
      <TextField
        id='applicant-phone'
        label='联系电话'
        hint='法院和工作人员用它联系申请人。如果对方会查看这个手机，可以留一个安全的号码。'
        value={p.phone}
        maxlength={20}
        error={errorOf(errors, 'applicant.phone')}
        onChange={(phone) => set({ phone })}
        onBlur={onBlur}
      />
    </View>
  );
}

export function RespondentStep({ answers, update, errors, onBlur }: StepProps) {
  const r = answers.respondent ?? {};
  const set = (patch: Partial<typeof r>) => update('respondent', { ...r, ...patch });
  return (
    <View>
      <Text className='ap-lead'>“被申请人”是伤害申请人的人。知道多少写多少。</Text>
      <TextField id='respondent-name' label='对方的姓名' value={r.name} maxlength={40} error={errorOf(errors, 'respondent.name')} onChange={(name) => set({ name })} onBlur={onBlur} />
      <Choices id='respondent-gender' label='对方的性别' compact options={GENDERS} value={r.gender} error={errorOf(errors, 'respondent.gender')} onChange={(g) => set({ gender: g as typeof r.gender })} />
      <TextField
        id='respondent-age'
        label='对方大概多少岁？'
        type='number'
        hint='不知道准确年龄，写个大概的就可以'
        value={r.approxAge}
        maxlength={3}
        error={errorOf(errors, 'respondent.approxAge')}
        onChange={(v) => {
          const digits = v.replace(/\D/g, '');
          set({ approxAge: digits ? Number(digits) : null });
        }}
        onBlur={onBlur}
      />
      <TextField
        id='respondent-address'
        label='对方的住址'
        hint='知道多少写多少，如“霞山区某某路某某小区”'
        value={r.address}
        error={errorOf(errors, 'respondent.address')}
        onChange={(address) => set({ address })}
        onBlur={onBlur}
      />
      <TextField id='respondent-phone' label='对方的电话' optional value={r.phone} maxlength={20} error={errorOf(errors, 'respondent.phone')} onChange={(phone) => set({ phone })} onBlur={onBlur} />
      <TextField id='respondent-work' label='对方的工作单位' optional value={r.workplace} maxlength={100} error={errorOf(errors, 'respondent.workplace')} onChange={(workplace) => set({ workplace })} onBlur={onBlur} />
    </View>
  );
}

export function RelationshipStep({ answers, update, errors, onBlur }: StepProps) {
  const r = answers.relationship ?? {};
  const needsDetail = r.type === 'other' || r.type === 'other_family';
  return (
    <View>
      <Text className='ap-lead'>家庭成员之间，以及同居、曾经同居的人之间发生的暴力，都可以申请保护令。</Text>
      <Choices
        id='relationship-type'
        label='对方是申请人的'
        compact
        options={PoRelationship.codes.map((c) => ({ value: c, label: PoRelationship.labels[c] }))}
        value={r.type}
        error={errorOf(errors, 'relationship.type')}
        onChange={(type) => update('relationship', { ...r, type: type as typeof r.type })}
      />
      {needsDetail ? (
        <TextField
          id='relationship-detail'
          label='具体是什么关系？'
          placeholder='如：公公、继父'
          value={r.detail}
          maxlength={60}
          error={errorOf(errors, 'relationship.detail')}
          onChange={(detail) => update('relationship', { ...r, detail })}
          onBlur={onBlur}
        />
      ) : null}
    </View>
  );
}

/**
 * Her address, with the choice to keep it from the respondent: a confidential address goes only to
 * the court and never into the 申请书, which the respondent can receive.
 */
export function AddressStep({ answers, update, errors, onBlur }: StepProps) {
  const p = answers.applicant ?? {};
  const choose = (confidential: boolean) => {
    if (confidential === p.confidentialAddress) return;
    // What she already typed moves to the field that now applies, so the real address never
    // lingers where the petition would print it.
    const typed = (confidential ? p.address : p.confidentialAddressText) ?? null;
    update('applicant', {
      ...p,
      confidentialAddress: confidential,
      ...(confidential ? { confidentialAddressText: p.confidentialAddressText || typed, address: null } : { address: p.address || typed, confidentialAddressText: null }),
    });
  };
  return (
    <View>
      <View className='ap-note'>
        <Text className='ap-note__text'>
          申请书会交给法院，法院会把副本送给对方。如果不想让对方知道申请人现在住在哪里，请选择“需要保密”：住址不会写进申请书，只单独交给法院和帮助你的工作人员。
        </Text>
      </View>
      <YesNo
        id='address-confidential'
        label='申请人现在的住址需要对对方保密吗？'
        yes='需要保密'
        no='不需要保密'
        value={p.confidentialAddress}
        error={errorOf(errors, 'applicant.confidentialAddress')}
        onChange={choose}
      />
      {p.confidentialAddress === true ? (
        <TextField
          id='address-secret'
          label='现在的住址（保密）'
          hint='只交给法院和工作人员，不会出现在申请书里，对方收到的材料上也不会有。'
          value={p.confidentialAddressText}
          error={errorOf(errors, 'applicant.confidentialAddressText')}
          onChange={(confidentialAddressText) => update('applicant', { ...p, confidentialAddressText })}
          onBlur={onBlur}
        />
      ) : null}
      {p.confidentialAddress === false ? (
        <TextField
          id='address-plain'
          label='住址'
          hint='这个住址会写进申请书。'
          value={p.address}
          error={errorOf(errors, 'applicant.address')}
          onChange={(address) => update('applicant', { ...p, address })}
          onBlur={onBlur}
        />
      ) : null}
    </View>
  );
}
