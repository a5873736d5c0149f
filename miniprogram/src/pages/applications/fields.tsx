import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { isH5 } from '../../services/env';
import './interview.scss';

/*
 * The question fields of the interview: big targets, a label in plain words, a hint, and the
 * server's message under the field when something cannot be saved.
 */

export function FieldError({ message }: { message?: string }) {
  return message ? <Text className='ap-error'>{message}</Text> : null;
}

interface FieldFrameProps {
  id?: string;
  label: string;
  hint?: string;
  optional?: boolean;
  error?: string;
  children: ReactNode;
}

export function FieldFrame({ id, label, hint, optional, error, children }: FieldFrameProps) {
  return (
    <View className='ap-field' id={id ? `field-${id}` : undefined}>
      <Text className='ap-field__label'>
        {label}
        {optional ? <Text className='ap-field__optional'>（可不填）</Text> : null}
      </Text>
      {hint ? <Text className='ap-field__hint'>{hint}</Text> : null}
      {children}
      <FieldError message={error} />
    </View>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string | number | null | undefined;
  onChange: (value: string) => void;
  onBlur?: () => void;
  hint?: string;
  placeholder?: string;
  optional?: boolean;
  error?: string;
  maxlength?: number;
  type?: 'text' | 'number' | 'idcard';
}

export function TextField({ id, label, value, onChange, onBlur, hint, placeholder, optional, error, maxlength = 200, type = 'text' }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} optional={optional} error={error}>
      <Input
        id={id}
        className={`ap-input ${error ? 'ap-input--error' : ''}`}
        type={type}
        value={value === null || value === undefined ? '' : String(value)}
        placeholder={placeholder}
        maxlength={maxlength}
        onInput={(e) => onChange(e.detail.value)}
        onBlur={onBlur}
      />
    </FieldFrame>
  );
}

interface AreaFieldProps extends Omit<TextFieldProps, 'type'> {
  tall?: boolean;
}

export function AreaField({ id, label, value, onChange, onBlur, hint, placeholder, optional, error, maxlength = 1000, tall }: AreaFieldProps) {
  const text = value === null || value === undefined ? '' : String(value);
  return (
    <FieldFrame id={id} label={label} hint={hint} optional={optional} error={error}>
      <Textarea
        id={id}
        className={`ap-textarea ${tall ? 'ap-textarea--tall' : ''} ${error ? 'ap-input--error' : ''}`}
        value={text}
        placeholder={placeholder}
        maxlength={maxlength}
        onInput={(e) => onChange(e.detail.value)}
        onBlur={onBlur}
      />
      {maxlength >= 500 ? <Text className='ap-field__count'>{`${text.length} / ${maxlength}`}</Text> : null}
    </FieldFrame>
  );
}

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

interface ChoicesProps<T extends string> {
  id: string;
  label: string;
  options: ChoiceOption<T>[];
  hint?: string;
  error?: string;
  /** One choice, or several when `multiple`. */
  value: T | T[] | null | undefined;
  onChange: (value: T | T[]) => void;
  multiple?: boolean;
  /** Two columns of short choices instead of one full-width list. */
  compact?: boolean;
}

/** Tappable choices; several may be on when `multiple`. */
export function Choices<T extends string>({ id, label, options, hint, error, value, onChange, multiple, compact }: ChoicesProps<T>) {
  const chosen = Array.isArray(value) ? value : value ? [value] : [];
  const toggle = (v: T) => {
    if (!multiple) return onChange(v);
    // Keep the order of the options, whatever order she taps them in.
    const next = chosen.includes(v) ? chosen.filter((x) => x !== v) : options.map((o) => o.value).filter((x) => x === v || chosen.includes(x));
    onChange(next);
  };
  return (
    <FieldFrame id={id} label={label} hint={hint ?? (multiple ? '可以选多项' : undefined)} error={error}>
      <View className={`ap-choices ${compact ? 'ap-choices--compact' : ''}`}>
        {options.map((o) => {
          const on = chosen.includes(o.value);
          return (
            <Button key={o.value} id={`${id}-${o.value}`} className={`ap-choice ${on ? 'ap-choice--on' : ''}`} onClick={() => toggle(o.value)}>
              <Text className='ap-choice__mark'>{on ? (multiple ? '☑' : '●') : multiple ? '☐' : '○'}</Text>
              <View className='ap-choice__text'>
                <Text className='ap-choice__label'>{o.label}</Text>
                {o.hint ? <Text className='ap-choice__hint'>{o.hint}</Text> : null}
              </View>
            </Button>
          );
        })}
      </View>
    </FieldFrame>
  );
}

interface YesNoProps {
  id: string;
  label: string;
  value: boolean | null | undefined;
  onChange: (value: boolean) => void;
  yes?: string;
  no?: string;
  hint?: string;
  error?: string;
}

export function YesNo({ id, label, value, onChange, yes = '是', no = '否', hint, error }: YesNoProps) {
  const current = value === true ? 'yes' : value === false ? 'no' : null;
  return (
    <Choices
      id={id}
      label={label}
      hint={hint}
      error={error}
      compact
      value={current}
      options={[
        { value: 'yes', label: yes },
        { value: 'no', label: no },
      ]}
      onChange={(v) => onChange(v === 'yes')}
    />
  );
}

interface DateFieldProps {
  id: string;
  label: string;
  value: string | null | undefined;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  /** Latest selectable day (YYYY-MM-DD). */
  max?: string;
}

/** A calendar day. Browser: the native date input (no page-covering mask). WeChat: the date picker. */
export function DateField({ id, label, value, onChange, hint, error, max }: DateFieldProps) {
  if (isH5()) {
    return (
      <FieldFrame id={id} label={label} hint={hint} error={error}>
        <input id={id} className={`ap-native ${error ? 'ap-input--error' : ''}`} type='date' aria-label={label} value={value ?? ''} max={max} onChange={(e) => onChange(e.target.value)} />
      </FieldFrame>
    );
  }
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <Picker mode='date' value={value ?? ''} end={max} onChange={(e) => onChange(String(e.detail.value))}>
        <View className={`ap-native ap-native--face ${error ? 'ap-input--error' : ''}`}>
          <Text>{value || '选择日期'}</Text>
          <Text className='ap-native__arrow'>›</Text>
        </View>
      </Picker>
    </FieldFrame>
  );
}

interface SelectBoxProps {
  id: string;
  label: string;
  value: string | null | undefined;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string) => void;
  placeholder?: string;
  hint?: string;
  error?: string;
}

/** One choice from a long list. Browser: the native select (keeps the quick-exit button reachable). WeChat: the picker. */
export function SelectBox({ id, label, value, options, onChange, placeholder = '请选择', hint, error }: SelectBoxProps) {
  const current = options.find((o) => o.value === value);
  if (isH5()) {
    return (
      <FieldFrame id={id} label={label} hint={hint} error={error}>
        <select id={id} className={`ap-native ${error ? 'ap-input--error' : ''}`} aria-label={label} value={value ?? ''} onChange={(e) => e.target.value && onChange(e.target.value)}>
          {current ? null : <option value=''>{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </FieldFrame>
    );
  }
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <Picker mode='selector' range={options.map((o) => o.label)} onChange={(e) => onChange(options[Number(e.detail.value)]?.value ?? '')}>
        <View className={`ap-native ap-native--face ${error ? 'ap-input--error' : ''}`}>
          <Text>{current?.label ?? placeholder}</Text>
          <Text className='ap-native__arrow'>›</Text>
        </View>
      </Picker>
    </FieldFrame>
  );
}
