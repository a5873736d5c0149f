import { Button, Input, Switch, Text, View } from '@tarojs/components';
import { isH5 } from '../../services/env';
import { errorFor, type FieldErrors } from '../../services/field-errors';
import { CONTACT_NOTE_MAX, OTHER_TIMES_MAX, SAFE_TIME_PRESETS, type ContactDraft } from '../../services/safe-contact';

interface ContactFieldsProps {
  value: ContactDraft;
  onChange: (next: ContactDraft) => void;
  errors: FieldErrors;
}

/** The phone keypad in a browser (it allows 0759-…); WeChat's number keyboard in the mini-program. */
function phoneType(): 'number' {
  return (isH5() ? 'tel' : 'number') as 'number';
}

function YesNo({ id, label, hint, checked, onChange }: { id: string; label: string; hint?: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <View className='help-switch'>
      <View className='help-switch__text'>
        <Text className='help-switch__label'>{label}</Text>
        {hint ? <Text className='help-hint'>{hint}</Text> : null}
      </View>
      <Text className='help-switch__state'>{checked ? '可以' : '不可以'}</Text>
      <Switch id={id} className='help-switch__control' checked={checked} color='#1d6b62' onChange={(e) => onChange(Boolean(e.detail.value))} />
    </View>
  );
}

/** Her phone number with how she may, and may not, be contacted. */
export function ContactFields({ value, onChange, errors }: ContactFieldsProps) {
  const set = <K extends keyof ContactDraft>(key: K, v: ContactDraft[K]) => onChange({ ...value, [key]: v });
  const togglePreset = (key: string) =>
    set('presets', value.presets.includes(key) ? value.presets.filter((k) => k !== key) : [...value.presets, key]);
  const err = (...paths: string[]) => {
    const message = errorFor(errors, ...paths);
    return message ? <Text className='help-error'>{message}</Text> : null;
  };

  return (
    <View className='help-contact'>
      <Text className='help-label'>联系电话</Text>
      <Input
        id='contact-phone'
        className='help-input'
        type={phoneType()}
        value={value.phone}
        placeholder='手机或座机号码'
        maxlength={20}
        onInput={(e) => set('phone', e.detail.value)}
      />
      {err('contact.phone', 'contact')}

      <Text className='help-label'>怎么称呼你（可以用化名）</Text>
      <Input id='contact-name' className='help-input' value={value.name} placeholder='例如：陈女士' maxlength={40} onInput={(e) => set('name', e.detail.value)} />
      {err('contact.name')}

      <YesNo id='switch-call' label='可以给你打电话吗？' checked={value.safeToCall} onChange={(v) => set('safeToCall', v)} />
      {err('contact.safeToCall')}

      <Text className='help-label'>什么时间联系你比较安全？（可多选）</Text>
      <View className='help-chips'>
        {SAFE_TIME_PRESETS.map((p) => (
          <Button
            key={p.key}
            className={`help-chip ${value.presets.includes(p.key) ? 'help-chip--on' : ''}`}
            onClick={() => togglePreset(p.key)}
          >
            {p.label}
          </Button>
        ))}
      </View>
      <Text className='help-hint'>工作日上午 9–12 点，下午 2–6 点，晚上 7–9 点；周末白天 9–18 点。</Text>
      <Input
        id='contact-other-times'
        className='help-input'
        value={value.otherTimes}
        placeholder='其他时间说明（例如：只在周三下午）'
        maxlength={OTHER_TIMES_MAX}
        onInput={(e) => set('otherTimes', e.detail.value)}
      />
      {err('contact.safeTimes')}

      <YesNo id='switch-message' label='可以给你留言或发短信吗？' checked={value.allowMessage} onChange={(v) => set('allowMessage', v)} />
      {err('contact.allowMessage')}
      <YesNo
        id='switch-federation'
        label='联系时可以说我们是妇联吗？'
        hint='选“不可以”时，工作人员不会提到妇联。'
        checked={value.maySayFederation}
        onChange={(v) => set('maySayFederation', v)}
      />

      <Text className='help-label'>其他需要注意的（可不填）</Text>
      <Input
        id='contact-note'
        className='help-input'
        value={value.note}
        placeholder='例如：接通后先问是不是快递'
        maxlength={CONTACT_NOTE_MAX}
        onInput={(e) => set('note', e.detail.value)}
      />
      {err('contact.note')}
    </View>
  );
}
