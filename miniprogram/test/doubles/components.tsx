/**
 * Test double for @tarojs/components: each component renders the plain DOM element a browser would
 * show, and Taro-style events get Taro-shaped payloads (`e.detail.value`).
 */
import { createElement, type ChangeEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';

type Handler = (event: any) => void;

interface Common {
  id?: string;
  className?: string;
  children?: ReactNode;
  onClick?: Handler;
  style?: any;
}

export function View({ id, className, children, onClick, style }: Common & Record<string, unknown>) {
  return (
    <div id={id} className={className} onClick={onClick} style={style}>
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

interface TextareaProps extends Common {
  value?: string;
  placeholder?: string;
  maxlength?: number;
  onInput?: Handler;
}

export function Textarea({ id, className, value, placeholder, maxlength, onInput }: TextareaProps) {
  return (
    <textarea
      id={id}
      className={className}
      value={value}
      placeholder={placeholder}
      maxLength={maxlength}
      onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onInput?.({ detail: { value: e.target.value } })}
    />
  );
}

interface SwitchProps extends Common {
  checked?: boolean;
  onChange?: Handler;
}

/** WeChat's switch: a checkbox with role=switch; change events carry `detail.value` (checked). */
export function Switch({ id, className, checked, onChange }: SwitchProps) {
  return (
    <input
      id={id}
      className={className}
      type='checkbox'
      role='switch'
      checked={Boolean(checked)}
      onChange={(e: ChangeEvent<HTMLInputElement>) => onChange?.({ detail: { value: e.target.checked } })}
    />
  );
}

type RichNode = { type: 'text'; text: string } | { name: string; attrs?: Record<string, string>; children?: RichNode[] };

function richNode(node: RichNode, key: number): ReactNode {
  if ('type' in node) return node.text;
  const { class: cls, style: _style, ...attrs } = node.attrs ?? {};
  return createElement(node.name, { key, ...attrs, className: cls }, ...(node.children ?? []).map(richNode));
}

/**
 * Like Taro's H5 rich-text: an array of nodes becomes elements (text nodes as plain text); a string
 * is set as innerHTML, exactly as the real component does, so a test sees what raw HTML would do.
 */
export function RichText({ className, nodes }: { className?: string; nodes?: RichNode[] | string }) {
  if (typeof nodes === 'string') return <div className={className} data-rich-text='html' dangerouslySetInnerHTML={{ __html: nodes }} />;
  return (
    <div className={className} data-rich-text='nodes'>
      {(nodes ?? []).map(richNode)}
    </div>
  );
}

export function Image({ className, src, mode }: { className?: string; src?: string; mode?: string }) {
  return <img className={className} src={src} data-mode={mode} alt='' />;
}
