import { Button, Input, Text, View } from '@tarojs/components';
import { errorFor, type FieldErrors } from '../../../services/field-errors';
import { CONTACT_NOTE_MAX, OTHER_TIMES_MAX, SAFE_TIME_PRESETS, type ContactDraft } from '../../../services/safe-contact';

function Choice({ label, value, onChange }: { label: string; value: boolean; onChange: (v: boolean) => void }) {
  return (
    <View className='rg-choice'>
      <Text className='rg-label'>{label}</Text>
      <View className='rq-buttons'>
        <Button className={`staff-btn rq-btn ${value ? 'rq-btn--primary' : 'rq-btn--quiet'}`} onClick={() => onChange(true)}>
          可以
        </Button>
        <Button className={`staff-btn rq-btn ${!value ? 'rq-btn--primary' : 'rq-btn--quiet'}`} onClick={() => onChange(false)}>
          不可以
        </Button>
      </View>
    </View>
  );
}

/** Her phone and safe-contact wishes, as she told them on the phone or at the desk. */
export function ContactForm({ value, onChange, errors }: { value: ContactDraft; onChange: (d: ContactDraft) => void; errors: FieldErrors }) {
  const set = <K extends keyof ContactDraft>(key: K, v: ContactDraft[K]) => onChange({ ...value, [key]: v });
  const err = (...paths: string[]) => {
    const m = errorFor(errors, ...paths);
    return m ? <Text className='staff-error'>{m}</Text> : null;
  };
  return (
    <View className='rg-contact'>
      <View className='rg-row'>
        <View className='rg-cell'>
          <Text className='rg-label'>联系电话</Text>
          <Input id='rg-phone' className='staff-field__input' value={value.phone} maxlength={20} placeholder='电话号码' onInput={(e) => set('phone', e.detail.value)} />
          {err('contact.phone')}
        </View>
        <View className='rg-cell'>
          <Text className='rg-label'>称呼（可为化名）</Text>
          <Input className='staff-field__input' value={value.name} maxlength={40} placeholder='称呼' onInput={(e) => set('name', e.detail.value)} />
          {err('contact.name')}
        </View>
      </View>
      <View className='rg-row'>
        <Choice label='可以来电' value={value.safeToCall} onChange={(v) => set('safeToCall', v)} />
        <Choice label='可以留言/短信' value={value.allowMessage} onChange={(v) => set('allowMessage', v)} />
        <Choice label='可以表明妇联身份' value={value.maySayFederation} onChange={(v) => set('maySayFederation', v)} />
      </View>
      <Text className='rg-label'>安全时段（可多选）</Text>
      <View className='rq-buttons'>
        {SAFE_TIME_PRESETS.map((p) => (
          <Button
            key={p.key}
            className={`staff-btn rq-btn ${value.presets.includes(p.key) ? 'rq-btn--primary' : 'rq-btn--quiet'}`}
            onClick={() => set('presets', value.presets.includes(p.key) ? value.presets.filter((k) => k !== p.key) : [...value.presets, p.key])}
          >
            {p.label}
          </Button>
        ))}
      </View>
      <View className='rg-row'>
        <View className='rg-cell'>
          <Text className='rg-label'>其他时间说明</Text>
          <Input className='staff-field__input' value={value.otherTimes} maxlength={OTHER_TIMES_MAX} placeholder='例如：只在周三下午' onInput={(e) => set('otherTimes', e.detail.value)} />
          {err('contact.safeTimes')}
        </View>
        <View className='rg-cell'>
          <Text className='rg-label'>备注</Text>
          <Input className='staff-field__input' value={value.note} maxlength={CONTACT_NOTE_MAX} placeholder='其他联系注意事项' onInput={(e) => set('note', e.detail.value)} />
          {err('contact.note')}
        </View>
      </View>
    </View>
  );
}
