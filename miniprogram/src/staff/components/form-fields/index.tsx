import { Input, Picker, Switch, Text, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { isH5 } from '../../../services/env';
import './index.scss';

/*
 * Labelled inputs of the back-office forms (a desk, a mouse, a keyboard; still usable on a phone).
 * In a browser the pickers are the native elements (keyboard-friendly, labelled for screen readers,
 * no page-covering picker mask); in WeChat the Taro components.
 *
 * Two looks share this module:
 *  - the editor fields (TextField, AreaField, DateTimeField, ToggleField; `form-field` classes):
 *    native inputs in a browser, with an optional hint under the field;
 *  - the compact fields (LineInput, AreaInput, WhenInput, Toggles, FieldError; `ff-` classes):
 *    Taro inputs everywhere, for the case panels (mediation, protection orders, statistics).
 */

interface WhenPickProps {
  id?: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  mode: 'date' | 'time';
  inputClass: string;
  faceClass: string;
}

/** A date (YYYY-MM-DD) or a time of day (HH:MM): the browser's own inputs, WeChat's pickers. */
function WhenPick({ id, label, value, onChange, mode, inputClass, faceClass }: WhenPickProps) {
  return isH5() ? (
    <input id={id} className={inputClass} type={mode} aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <Picker mode={mode} value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <View className={faceClass}>
        <Text>{value || (mode === 'date' ? '选择日期' : '选择时间')}</Text>
      </View>
    </Picker>
  );
}

/* ---------- editor fields ---------- */

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

interface DateTimeFieldProps extends FieldFrame {
  value: string;
  onChange: (value: string) => void;
  mode: 'date' | 'time';
}

/** A date (YYYY-MM-DD) or a time of day (HH:MM); Asia/Shanghai is implied by the caller. */
export function DateTimeField({ id, label, value, onChange, mode, ...frame }: DateTimeFieldProps) {
  return (
    <Frame label={label} {...frame}>
      <WhenPick
        id={id}
        label={label}
        value={value}
        onChange={onChange}
        mode={mode}
        inputClass='form-field__input form-field__input--short'
        faceClass='form-field__input form-field__face'
      />
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

/* ---------- compact fields ---------- */

export function FieldError({ message }: { message?: string }) {
  return message ? <Text className='staff-error ff-error'>{message}</Text> : null;
}

function Compact({ label, error, className, id, children }: { label: string; error?: string; className?: string; id?: string; children: ReactNode }) {
  return (
    <View className={className ? `ff-field ${className}` : 'ff-field'} id={id}>
      <Text className='ff-label'>{label}</Text>
      {children}
      <FieldError message={error} />
    </View>
  );
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
    <Compact label={label} error={error}>
      <Input id={id} className='staff-field__input ff-input' type={type} value={value} placeholder={placeholder} maxlength={maxlength} onInput={(e) => onChange(e.detail.value)} />
    </Compact>
  );
}

export function AreaInput({ id, label, value, onChange, placeholder, error, maxlength = 5000 }: Omit<LineProps, 'type'>) {
  return (
    <Compact label={label} error={error}>
      <Textarea id={id} className='ff-textarea' value={value} placeholder={placeholder} maxlength={maxlength} onInput={(e) => onChange(e.detail.value)} />
    </Compact>
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
    <Compact label={label} error={error} className='ff-field--when'>
      <WhenPick id={id} label={label} value={value} onChange={onChange} mode={mode} inputClass='ff-native' faceClass='ff-native ff-face' />
    </Compact>
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

/** Several of a few options, as tappable boxes (the chosen ones keep the options' order). */
export function Toggles<T extends string>({ id, label, options, value, onChange, error }: TogglesProps<T>) {
  return (
    <Compact label={label} error={error} id={id}>
      <View className='ff-toggles'>
        {options.map((o) => {
          const on = value.includes(o.value);
          return (
            <Text
              key={o.value}
              id={`${id}-${o.value}`}
              className={`ff-toggle ${on ? 'ff-toggle--on' : ''}`}
              onClick={() => onChange(on ? value.filter((v) => v !== o.value) : options.map((x) => x.value).filter((v) => v === o.value || value.includes(v)))}
            >
              {`${on ? '☑' : '☐'} ${o.label}`}
            </Text>
          );
        })}
      </View>
    </Compact>
  );
}
