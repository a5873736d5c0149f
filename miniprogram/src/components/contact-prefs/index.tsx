import { Button, Input, Text, View } from '@tarojs/components';
import type { SafeContact } from '@zjh/shared';
import { isH5 } from '../../services/env';
import { SAFE_TIME_PRESETS } from '../../services/safe-contact';
import './index.scss';

/** What she has typed so far; kept in memory only, never in storage. */
export interface SafeContactDraft {
  name: string;
  phone: string;
  safeToCall: boolean | null;
  /** Keys of SAFE_TIME_PRESETS (the same choices as on a help request); none chosen = any time. */
  windows: string[];
  allowMessage: boolean | null;
  maySayFederation: boolean | null;
  note: string;
}

export const EMPTY_SAFE_CONTACT: SafeContactDraft = {
  name: '',
  phone: '',
  safeToCall: null,
  windows: [],
  allowMessage: null,
  maySayFederation: null,
  note: '',
};

/** WeChat's numeric keyboard; in a browser type=tel (a number input would swallow "-"). */
const PHONE_INPUT_TYPE = () => (isH5() ? 'tel' : 'number') as 'number';

// Same rule as the shared ZPhone schema; checked here so the page need not ship zod.
const PHONE = /^[0-9+\-\s()]{5,20}$/;

function isBlank(d: SafeContactDraft): boolean {
  return !d.name.trim() && !d.phone.trim() && d.safeToCall === null && d.allowMessage === null && d.maySayFederation === null && !d.note.trim() && d.windows.length === 0;
}

/**
 * Turns the draft into the API's SafeContact. Nothing filled in → no contact (it is optional);
 * a phone number needs her answers on calling and messages, which staff must respect.
 */
export function toSafeContact(d: SafeContactDraft, phoneRequired = false): { contact?: SafeContact; error?: string } {
  if (isBlank(d) && !phoneRequired) return {};
  const phone = d.phone.trim();
  if (!phone) return { error: phoneRequired ? '电话或视频咨询需要留下联系电话' : '请填写联系电话，或清空上面的联系信息' };
  if (!PHONE.test(phone) || phone.replace(/\D/g, '').length < 5) return { error: '请填写有效的电话号码' };
  if (d.safeToCall === null) return { error: '请说明是否可以给你打电话' };
  if (d.allowMessage === null) return { error: '请说明是否可以给你留言或发短信' };
  const windows = SAFE_TIME_PRESETS.filter((w) => d.windows.includes(w.key)).map((w) => w.window);
  const contact: SafeContact = { phone, safeToCall: d.safeToCall, allowMessage: d.allowMessage };
  if (d.name.trim()) contact.name = d.name.trim().slice(0, 40);
  if (d.safeToCall && windows.length) contact.safeTimes = windows;
  if (d.maySayFederation !== null) contact.maySayFederation = d.maySayFederation;
  if (d.note.trim()) contact.note = d.note.trim().slice(0, 200);
  return { contact };
}

interface YesNoProps {
  label: string;
  value: boolean | null;
  yes: string;
  no: string;
  onChange: (value: boolean) => void;
}

function YesNo({ label, value, yes, no, onChange }: YesNoProps) {
  return (
    <View className='contact-prefs__question'>
      <Text className='contact-prefs__label'>{label}</Text>
      <View className='contact-prefs__choices'>
        <Button className={`contact-prefs__choice ${value === true ? 'contact-prefs__choice--on' : ''}`} onClick={() => onChange(true)}>
          {yes}
        </Button>
        <Button className={`contact-prefs__choice ${value === false ? 'contact-prefs__choice--on' : ''}`} onClick={() => onChange(false)}>
          {no}
        </Button>
      </View>
    </View>
  );
}

interface SafeContactFieldsProps {
  value: SafeContactDraft;
  onChange: (value: SafeContactDraft) => void;
}

/**
 * How we may reach her, and how not: phone, whether a call or a message is safe, safe times, and
 * whether we may say who we are. Staff see these answers beside her number.
 */
export function SafeContactFields({ value, onChange }: SafeContactFieldsProps) {
  const set = (patch: Partial<SafeContactDraft>) => onChange({ ...value, ...patch });
  const toggleWindow = (key: string) =>
    set({ windows: value.windows.includes(key) ? value.windows.filter((k) => k !== key) : [...value.windows, key] });

  return (
    <View className='contact-prefs'>
      <Text className='contact-prefs__label'>称呼（可用化名）</Text>
      <Input className='contact-prefs__input' value={value.name} maxlength={40} placeholder='例如：陈女士' onInput={(e) => set({ name: e.detail.value })} />
      <Text className='contact-prefs__label'>联系电话</Text>
      <Input className='contact-prefs__input' type={PHONE_INPUT_TYPE()} value={value.phone} maxlength={20} placeholder='手机或固定电话' onInput={(e) => set({ phone: e.detail.value })} />

      <YesNo label='可以给你打电话吗？' value={value.safeToCall} yes='可以打电话' no='不要打电话' onChange={(v) => set({ safeToCall: v })} />
      {value.safeToCall ? (
        <View className='contact-prefs__question'>
          <Text className='contact-prefs__label'>什么时间打比较方便、安全？（不选表示都可以）</Text>
          <View className='contact-prefs__windows'>
            {SAFE_TIME_PRESETS.map((w) => (
              <Button
                key={w.key}
                className={`contact-prefs__window ${value.windows.includes(w.key) ? 'contact-prefs__choice--on' : ''}`}
                onClick={() => toggleWindow(w.key)}
              >
                {w.label}
              </Button>
            ))}
          </View>
        </View>
      ) : null}
      <YesNo label='可以给你留言或发短信吗？' value={value.allowMessage} yes='可以' no='不可以' onChange={(v) => set({ allowMessage: v })} />
      <YesNo label='联系你时，可以说我们是妇联吗？' value={value.maySayFederation} yes='可以' no='请不要说' onChange={(v) => set({ maySayFederation: v })} />

      <Text className='contact-prefs__label'>其他注意事项（可不填）</Text>
      <Input className='contact-prefs__input' value={value.note} maxlength={200} placeholder='例如：接通后请先说“快递”' onInput={(e) => set({ note: e.detail.value })} />
    </View>
  );
}
