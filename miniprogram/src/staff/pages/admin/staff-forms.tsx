import { Button, Input, Text, View } from '@tarojs/components';
import { StaffRole, type AdminStaffItem, type CreateStaffInput, type UpdateStaffInput } from '@zjh/shared';
import { useState } from 'react';
import { errorMessage, toast } from '../../../services/api';
import { isH5 } from '../../../services/env';
import { errorFor, fieldErrorsOf, type FieldErrors } from '../../../services/field-errors';
import { TextField, ToggleField } from '../../components/form-fields';
import { SelectField, type SelectOption } from '../../components/select-field';
import { createStaffAccount, setStaffPassword, updateStaffAccount } from '../../services/staff-admin';

export const ROLE_OPTIONS: SelectOption[] = StaffRole.codes.map((value) => ({ value, label: StaffRole.labels[value] }));

function PasswordField({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <View className={`form-field ${error ? 'form-field--error' : ''}`}>
      <Text className='form-field__label'>{label}</Text>
      {isH5() ? (
        <input id={id} className='form-field__input' aria-label={label} type='password' autoComplete='new-password' value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <Input id={id} className='form-field__input' password value={value} maxlength={200} onInput={(e) => onChange(e.detail.value)} />
      )}
      <Text className='form-field__hint'>至少 10 位；请当面或电话告知本人，不要写在聊天记录里</Text>
      {error ? <Text className='form-field__error'>{error}</Text> : null}
    </View>
  );
}

const busyProps = (busy: boolean) => (busy ? { loading: true, disabled: true } : {});

/** 新建账号: username, name, role, center and an initial password. */
export function CreateStaffForm({ centerOptions, onCreated }: { centerOptions: SelectOption[]; onCreated: () => void }) {
  const blank = { username: '', displayName: '', role: 'center_staff', centerId: '', password: '' };
  const [draft, setDraft] = useState(blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof blank) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setErrors({});
    const input = { ...draft, role: draft.role as CreateStaffInput['role'], centerId: draft.centerId || null };
    try {
      await createStaffAccount(input);
      toast('账号已创建');
      setDraft(blank);
      onCreated();
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setErrors(Object.keys(fields).length ? fields : { form: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='adm-panel adm-create'>
      <Text className='lr-section-title'>新建账号</Text>
      <View className='adm-grid'>
        <TextField id='new-username' label='用户名' value={draft.username} onChange={set('username')} placeholder='字母、数字和 . _ -' error={errorFor(errors, 'username')} />
        <TextField id='new-name' label='姓名' value={draft.displayName} onChange={set('displayName')} error={errorFor(errors, 'displayName')} />
        <SelectField id='new-role' label='角色' value={draft.role} options={ROLE_OPTIONS} onChange={set('role')} />
        <SelectField id='new-center' label='所属中心' value={draft.centerId} options={[{ value: '', label: '不属于某个中心（仅管理员）' }, ...centerOptions]} onChange={set('centerId')} />
        <PasswordField id='new-password' label='初始密码' value={draft.password} onChange={set('password')} error={errorFor(errors, 'password')} />
      </View>
      {errorFor(errors, 'centerId') ? <Text className='staff-error'>{errorFor(errors, 'centerId')}</Text> : null}
      {errors.form ? <Text className='staff-error'>{errors.form}</Text> : null}
      <Button className='lr-btn lr-btn--primary' {...busyProps(busy)} onClick={() => void submit()}>
        创建账号
      </Button>
    </View>
  );
}

/** Edit one account: name, role, center, active; and set a new password. */
export function EditStaffPanel({ staff, isSelf, centerOptions, onSaved }: { staff: AdminStaffItem; isSelf: boolean; centerOptions: SelectOption[]; onSaved: (s: AdminStaffItem) => void }) {
  const [draft, setDraft] = useState({ displayName: staff.displayName, role: staff.role as string, centerId: staff.centerId ?? '', active: staff.active });
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState('');

  const save = async () => {
    if (busy) return;
    setBusy('save');
    setErrors({});
    const input: UpdateStaffInput = {};
    if (draft.displayName !== staff.displayName) input.displayName = draft.displayName;
    if (draft.role !== staff.role) input.role = draft.role as UpdateStaffInput['role'];
    if ((draft.centerId || null) !== staff.centerId) input.centerId = draft.centerId || null;
    if (draft.active !== staff.active) input.active = draft.active;
    try {
      if (Object.keys(input).length === 0) return toast('没有改动');
      onSaved(await updateStaffAccount(staff.id, input));
      toast('已保存');
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setErrors(Object.keys(fields).length ? fields : { form: errorMessage(e) });
    } finally {
      setBusy('');
    }
  };

  const savePassword = async () => {
    if (busy) return;
    setBusy('password');
    setErrors({});
    try {
      await setStaffPassword(staff.id, password);
      setPassword('');
      toast('密码已设置，该账号需重新登录');
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setErrors(Object.keys(fields).length ? fields : { form: errorMessage(e) });
    } finally {
      setBusy('');
    }
  };

  return (
    <View className='adm-panel adm-edit'>
      <Text className='lr-section-title'>编辑账号：{staff.username}</Text>
      <View className='adm-grid'>
        <TextField id='edit-name' label='姓名' value={draft.displayName} onChange={(v) => setDraft((d) => ({ ...d, displayName: v }))} error={errorFor(errors, 'displayName')} />
        <SelectField id='edit-role' label='角色' value={draft.role} options={ROLE_OPTIONS} onChange={(v) => setDraft((d) => ({ ...d, role: v }))} />
        <SelectField id='edit-center' label='所属中心' value={draft.centerId} options={[{ value: '', label: '不属于某个中心（仅管理员）' }, ...centerOptions]} onChange={(v) => setDraft((d) => ({ ...d, centerId: v }))} />
        <ToggleField id='edit-active' label='账号可用' checked={draft.active} onChange={(v) => setDraft((d) => ({ ...d, active: v }))} hint={isSelf ? '不能停用自己的账号' : '停用后此人立即退出登录'} />
      </View>
      {errorFor(errors, 'centerId') ? <Text className='staff-error'>{errorFor(errors, 'centerId')}</Text> : null}
      {errors.form ? <Text className='staff-error'>{errors.form}</Text> : null}
      <Button className='lr-btn lr-btn--primary' {...busyProps(busy === 'save')} onClick={() => void save()}>
        保存修改
      </Button>
      <View className='adm-grid adm-password'>
        <PasswordField id='edit-password' label='设置新密码' value={password} onChange={setPassword} error={errorFor(errors, 'password')} />
      </View>
      <Button className='lr-btn' {...busyProps(busy === 'password')} onClick={() => void savePassword()}>
        设置密码
      </Button>
    </View>
  );
}
