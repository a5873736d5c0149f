import { Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { isH5 } from '../../../services/env';
import './index.scss';

/*
 * Labelled form fields for back-office editors. In a browser they are the native elements
 * (keyboard-friendly on a desktop, labelled for screen readers, no page-covering picker mask);
 * in WeChat the Taro components.
 */

interface FieldFrame {
  id?: string;
  label: string;
  error?: string;
  hint?: string;
  className?: string;
}

function Frame({ label, error, hint, className, children }: FieldFrame & { children: ReactNode }) {
  return (
    <View className={`form-field ${error ? 'form-field--error' : ''} ${className ?? ''}`}>
      <Text className='form-field__label'>{label}</Text>
      {children}
      {hint ? <Text className='form-field__hint'>{hint}</Text> : null}
      {error ? <Text className='form-field__error'>{error}</Text> : null}
    </View>
  );
}

interface TextFieldProps extends FieldFrame {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  type?: 'text' | 'number' | 'url';
}

export function TextField({ id, label, value, onChange, placeholder, maxLength, type = 'text', ...frame }: TextFieldProps) {
  return (
    <Frame label={label} {...frame}>
      {isH5() ? (
        <input
          id={id}
          className='form-field__input'
          aria-label={label}
          type={type === 'number' ? 'number' : type === 'url' ? 'url' : 'text'}
          value={value}
          placeholder={placeholder}
          maxLength={maxLength}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <Input
          id={id}
          className='form-field__input'
          type={type === 'number' ? 'number' : 'text'}
          value={value}
          placeholder={placeholder}
          maxlength={maxLength ?? 140}
          onInput={(e) => onChange(e.detail.value)}
        />
      )}
    </Frame>
  );
}

interface AreaFieldProps extends FieldFrame {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  rows?: number;
  mono?: boolean;
}

export function AreaField({ id, label, value, onChange, placeholder, maxLength, rows = 4, mono = false, ...frame }: AreaFieldProps) {
  const cls = `form-field__area ${mono ? 'form-field__area--mono' : ''}`;
  return (
    <Frame label={label} {...frame}>
      {isH5() ? (
        <textarea id={id} className={cls} aria-label={label} rows={rows} value={value} placeholder={placeholder} maxLength={maxLength} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <Textarea id={id} className={cls} value={value} placeholder={placeholder} maxlength={maxLength ?? -1} onInput={(e) => onChange(e.detail.value)} />
      )}
    </Frame>
  );
}

interface PickFieldProps extends FieldFrame {
  value: string;
  onChange: (value: string) => void;
  mode: 'date' | 'time';
}

/** A date (YYYY-MM-DD) or a time of day (HH:MM); Asia/Shanghai is implied by the caller. */
export function DateTimeField({ id, label, value, onChange, mode, ...frame }: PickFieldProps) {
  return (
    <Frame label={label} {...frame}>
      {isH5() ? (
        <input id={id} className='form-field__input form-field__input--short' aria-label={label} type={mode} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <Picker mode={mode} value={value} onChange={(e) => onChange(String(e.detail.value))}>
          <View className='form-field__input form-field__face'>
            <Text>{value || (mode === 'date' ? '选择日期' : '选择时间')}</Text>
          </View>
        </Picker>
      )}
    </Frame>
  );
}

interface ToggleFieldProps extends FieldFrame {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function ToggleField({ id, label, checked, onChange, ...frame }: ToggleFieldProps) {
  return (
    <Frame label={label} {...frame}>
      {isH5() ? (
        <label className='form-field__toggle'>
          <input id={id} type='checkbox' role='switch' aria-label={label} checked={checked} onChange={(e) => onChange(e.target.checked)} />
          <Text>{checked ? '是' : '否'}</Text>
        </label>
      ) : (
        <Switch id={id} checked={checked} color='#1d6b62' onChange={(e) => onChange(Boolean(e.detail.value))} />
      )}
    </Frame>
  );
}
