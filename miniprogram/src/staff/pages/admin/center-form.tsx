import { Button, Checkbox, CheckboxGroup, Label, Text, View } from '@tarojs/components';
import { CenterService, type AdminCenter, type UpdateCenterInput } from '@zjh/shared';
import { useState } from 'react';
import { errorMessage, toast } from '../../../services/api';
import { isH5 } from '../../../services/env';
import { errorFor, fieldErrorsOf, type FieldErrors } from '../../../services/field-errors';
import { AreaField, TextField, ToggleField } from '../../components/form-fields';
import { updateCenter } from '../../services/staff-admin';

function ServiceChecks({ value, onChange }: { value: CenterService[]; onChange: (v: CenterService[]) => void }) {
  const toggle = (code: CenterService, on: boolean) => onChange(CenterService.codes.filter((c) => (c === code ? on : value.includes(c))));
  if (isH5()) {
    return (
      <View className='adm-services'>
        {CenterService.codes.map((code) => (
          <label key={code}>
            <input type='checkbox' aria-label={CenterService.labels[code]} checked={value.includes(code)} onChange={(e) => toggle(code, e.target.checked)} />
            <Text>{CenterService.labels[code]}</Text>
          </label>
        ))}
      </View>
    );
  }
  return (
    <CheckboxGroup className='adm-services' onChange={(e) => onChange(CenterService.codes.filter((c) => (e.detail.value as string[]).includes(c)))}>
      {CenterService.codes.map((code) => (
        <Label key={code}>
          <Checkbox value={code} checked={value.includes(code)} />
          <Text>{CenterService.labels[code]}</Text>
        </Label>
      ))}
    </CheckboxGroup>
  );
}

/** The edit form of one center. Coordinates are typed as text and sent as numbers. */
export function CenterForm({ center, onSaved }: { center: AdminCenter; onSaved: (c: AdminCenter) => void }) {
  const [d, setD] = useState({
    name: center.name,
    address: center.address,
    phone: center.phone,
    hours: center.hours,
    lat: String(center.lat),
    lng: String(center.lng),
    note: center.note ?? '',
    services: center.services,
    active: center.active,
    sampleLocation: center.sampleLocation,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof d>(k: K) => (v: (typeof d)[K]) => setD((x) => ({ ...x, [k]: v }));

  const save = async () => {
    if (busy) return;
    const local: FieldErrors = {};
    const lat = Number(d.lat);
    const lng = Number(d.lng);
    if (d.lat.trim() === '' || !Number.isFinite(lat) || lat < -90 || lat > 90) local.lat = '纬度应在 -90 到 90 之间';
    if (d.lng.trim() === '' || !Number.isFinite(lng) || lng < -180 || lng > 180) local.lng = '经度应在 -180 到 180 之间';
    setErrors(local);
    if (Object.keys(local).length) return;
    const input: UpdateCenterInput = {
      name: d.name,
      address: d.address,
      phone: d.phone,
      hours: d.hours,
      lat,
      lng,
      services: d.services,
      note: d.note.trim() ? d.note.trim() : null,
      active: d.active,
      sampleLocation: d.sampleLocation,
    };
    setBusy(true);
    try {
      onSaved(await updateCenter(center.id, input));
      toast('已保存');
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setErrors(Object.keys(fields).length ? fields : { form: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='adm-panel adm-center-form'>
      <Text className='lr-section-title'>编辑：{center.name}</Text>
      <View className='adm-grid'>
        <TextField id='c-name' label='中心名称' value={d.name} onChange={set('name')} error={errorFor(errors, 'name')} />
        <TextField id='c-phone' label='电话' value={d.phone} onChange={set('phone')} error={errorFor(errors, 'phone')} />
      </View>
      <TextField id='c-address' label='地址' value={d.address} onChange={set('address')} error={errorFor(errors, 'address')} />
      <TextField id='c-hours' label='开放时间' value={d.hours} onChange={set('hours')} error={errorFor(errors, 'hours')} />
      <View className='adm-grid'>
        <TextField id='c-lat' label='纬度' value={d.lat} onChange={set('lat')} error={errorFor(errors, 'lat')} />
        <TextField id='c-lng' label='经度' value={d.lng} onChange={set('lng')} error={errorFor(errors, 'lng')} />
        <ToggleField id='c-sample' label='坐标为示例数据' checked={d.sampleLocation} onChange={set('sampleLocation')} hint='核实地址和坐标后关闭' />
      </View>
      <Text className='form-field__label'>提供的服务</Text>
      <ServiceChecks value={d.services} onChange={set('services')} />
      {errorFor(errors, 'services') ? <Text className='staff-error'>{errorFor(errors, 'services')}</Text> : null}
      <AreaField id='c-note' label='备注' value={d.note} onChange={set('note')} rows={2} maxLength={300} error={errorFor(errors, 'note')} />
      <ToggleField id='c-active' label='对外开放' checked={d.active} onChange={set('active')} hint='关闭后，该中心不再出现在中心列表，也不会被分配新的求助' />
      {errors.form ? <Text className='staff-error'>{errors.form}</Text> : null}
      <Button className='lr-btn lr-btn--primary' {...(busy ? { loading: true, disabled: true } : {})} onClick={() => void save()}>
        保存中心信息
      </Button>
    </View>
  );
}
