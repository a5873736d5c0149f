import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { isH5 } from '../../../services/env';

/** Small labelled inputs of the back-office forms (a desk, a mouse, a keyboard). */

export function PoError({ message }: { message?: string }) {
  return message ? <Text className='staff-error po-field__error'>{message}</Text> : null;
}

interface LineProps {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  error?: string;
  maxlength?: number;
}

export function LineInput({ id, label, value, onChange, placeholder, error, maxlength = 100 }: LineProps) {
  return (
    <View className='po-field'>
      <Text className='po-field__label'>{label}</Text>
      <Input id={id} className='staff-field__input po-field__input' value={value} placeholder={placeholder} maxlength={maxlength} onInput={(e) => onChange(e.detail.value)} />
      <PoError message={error} />
    </View>
  );
}

export function AreaInput({ id, label, value, onChange, placeholder, error, maxlength = 2000 }: LineProps) {
  return (
    <View className='po-field'>
      <Text className='po-field__label'>{label}</Text>
      <Textarea id={id} className='po-textarea' value={value} placeholder={placeholder} maxlength={maxlength} onInput={(e) => onChange(e.detail.value)} />
      <PoError message={error} />
    </View>
  );
}

interface WhenProps {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  mode: 'date' | 'time';
  error?: string;
}

/** A date (YYYY-MM-DD) or a time of day (HH:MM): the browser's own inputs, WeChat's pickers. */
export function WhenInput({ id, label, value, onChange, mode, error }: WhenProps) {
  return (
    <View className='po-field po-field--when'>
      <Text className='po-field__label'>{label}</Text>
      {isH5() ? (
        <input id={id} className='select-field__select po-field__native' type={mode} aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <Picker mode={mode} value={value} onChange={(e) => onChange(String(e.detail.value))}>
          <View className='select-field__face'>
            <Text>{value || (mode === 'date' ? '选择日期' : '选择时间')}</Text>
          </View>
        </Picker>
      )}
      <PoError message={error} />
    </View>
  );
}

interface TogglesProps<T extends string> {
  id: string;
  label: string;
  options: Array<{ value: T; label: string }>;
  value: T[];
  onChange: (v: T[]) => void;
  error?: string;
}

/** Several of a few options, as tappable boxes. */
export function Toggles<T extends string>({ id, label, options, value, onChange, error }: TogglesProps<T>) {
  return (
    <View className='po-field' id={id}>
      <Text className='po-field__label'>{label}</Text>
      <View className='po-toggles'>
        {options.map((o) => {
          const on = value.includes(o.value);
          return (
            <Text
              key={o.value}
              id={`${id}-${o.value}`}
              className={`po-toggle ${on ? 'po-toggle--on' : ''}`}
              onClick={() => onChange(on ? value.filter((v) => v !== o.value) : options.map((x) => x.value).filter((v) => v === o.value || value.includes(v)))}
            >
              {`${on ? '☑' : '☐'} ${o.label}`}
            </Text>
          );
        })}
      </View>
      <PoError message={error} />
    </View>
  );
}
