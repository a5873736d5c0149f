import { Button, Text, View } from '@tarojs/components';
import { PoIncidentType, type PoAnswers } from '@zjh/shared';
import { todayShanghai } from '../../../services/shanghai-time';
import { AreaField, Choices, DateField, FieldError, TextField, YesNo } from '../fields';
import { errorOf, type StepProps } from './step-props';

type Incident = NonNullable<PoAnswers['incidents']>[number];

export const MAX_INCIDENTS = 50;

/** What happened: as many incidents as she needs, each with a day, a place, what kind, and what happened. */
export function IncidentsStep({ answers, update, errors, onBlur }: StepProps) {
  const saved = answers.incidents ?? [];
  // One empty incident to start with; it is saved once she writes something in it.
  const list: Incident[] = saved.length ? saved : [{}];
  const set = (index: number, patch: Partial<Incident>) => update('incidents', list.map((x, i) => (i === index ? { ...x, ...patch } : x)));
  const remove = (index: number) => update('incidents', list.filter((_, i) => i !== index));
  const add = () => update('incidents', [...list, {}]);
  const today = todayShanghai();
  return (
    <View>
      <Text className='ap-lead'>请写下家庭暴力发生的情况。发生过多次的，可以一次一次地添加，最近的和最严重的最重要。记不清具体日期，选个大概的日子就可以。</Text>
      <FieldError message={errors.incidents} />
      {list.map((x, i) => (
        <View key={i} className='ap-incident' id={`incident-${i}`}>
          <View className='ap-incident__head'>
            <Text className='ap-incident__title'>{`第 ${i + 1} 次`}</Text>
            {list.length > 1 || saved.length > 0 ? (
              <Text className='ap-link ap-incident__remove' onClick={() => remove(i)}>
                删除这一次
              </Text>
            ) : null}
          </View>
          <DateField id={`incident-${i}-date`} label='大概是哪天？' max={today} value={x.date} error={errorOf(errors, `incidents.${i}.date`)} onChange={(date) => set(i, { date })} />
          <TextField
            id={`incident-${i}-place`}
            label='在哪里？'
            placeholder='如：家里、单位门口'
            value={x.place}
            error={errorOf(errors, `incidents.${i}.place`)}
            onChange={(place) => set(i, { place })}
            onBlur={onBlur}
          />
          <Choices
            id={`incident-${i}-types`}
            label='发生了哪类事情？'
            multiple
            compact
            options={PoIncidentType.codes.map((c) => ({ value: c, label: PoIncidentType.labels[c] }))}
            value={x.types ?? []}
            error={errorOf(errors, `incidents.${i}.types`)}
            onChange={(types) => set(i, { types: types as Incident['types'] })}
          />
          <AreaField
            id={`incident-${i}-description`}
            label='经过'
            hint='简单写下发生了什么，写多少都可以。'
            value={x.description}
            maxlength={3000}
            tall
            error={errorOf(errors, `incidents.${i}.description`)}
            onChange={(description) => set(i, { description })}
            onBlur={onBlur}
          />
        </View>
      ))}
      {list.length < MAX_INCIDENTS ? (
        <Button className='ap-btn ap-btn--soft' onClick={add}>
          ＋ 再添加一次
        </Button>
      ) : null}
    </View>
  );
}

export function ChildrenStep({ answers, update, errors, onBlur }: StepProps) {
  const c = answers.children ?? {};
  return (
    <View>
      <YesNo
        id='children-involved'
        label='这件事有没有涉及孩子？'
        hint='例如孩子也受到伤害、看到了发生的事，或者担心孩子的安全。'
        yes='涉及孩子'
        no='不涉及'
        value={c.involved}
        error={errorOf(errors, 'children.involved')}
        onChange={(involved) => update('children', { ...c, involved })}
      />
      {c.involved ? (
        <View>
          <TextField
            id='children-count'
            label='涉及几个孩子？'
            type='number'
            value={c.count}
            maxlength={2}
            error={errorOf(errors, 'children.count')}
            onChange={(v) => {
              const digits = v.replace(/\D/g, '');
              update('children', { ...c, count: digits ? Number(digits) : null });
            }}
            onBlur={onBlur}
          />
          <AreaField
            id='children-note'
            label='孩子的情况'
            optional
            hint='如年龄、现在和谁住、是否需要保护'
            value={c.note}
            maxlength={500}
            error={errorOf(errors, 'children.note')}
            onChange={(note) => update('children', { ...c, note })}
            onBlur={onBlur}
          />
        </View>
      ) : null}
    </View>
  );
}
