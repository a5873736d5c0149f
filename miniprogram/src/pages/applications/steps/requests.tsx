import { Text, View } from '@tarojs/components';
import { PoCourtBasis, PoMeasure, ZhanjiangCourts } from '@zjh/shared';
import { AreaField, Choices, SelectBox, YesNo } from '../fields';
import { errorOf, type StepProps } from './step-props';

const MEASURE_HINTS: Record<(typeof PoMeasure.codes)[number], string> = {
  no_violence: '不许再打、威胁、伤害申请人',
  no_harassment_contact: '包括打电话、发信息、到住处或单位找人',
  move_out: '对方要搬离申请人的住所',
  other: '写下还需要的其他保护，如不许接近孩子的学校',
};

export function MeasuresStep({ answers, update, errors, onBlur }: StepProps) {
  const m = answers.measures ?? {};
  return (
    <View>
      <Text className='ap-lead'>保护令可以包括下面这些措施（反家庭暴力法第二十九条）。选择你希望法院作出的。</Text>
      <Choices
        id='measures-items'
        label='希望法院'
        multiple
        options={PoMeasure.codes.map((c) => ({ value: c, label: PoMeasure.labels[c], hint: MEASURE_HINTS[c] }))}
        value={m.items ?? []}
        error={errorOf(errors, 'measures.items')}
        onChange={(items) => update('measures', { ...m, items: items as typeof m.items })}
      />
      {m.items?.includes('other') ? (
        <AreaField
          id='measures-other'
          label='其他保护措施'
          value={m.otherText}
          maxlength={500}
          error={errorOf(errors, 'measures.otherText')}
          onChange={(otherText) => update('measures', { ...m, otherText })}
          onBlur={onBlur}
        />
      ) : null}
    </View>
  );
}

export function UrgencyStep({ answers, update, errors, onBlur }: StepProps) {
  const u = answers.urgency ?? {};
  return (
    <View>
      <Text className='ap-lead'>法院受理申请后，一般在 72 小时内决定是否发出保护令；情况紧急的，在 24 小时内决定（反家庭暴力法第二十八条）。</Text>
      <YesNo
        id='urgency-urgent'
        label='现在的情况紧急吗？'
        yes='紧急，需要尽快保护'
        no='不紧急'
        value={u.urgent}
        error={errorOf(errors, 'urgency.urgent')}
        onChange={(urgent) => update('urgency', { ...u, urgent })}
      />
      {u.urgent ? (
        <AreaField
          id='urgency-reason'
          label='为什么紧急？'
          hint='例如：对方扬言要伤害申请人、刚发生过严重伤害、对方知道申请人现在的住处'
          value={u.reason}
          maxlength={1000}
          error={errorOf(errors, 'urgency.reason')}
          onChange={(reason) => update('urgency', { ...u, reason })}
          onBlur={onBlur}
        />
      ) : null}
    </View>
  );
}

const BASIS_HINTS: Record<(typeof PoCourtBasis.codes)[number], string> = {
  applicant_residence: '申请人住在这个法院的辖区',
  respondent_residence: '对方住在这个法院的辖区',
  incident_place: '事情发生在这个法院的辖区',
};

const COURTS = ZhanjiangCourts.map((c) => ({ value: c.name, label: `${c.name}（${c.district}）` }));

export function CourtStep({ answers, update, errors }: StepProps) {
  const c = answers.court ?? {};
  return (
    <View>
      <Text className='ap-lead'>
        可以向申请人居住地、对方居住地或者事情发生地的基层人民法院申请（反家庭暴力法第二十五条）。不确定选哪个，选申请人现在居住地的法院就可以，工作人员审核时也会帮你确认。
      </Text>
      <SelectBox
        id='court-name'
        label='法院'
        placeholder='选择湛江市的基层人民法院'
        options={COURTS}
        value={c.name}
        error={errorOf(errors, 'court.name')}
        onChange={(name) => update('court', { ...c, name: name as typeof c.name })}
      />
      <Choices
        id='court-basis'
        label='为什么向这个法院申请？'
        options={PoCourtBasis.codes.map((b) => ({ value: b, label: PoCourtBasis.labels[b], hint: BASIS_HINTS[b] }))}
        value={c.basis}
        error={errorOf(errors, 'court.basis')}
        onChange={(basis) => update('court', { ...c, basis: basis as typeof c.basis })}
      />
      <Text className='ap-hint'>吴川市妇联与吴川市人民法院建立了“一站式”申请：线上提交后，由服务中心核对材料并递交法院。其他区县的服务中心也会帮你递交。</Text>
    </View>
  );
}
