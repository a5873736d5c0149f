/**
 * Test double for @tarojs/components: each component renders the plain DOM element a browser would
 * show, and Taro-style events get Taro-shaped payloads (`e.detail.value`).
 */
import type { ChangeEvent, KeyboardEvent, MouseEvent, ReactNode } from 'react';

type Handler = (event: any) => void;

interface Common {
  id?: string;
  className?: string;
  children?: ReactNode;
  onClick?: Handler;
  style?: any;
}

export function View({ id, className, children, onClick }: Common & Record<string, unknown>) {
  return (
    <div id={id} className={className} onClick={onClick}>
      {children}
    </div>
  );
}

export function Text({ id, className, children, onClick }: Common & Record<string, unknown>) {
  return (
    <span id={id} className={className} onClick={onClick}>
      {children}
    </span>
  );
}

interface ButtonProps extends Common {
  openType?: string;
  disabled?: boolean;
  loading?: boolean;
  onAgreePrivacyAuthorization?: Handler;
}

/** In WeChat a button with open-type agreePrivacyAuthorization fires that event when tapped. */
export function Button({ id, className, children, onClick, openType, disabled, loading, onAgreePrivacyAuthorization }: ButtonProps) {
  const tap = (e: MouseEvent) => {
    if (disabled) return;
    onClick?.(e);
    if (openType === 'agreePrivacyAuthorization') onAgreePrivacyAuthorization?.({ type: 'agreeprivacyauthorization' });
  };
  return (
    <button type='button' id={id} className={className} data-open-type={openType} data-loading={loading ? 'true' : undefined} disabled={disabled} onClick={tap}>
      {children}
    </button>
  );
}

interface InputProps extends Common {
  name?: string;
  value?: string;
  placeholder?: string;
  password?: boolean;
  maxlength?: number;
  onInput?: Handler;
  onConfirm?: Handler;
}

export function Input({ id, className, name, value, placeholder, password, maxlength, onInput, onConfirm }: InputProps) {
  return (
    <input
      id={id}
      className={className}
      name={name}
      value={value}
      placeholder={placeholder}
      type={password ? 'password' : 'text'}
      maxLength={maxlength}
      onChange={(e: ChangeEvent<HTMLInputElement>) => onInput?.({ detail: { value: e.target.value } })}
      onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') onConfirm?.({ detail: { value: (e.target as HTMLInputElement).value } });
      }}
    />
  );
}

interface PickerProps extends Common {
  mode?: string;
  range?: string[];
  onChange?: Handler;
}

/** A selector picker: its children are the visible trigger; the <select> stands in for the wheel. */
export function Picker({ className, children, range = [], onChange }: PickerProps) {
  return (
    <div className={className} data-testid='picker'>
      {children}
      <select
        aria-label='选择'
        value=''
        onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange?.({ detail: { value: Number(e.target.value) } })}
      >
        <option value='' disabled>
          请选择
        </option>
        {range.map((item, index) => (
          <option key={item} value={index}>
            {item}
          </option>
        ))}
      </select>
    </div>
  );
}
