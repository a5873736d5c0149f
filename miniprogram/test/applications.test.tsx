import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { mergeAnswers, missingAnswers, type MyProtectionOrder, type PoAnswers } from '@zjh/shared';
import ApplicationsPage from '../src/pages/applications/index';
import ApplicationFormPage, { SAVE_DELAY_MS } from '../src/pages/applications/form';
import { STEPS } from '../src/pages/applications/interview';
import Taro, { setRouterParams } from './doubles/taro';
import { mockApi, storageWrites, type FakeResponse } from './helpers';
import { COMPLETE, mine, PO_ID } from './po-fixtures';

type Option = { url: string; method?: string; data?: any; header?: Record<string, string> };

const ONE = `/api/protection-orders/${PO_ID}`;
const DANGER = '如果你现在有危险，请立即拨打 110';

function signedIn() {
  window.localStorage.setItem('zjh_token', JSON.stringify({ data: 'her-token' }));
}

/** A small stand-in for the server: saves merge like the real one, and `missing` is the real completeness check. */
function fakeServer(initial: MyProtectionOrder, extra: Record<string, FakeResponse | ((o: Option) => FakeResponse)> = {}) {
  let state = { ...initial, missing: missingAnswers(initial.answers) };
  const patches: PoAnswers[] = [];
  const request = mockApi({
    [`GET ${ONE}`]: () => ({ statusCode: 200, data: state }),
    [`PATCH ${ONE}`]: (o) => {
      const patch = o.data as PoAnswers;
      patches.push(patch);
      const answers = mergeAnswers(state.answers, patch);
      state = { ...state, answers, missing: missingAnswers(answers) };
      return { statusCode: 200, data: state };
    },
    ...extra,
  });
  return { request, patches, get state() { return state; } };
}

async function renderForm(params: Record<string, string> = {}) {
  setRouterParams({ id: PO_ID, ...params });
  render(<ApplicationFormPage />);
  await screen.findByText(/^第 \d+ 步，共 12 步$/);
}

const byId = (id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} not on the page`);
  return el;
};
const type = (id: string, value: string) => fireEvent.change(byId(id), { target: { value } });
const tap = (id: string) => fireEvent.click(byId(id));

async function next() {
  await act(async () => {
    fireEvent.click(byId('next'));
  });
}

afterEach(() => {
  jest.useRealTimers();
  delete (global as { fetch?: unknown }).fetch;
});

describe('the intro page (申请材料)', () => {
  it('explains the order in plain words with the law, shows the danger banner, and 开始填写 starts a draft once and opens the interview', async () => {
    signedIn();
    const request = mockApi({
      'GET /api/protection-orders/mine': { statusCode: 200, data: { items: [], nextCursor: null } },
      'POST /api/protection-orders': { statusCode: 201, data: { id: PO_ID, status: 'draft' } },
    });
    render(<ApplicationsPage />);
    expect(screen.getByText(DANGER)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '拨打 110' }));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '110' });
    expect(screen.getByText(/第二十三条/)).toBeTruthy();
    expect(screen.getByText(/72 小时内决定是否发出保护令；情况紧急的，24 小时内决定（第二十八条）/)).toBeTruthy();
    expect(screen.getByText(/最长 6 个月.*第三十条/)).toBeTruthy();
    expect(screen.getByText(/公安机关和居民委员会、村民委员会.*第三十二条/)).toBeTruthy();
    expect(screen.getAllByText(/吴川市妇联与吴川市人民法院/).length).toBeGreaterThan(0);

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '开始填写' }));
    });
    const post = request.mock.calls.map(([o]) => o as Option).find((o) => o.method === 'POST')!;
    expect(post.url).toMatch(/\/api\/protection-orders$/);
    expect(post.data).toEqual({});
    expect(post.header?.['Idempotency-Key']).toMatch(/^po-/);
    expect(post.header?.Authorization).toBe('Bearer her-token');
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/applications/form?id=${PO_ID}` });
  });

  it('resumes her latest draft from the server with 继续填写, and links submitted applications to their progress', async () => {
    signedIn();
    mockApi({
      'GET /api/protection-orders/mine': {
        statusCode: 200,
        data: {
          items: [
            { id: PO_ID, status: 'draft', court: null, missingCount: 12, extendsId: null, createdAt: '2026-12-01T01:00:00.000Z', updatedAt: '2026-12-02T01:00:00.000Z' },
            { id: 'po_000000000000000002', status: 'filed', court: '吴川市人民法院', missingCount: 0, extendsId: null, createdAt: '2026-11-01T01:00:00.000Z', updatedAt: '2026-11-02T01:00:00.000Z' },
          ],
          nextCursor: null,
        },
      },
    });
    render(<ApplicationsPage />);
    await screen.findByText('还差 12 项');
    fireEvent.click(byId('continue'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/pages/applications/form?id=${PO_ID}` });
    expect(screen.getByRole('button', { name: '重新开始一份申请' })).toBeTruthy();
    const list = byId('my-applications');
    expect(within(list).getByText('还差 12 项')).toBeTruthy();
    expect(within(list).getByText('已向法院提交申请')).toBeTruthy();
    fireEvent.click(within(list).getByRole('button', { name: '查看进展' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/applications/detail?id=po_000000000000000002' });
  });

  it('in a browser without a session it lists nothing and creates no account until she starts', async () => {
    const request = mockApi({});
    render(<ApplicationsPage />);
    await screen.findByRole('button', { name: '开始填写' });
    expect(request).not.toHaveBeenCalled();
  });
});

describe('the interview', () => {
  it('resumes a server draft at the first step with something missing, showing what she saved before', async () => {
    signedIn();
    fakeServer(mine({ answers: { filer: { by: 'self' }, applicant: { name: '李春梅', gender: 'female' } } }));
    await renderForm();
    expect(screen.getByText('第 2 步，共 12 步')).toBeTruthy();
    expect(screen.getByText('申请人的基本信息')).toBeTruthy();
    expect((byId('applicant-name') as HTMLInputElement).value).toBe('李春梅');
    expect(byId('applicant-gender-female').className).toContain('ap-choice--on');
  });

  it('下一步 saves exactly the step’s part with a PATCH (a cleared field is sent as null), then moves on and says 已保存', async () => {
    signedIn();
    const server = fakeServer(mine({ answers: { filer: { by: 'self' }, applicant: { name: '李春梅', idNumber: '440881199005010000' } } }));
    await renderForm({ step: 'applicant' });
    type('applicant-name', ' 李春梅 ');
    type('applicant-id', '');
    tap('applicant-gender-female');
    type('applicant-birth', '1990-05-01');
    type('applicant-phone', '13800138000');
    expect(server.patches).toHaveLength(0);
    await next();

    expect(server.patches).toEqual([{ applicant: { name: '李春梅', idNumber: null, gender: 'female', birthDate: '1990-05-01', phone: '13800138000' } }]);
    const patch = server.request.mock.calls.map(([o]) => o as Option).find((o) => o.method === 'PATCH')!;
    expect(patch.header?.Authorization).toBe('Bearer her-token');
    expect(screen.getByText('第 3 步，共 12 步')).toBeTruthy();
    expect(screen.getByText('对方的情况')).toBeTruthy();
    expect(screen.getByText('已保存')).toBeTruthy();
    // Nothing she typed is kept on the device.
    expect(storageWrites()).toEqual([]);
    expect(JSON.stringify(window.localStorage)).not.toContain('李春梅');
  });

  it('saves on its own after a pause in typing, without waiting for 下一步', async () => {
    signedIn();
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const server = fakeServer(mine());
    await renderForm({ step: 'respondent' });
    type('respondent-name', '王强');
    expect(screen.getByText('有修改，稍后自动保存')).toBeTruthy();
    await act(async () => {
      jest.advanceTimersByTime(SAVE_DELAY_MS - 100);
    });
    expect(server.patches).toHaveLength(0);
    await act(async () => {
      jest.advanceTimersByTime(200);
    });
    await waitFor(() => expect(server.patches).toEqual([{ respondent: { name: '王强' } }]));
    await screen.findByText('已保存');
  });

  it('when the server refuses a field (400) she stays on the step, sees why under the field, and keeps what she typed', async () => {
    signedIn();
    fakeServer(mine(), {
      [`PATCH ${ONE}`]: {
        statusCode: 400,
        data: { error: { code: 'VALIDATION_FAILED', message: '提交的内容有误，请检查标注的字段', details: [{ path: 'applicant.phone', message: '请填写有效的电话号码' }] } },
      },
    });
    await renderForm({ step: 'applicant' });
    type('applicant-name', '李春梅');
    type('applicant-phone', '12');
    await next();
    expect(screen.getByText('第 2 步，共 12 步')).toBeTruthy();
    expect(within(byId('field-applicant-phone')).getByText('请填写有效的电话号码')).toBeTruthy();
    expect(screen.getByText(/未保存：有内容格式不对/)).toBeTruthy();
    expect((byId('applicant-name') as HTMLInputElement).value).toBe('李春梅');
  });

  it('shows the danger banner with a 110 call button on every step, up to the review page', async () => {
    signedIn();
    fakeServer(mine());
    await renderForm({ step: 'filer' });
    for (let i = 0; i < STEPS.length; i++) {
      expect(screen.getByText(`第 ${i + 1} 步，共 12 步`)).toBeTruthy();
      expect(screen.getByText(STEPS[i].title, { selector: '.ap-title' })).toBeTruthy();
      expect(screen.getByText(DANGER)).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: '拨打 110' }));
      expect(Taro.makePhoneCall).toHaveBeenLastCalledWith({ phoneNumber: '110' });
      if (i < STEPS.length - 1) await next();
    }
    expect(Taro.makePhoneCall).toHaveBeenCalledTimes(STEPS.length);
    expect(screen.queryByRole('button', { name: /下一步/ })).toBeNull();
  });

  it('asks who applies, and for someone applying on her behalf asks why and who they are', async () => {
    signedIn();
    const server = fakeServer(mine());
    await renderForm({ step: 'filer' });
    expect(screen.queryByText('申请人为什么不能自己申请？')).toBeNull();
    tap('filer-by-close_relative');
    type('filer-reason', '她被对方看管着，不能出门');
    type('agent-name', '张秀英');
    type('agent-relation', '母亲');
    type('agent-phone', '13900139000');
    await next();
    expect(server.patches[0]).toEqual({
      filer: { by: 'close_relative', reason: '她被对方看管着，不能出门', agent: { name: '张秀英', relation: '母亲', phone: '13900139000' } },
    });
  });

  it('records as many incidents as she needs: the whole list is sent, and one can be removed', async () => {
    signedIn();
    const server = fakeServer(mine());
    await renderForm({ step: 'incidents' });
    type('incident-0-date', '2026-11-20');
    type('incident-0-place', '家里');
    tap('incident-0-types-physical');
    tap('incident-0-types-threats');
    type('incident-0-description', '他喝酒后打了我');
    fireEvent.click(screen.getByRole('button', { name: '＋ 再添加一次' }));
    type('incident-1-date', '2026-11-25');
    type('incident-1-place', '单位门口');
    tap('incident-1-types-stalking');
    type('incident-1-description', '他在单位门口等我');
    await next();
    expect(server.patches[0]).toEqual({
      incidents: [
        { date: '2026-11-20', place: '家里', types: ['physical', 'threats'], description: '他喝酒后打了我' },
        { date: '2026-11-25', place: '单位门口', types: ['stalking'], description: '他在单位门口等我' },
      ],
    });

    await act(async () => {
      fireEvent.click(byId('prev'));
    });
    expect(screen.getByText('发生了什么？', { selector: '.ap-title' })).toBeTruthy();
    fireEvent.click(within(byId('incident-0')).getByText('删除这一次'));
    await next();
    expect(server.patches.at(-1)).toEqual({ incidents: [{ date: '2026-11-25', place: '单位门口', types: ['stalking'], description: '他在单位门口等我' }] });
  });

  it('keeps a confidential address out of the address that goes into the 申请书, moving what she typed', async () => {
    signedIn();
    const server = fakeServer(mine());
    await renderForm({ step: 'address' });
    expect(screen.getByText(/住址不会写进申请书，只单独交给法院/)).toBeTruthy();
    tap('address-confidential-no');
    type('address-plain', '吴川市某某路 8 号');
    tap('address-confidential-yes');
    expect((byId('address-secret') as HTMLInputElement).value).toBe('吴川市某某路 8 号');
    expect(document.getElementById('address-plain')).toBeNull();
    await next();
    expect(server.patches[0]).toEqual({ applicant: { confidentialAddress: true, confidentialAddressText: '吴川市某某路 8 号', address: null } });
  });

  it('the review page lists what is still missing, grouped by step, each with a link back to that step', async () => {
    signedIn();
    const { filer, applicant, relationship } = COMPLETE;
    fakeServer(mine({ answers: { filer, applicant, relationship } }));
    await renderForm({ step: 'review' });
    const missing = byId('missing');
    expect(within(missing).getByText(/^还差 \d+ 项，补上后才能提交$/)).toBeTruthy();
    expect(within(missing).getByText('第 3 步 · 对方的情况')).toBeTruthy();
    expect(within(missing).getByText('· 请填写对方姓名')).toBeTruthy();
    expect(within(missing).getByText('· 请至少描述一次发生的事情')).toBeTruthy();
    expect(within(missing).getByText('第 10 步 · 向哪个法院申请？')).toBeTruthy();
    expect(within(missing).queryByText(/第 1 步/)).toBeNull();
    // Consent is asked on this page itself, not listed as a step.
    expect(within(missing).queryByText(/敏感个人信息/)).toBeNull();
    expect(screen.getByText('姓名：李春梅')).toBeTruthy();

    await act(async () => {
      fireEvent.click(byId('go-respondent'));
    });
    expect(screen.getByText('第 3 步，共 12 步')).toBeTruthy();
    expect(byId('respondent-name')).toBeTruthy();
  });

  it('submitting needs the separate consent; a 400 lists exactly what the server says is missing; success opens the progress page', async () => {
    signedIn();
    let submits = 0;
    const server = fakeServer(mine({ answers: COMPLETE }), {
      [`POST ${ONE}/submit`]: (o) => {
        submits++;
        expect(o.data).toEqual({ consent: { sensitive: true } });
        if (submits === 1) {
          return {
            statusCode: 400,
            data: {
              error: {
                code: 'VALIDATION_FAILED',
                message: '申请还缺 2 项内容，补充后再提交',
                details: [
                  { path: 'respondent.address', message: '请填写对方住址（知道多少写多少）' },
                  { path: 'court.basis', message: '请选择向该法院申请的依据（居住地或发生地）' },
                ],
              },
            },
          };
        }
        return { statusCode: 200, data: { id: PO_ID, status: 'submitted', center: { id: 'ctr_1', name: '吴川市12338妇联维权服务中心', phone: '0759-5000001' } } };
      },
    });
    await renderForm({ step: 'review' });
    expect(screen.getByText('需要填写的内容都已填好。请再看一遍，确认无误后提交。')).toBeTruthy();
    const submit = byId('submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.click(submit);
    expect(submits).toBe(0);
    expect(screen.getByText(/我同意湛江市妇联和负责的 12338 服务中心处理申请中的经历/)).toBeTruthy();

    tap('consent');
    expect(submit.disabled).toBe(false);
    await act(async () => {
      fireEvent.click(submit);
    });
    expect(screen.getByText('申请还缺 2 项内容，补充后再提交')).toBeTruthy();
    const missing = byId('missing');
    expect(within(missing).getByText('· 请填写对方住址（知道多少写多少）')).toBeTruthy();
    expect(within(missing).getByText('· 请选择向该法院申请的依据（居住地或发生地）')).toBeTruthy();
    expect(Taro.redirectTo).not.toHaveBeenCalled();

    await act(async () => {
      fireEvent.click(byId('submit'));
    });
    expect(submits).toBe(2);
    expect(server.patches).toEqual([]);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/pages/applications/detail?id=${PO_ID}&sent=1` });
  });

  it('when staff asked for more, only the reopened parts can be changed', async () => {
    signedIn();
    fakeServer(mine({ status: 'needs_info', answers: COMPLETE, editableSections: ['incidents'] }));
    await renderForm();
    expect(screen.getByText('发生了什么？', { selector: '.ap-title' })).toBeTruthy();
    expect(byId('incident-0-place')).toBeTruthy();
    expect(screen.getByText('工作人员请你补充材料。补充后到最后一步重新提交。')).toBeTruthy();
    await act(async () => {
      fireEvent.click(byId('prev'));
    });
    expect(screen.getByText('工作人员没有请你修改这一部分，这里只显示已填写的内容。')).toBeTruthy();
    expect(screen.getByText('配偶')).toBeTruthy();
    expect(document.getElementById('relationship-type-spouse')).toBeNull();
  });
});

describe('evidence uploads', () => {
  function fetchAnswering(status: number, body: unknown) {
    const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) => ({ status, ok: status < 300, text: async () => JSON.stringify(body) }));
    (global as { fetch?: unknown }).fetch = fetchMock;
    return fetchMock;
  }

  it('a file the server refuses by its content (415) shows the server’s message under that kind, and nothing else is lost', async () => {
    signedIn();
    const server = fakeServer(mine({ answers: { evidence: { police_receipt: { has: true, note: '11 月 20 日报警' } } } }));
    const fetchMock = fetchAnswering(415, {
      error: { code: 'UNSUPPORTED_FILE_TYPE', message: '只能上传照片（JPEG、PNG、WebP、HEIC）或 PDF 文件，这个文件不是这几种格式' },
    });
    await renderForm({ step: 'evidence' });
    tap('evidence-medical_records-has-yes');
    const file = new File(['not really a picture'], 'injury.png', { type: 'image/png' });
    await act(async () => {
      fireEvent.change(byId('upload-medical_records'), { target: { files: [file] } });
    });

    expect(await within(byId('evidence-medical_records')).findByText('只能上传照片（JPEG、PNG、WebP、HEIC）或 PDF 文件，这个文件不是这几种格式')).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(`${ONE}/evidence`);
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer her-token');
    const form = init?.body as FormData;
    expect(form.get('kind')).toBe('medical_records');
    expect((form.get('file') as File).name).toBe('injury.png');
    // What she already answered stays, on the screen and on the server.
    expect((byId('evidence-police_receipt-note') as HTMLTextAreaElement).value).toBe('11 月 20 日报警');
    expect(server.state.answers.evidence?.police_receipt).toEqual({ has: true, note: '11 月 20 日报警' });
    expect(screen.queryByText('injury.png')).toBeNull();
  });

  it('a file over the size limit is refused before uploading, a 413 shows the server’s message, and an accepted file is listed', async () => {
    signedIn();
    fakeServer(mine());
    const fetchMock = fetchAnswering(413, { error: { code: 'APPLICATION_FILES_TOO_LARGE', message: '一份申请的材料合计不能超过 50 MB，可以删除不需要的文件后再上传' } });
    await renderForm({ step: 'evidence' });
    tap('evidence-chat_records-has-yes');
    const huge = new File(['x'], 'video.png', { type: 'image/png' });
    Object.defineProperty(huge, 'size', { value: 11 * 1024 * 1024 });
    await act(async () => {
      fireEvent.change(byId('upload-chat_records'), { target: { files: [huge] } });
    });
    expect(within(byId('evidence-chat_records')).getByText('“video.png”超过 10 MB，请压缩后再上传')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();

    await act(async () => {
      fireEvent.change(byId('upload-chat_records'), { target: { files: [new File(['png'], 'chat.png', { type: 'image/png' })] } });
    });
    expect(await screen.findByText('一份申请的材料合计不能超过 50 MB，可以删除不需要的文件后再上传')).toBeTruthy();

    fetchAnswering(201, { id: 'fil_0000000000000001', kind: 'chat_records', mimeType: 'image/png', size: 2048, name: 'chat.png', createdAt: '2026-12-01T01:00:00.000Z' });
    await act(async () => {
      fireEvent.change(byId('upload-chat_records'), { target: { files: [new File(['png'], 'chat.png', { type: 'image/png' })] } });
    });
    expect(await within(byId('evidence-chat_records')).findByText('chat.png')).toBeTruthy();
    expect(within(byId('evidence-chat_records')).queryByText(/50 MB/)).toBeNull();
  });
});
