import { Picker, Text, View } from '@tarojs/components';
import { isH5 } from '../../../services/env';
import './index.scss';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id?: string;
  label: string;
  value: string;
  options: SelectOption[];
  onChange: (value: string) => void;
  /** The text shown when nothing is chosen. */
  placeholder?: string;
}

/**
 * A labelled choice. Browser: the native <select> (keyboard-friendly on a desktop, and no page-covering
 * mask). WeChat: the native Picker.
 */
export function SelectField({ id, label, value, options, onChange, placeholder = '请选择' }: SelectFieldProps) {
  const current = options.find((o) => o.value === value);
  if (isH5()) {
    return (
      <View className='select-field'>
        <Text className='select-field__label'>{label}</Text>
        <select id={id} className='select-field__select' aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
          {current ? null : <option value=''>{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </View>
    );
  }
  return (
    <View className='select-field'>
      <Text className='select-field__label'>{label}</Text>
      <Picker mode='selector' range={options.map((o) => o.label)} onChange={(e) => onChange(options[Number(e.detail.value)]?.value ?? '')}>
        <View className='select-field__face'>
          <Text>{current?.label ?? placeholder}</Text>
          <Text className='select-field__arrow'>›</Text>
        </View>
      </Picker>
    </View>
  );
}
