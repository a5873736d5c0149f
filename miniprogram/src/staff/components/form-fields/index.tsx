import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { isH5 } from '../../../services/env';
import './index.scss';

/** Small labelled inputs of the back-office forms (a desk, a mouse, a keyboard; still usable on a phone). */

export function FieldError({ message }: { message?: string }) {
  return message ? <Text className='staff-error ff-error'>{message}</Text> : null;
}

interface LineProps {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  placeholder?: string;
  error?: string;
  maxlength?: number;
  type?: 'text' | 'number';
}

export function LineInput({ id, label, value, onChange, placeholder, error, maxlength = 100, type = 'text' }: LineProps) {
  return (
    <View className='ff-field'>
      <Text className='ff-label'>{label}</Text>
      <Input id={id} className='staff-field__input ff-input' type={type} value={value} placeholder={placeholder} maxlength={maxlength} onInput={(e) => onChange(e.detail.value)} />
      <FieldError message={error} />
    </View>
  );
}

export function AreaInput({ id, label, value, onChange, placeholder, error, maxlength = 5000 }: Omit<LineProps, 'type'>) {
  return (
    <View className='ff-field'>
      <Text className='ff-label'>{label}</Text>
      <Textarea id={id} className='ff-textarea' value={value} placeholder={placeholder} maxlength={maxlength} onInput={(e) => onChange(e.detail.value)} />
      <FieldError message={error} />
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
    <View className='ff-field ff-field--when'>
      <Text className='ff-label'>{label}</Text>
      {isH5() ? (
        <input id={id} className='ff-native' type={mode} aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <Picker mode={mode} value={value} onChange={(e) => onChange(String(e.detail.value))}>
          <View className='ff-native ff-face'>
            <Text>{value || (mode === 'date' ? '选择日期' : '选择时间')}</Text>
          </View>
        </Picker>
      )}
      <FieldError message={error} />
    </View>
  );
}
