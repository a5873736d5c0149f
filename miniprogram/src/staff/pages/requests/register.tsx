import Taro from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { Districts, Priority, RequestCategory, type Center, type RegisterRequestInput } from '@zjh/shared';
import { useEffect, useRef, useState } from 'react';
import { CheckRow } from '../../../components/check-row';
import { ApiError, errorMessage, toast } from '../../../services/api';
import { errorFor, fieldErrorsOf, type FieldErrors } from '../../../services/field-errors';
import { newIdempotencyKey } from '../../../services/idempotency';
import { emptyContactDraft, toSafeContact, type ContactDraft } from '../../../services/safe-contact';
import { SelectField } from '../../components/select-field';
import { StaffLayout } from '../../components/staff-layout';
import { listActiveCenters, registerRequest, REQUEST_DETAIL_PATH } from '../../services/staff-requests';
import { useStaff } from '../../services/use-staff';
import { ContactForm } from './contact-form';
import '../staff.scss';
import './detail.scss';
import './register.scss';

type RegisterChannel = RegisterRequestInput['channel'];
const CHANNELS: Array<{ value: RegisterChannel; label: string }> = [
  { value: 'hotline', label: '12338 热线来电' },
  { value: 'walk_in', label: '来访' },
  { value: 'referral', label: '其他单位转介' },
];
const CATEGORY_OPTIONS = RequestCategory.codes.map((c) => ({ value: c, label: RequestCategory.labels[c] }));
const DISTRICT_OPTIONS = [{ value: '', label: '不确定' }, ...Districts.map((d) => ({ value: d, label: d }))];

/** 登记求助: a request that came by the 12338 hotline, a visit or a referral, recorded by staff. */
export default function RegisterRequestPage() {
  const { staff } = useStaff();
  const [channel, setChannel] = useState<RegisterChannel>('hotline');
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [district, setDistrict] = useState('');
  const [persons, setPersons] = useState('1');
  const [priority, setPriority] = useState<RegisterRequestInput['priority']>([]);
  const [withContact, setWithContact] = useState(false);
  const [contact, setContact] = useState<ContactDraft>(emptyContactDraft);
  const [consent, setConsent] = useState(false);
  const [centers, setCenters] = useState<Center[]>([]);
  const [centerId, setCenterId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey('reg'));
  const isAdmin = staff?.role === 'admin';

  useEffect(() => {
    if (!isAdmin) return;
    listActiveCenters()
      .then(setCenters)
      .catch(() => undefined);
  }, [isAdmin]);

  const err = (...paths: string[]) => {
    const m = errorFor(errors, ...paths);
    return m ? <Text className='staff-error'>{m}</Text> : null;
  };

  const submit = async () => {
    if (busy || !consent) return;
    const local: FieldErrors = {};
    if (!category) local.category = '请选择求助类别';
    if (!description.trim()) local.description = '请填写情况记录';
    if (withContact && !contact.phone.trim()) local['contact.phone'] = '请填写联系电话';
    const count = Number(persons);
    if (!Number.isInteger(count) || count < 1 || count > 100) local.persons = '人数须为 1–100 的整数';
    if (Object.keys(local).length) {
      setErrors(local);
      setFormError('请检查标注的内容');
      return;
    }
    const input: RegisterRequestInput = {
      channel,
      category: category as RegisterRequestInput['category'],
      description: description.trim(),
      persons: count,
      ...(district ? { district: district as RegisterRequestInput['district'] } : {}),
      ...(withContact ? { contact: toSafeContact(contact) } : {}),
      ...(priority?.length ? { priority } : {}),
      ...(isAdmin && centerId ? { centerId } : {}),
      consent: { sensitive: true },
    };
    setBusy(true);
    setErrors({});
    setFormError('');
    try {
      const created = await registerRequest(input, key.current);
      key.current = newIdempotencyKey('reg');
      toast(`已登记 ${created.ref}`);
      Promise.resolve(Taro.redirectTo({ url: `${REQUEST_DETAIL_PATH}?id=${encodeURIComponent(created.id)}` })).catch(() => undefined);
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      setFormError(e instanceof ApiError && e.code === 'IDEMPOTENCY_KEY_REUSED' ? '刚才的登记可能已经成功，请先在收件箱中查看。' : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <StaffLayout title='登记求助' nav='register' wide>
      <View className='staff-card rq-panel rg-form'>
        <Text className='rg-label'>来源</Text>
        <View className='rq-buttons'>
          {CHANNELS.map((c) => (
            <Button key={c.value} className={`staff-btn rq-btn ${channel === c.value ? 'rq-btn--primary' : 'rq-btn--quiet'}`} onClick={() => setChannel(c.value)}>
              {c.label}
            </Button>
          ))}
        </View>

        <View className='rg-row'>
          <View className='rg-cell'>
            <SelectField id='rg-category' label='求助类别' value={category} options={CATEGORY_OPTIONS} onChange={setCategory} placeholder='选择类别' />
            {err('category')}
          </View>
          <View className='rg-cell'>
            <SelectField id='rg-district' label='所在区县' value={district} options={DISTRICT_OPTIONS} onChange={setDistrict} />
            {err('district')}
          </View>
          <View className='rg-cell rg-cell--small'>
            <Text className='rg-label'>涉及人数</Text>
            <Input className='staff-field__input' type='number' value={persons} maxlength={3} onInput={(e) => setPersons(e.detail.value)} />
            {err('persons')}
          </View>
          {isAdmin ? (
            <View className='rg-cell'>
              <SelectField
                id='rg-center'
                label='登记到中心'
                value={centerId}
                options={centers.map((c) => ({ value: c.id, label: c.name }))}
                onChange={setCenterId}
                placeholder='选择中心'
              />
              {err('centerId')}
            </View>
          ) : null}
        </View>

        <Text className='rg-label'>情况记录</Text>
        <Textarea id='rg-description' className='rq-textarea rg-description' value={description} maxlength={5000} placeholder='来电/来访反映的情况' onInput={(e) => setDescription(e.detail.value)} />
        {err('description')}

        <Text className='rg-label'>优先级</Text>
        <View className='rq-buttons'>
          {Priority.codes.map((flag) => (
            <Button
              key={flag}
              className={`staff-btn rq-flag ${priority?.includes(flag) ? `rq-flag--on badge--${flag}` : ''}`}
              onClick={() => setPriority((p) => (p?.includes(flag) ? p.filter((f) => f !== flag) : [...(p ?? []), flag]))}
            >
              {Priority.labels[flag]}
            </Button>
          ))}
        </View>

        <Text className='rg-label'>联系方式</Text>
        <View className='rq-buttons'>
          <Button className={`staff-btn rq-btn ${withContact ? 'rq-btn--primary' : 'rq-btn--quiet'}`} onClick={() => setWithContact(true)}>
            留下了联系方式
          </Button>
          <Button className={`staff-btn rq-btn ${!withContact ? 'rq-btn--primary' : 'rq-btn--quiet'}`} onClick={() => setWithContact(false)}>
            匿名 / 不便留联系方式
          </Button>
        </View>
        {withContact ? <ContactForm value={contact} onChange={setContact} errors={errors} /> : null}

        <CheckRow id='rg-consent' checked={consent} onChange={setConsent}>
          <Text>当事人已同意处理敏感个人信息（已告知用途：仅用于为其提供帮助）。</Text>
        </CheckRow>
        {err('consent')}

        {formError ? <Text className='staff-error'>{formError}</Text> : null}
        <Button
          className='staff-btn staff-btn--primary rg-submit'
          {...(busy ? { loading: true, disabled: true } : !consent ? { disabled: true } : {})}
          onClick={() => void submit()}
        >
          登记
        </Button>
        {!consent ? <Text className='rq-panel__hint'>请先确认当事人已同意处理敏感个人信息，才能登记。</Text> : null}
      </View>
    </StaffLayout>
  );
}
