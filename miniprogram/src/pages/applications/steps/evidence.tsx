import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PoEvidenceKind, PoEvidenceLimits, type PoEvidenceFileDto } from '@zjh/shared';
import { isH5 } from '../../../services/env';
import type { PickedFile } from '../../../services/files';
import { AreaField, FieldError, YesNo } from '../fields';
import { errorOf, type StepProps } from './step-props';

type Kind = (typeof PoEvidenceKind.codes)[number];

const MB = 1024 * 1024;

const KIND_HINTS: Record<Kind, string> = {
  police_receipt: '报警后派出所给的回执，或者公安机关出具的告诫书',
  medical_records: '看病的病历、诊断证明，身上伤情的照片',
  chat_records: '对方威胁、辱骂的聊天记录或短信截图',
  witnesses: '看到或听到经过的人，如邻居、亲友（写下是谁、怎么联系）',
  federation_records: '以前向妇联、居委会、村委会求助的记录',
};

export function formatSize(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export interface EvidenceFilesProps {
  files: PoEvidenceFileDto[];
  /** Total bytes of her files (the 50 MB limit counts all of them). */
  totalBytes?: number;
  /** Absent: files can be viewed but not added or removed (the back office, or a locked step). */
  onPick?: (kind: Kind, files: PickedFile[]) => void;
  onDelete?: (file: PoEvidenceFileDto) => void;
  onOpen: (file: PoEvidenceFileDto) => void;
  /** The kind being uploaded right now. */
  uploading?: Kind | null;
  /** Per kind: why the last file was refused (415, 413 …). */
  uploadErrors?: Partial<Record<Kind, string>>;
}

/** Picking files: the file chooser in a browser; photos or a PDF from a chat in WeChat. */
function Picker({ kind, onPick, busy }: { kind: Kind; onPick: (kind: Kind, files: PickedFile[]) => void; busy: boolean }) {
  if (busy) return <Text className='ap-hint'>正在上传…</Text>;
  if (isH5()) {
    return (
      <label className='ap-upload' htmlFor={`upload-${kind}`}>
        <span className='ap-upload__text'>上传照片或 PDF</span>
        <input
          id={`upload-${kind}`}
          className='ap-upload__input'
          type='file'
          multiple
          accept='image/jpeg,image/png,image/webp,image/heic,application/pdf'
          onChange={(e) => {
            const picked = Array.from(e.target.files ?? []).map((file): PickedFile => ({ kind: 'browser', file }));
            e.target.value = '';
            if (picked.length) onPick(kind, picked);
          }}
        />
      </label>
    );
  }
  const photos = () =>
    Promise.resolve(Taro.chooseImage({ count: 9, sizeType: ['compressed'], sourceType: ['album', 'camera'] }))
      .then((res) => onPick(kind, res.tempFiles.map((f): PickedFile => ({ kind: 'weapp', path: f.path, size: f.size }))))
      .catch(() => undefined);
  const pdf = () =>
    Promise.resolve(Taro.chooseMessageFile({ count: 9, type: 'file', extension: ['pdf'] }))
      .then((res) => onPick(kind, res.tempFiles.map((f): PickedFile => ({ kind: 'weapp', path: f.path, size: f.size, name: f.name }))))
      .catch(() => undefined);
  return (
    <View className='ap-upload-row'>
      <Button className='ap-btn ap-btn--soft ap-btn--half' onClick={photos}>
        拍照或选照片
      </Button>
      <Button className='ap-btn ap-btn--soft ap-btn--half' onClick={pdf}>
        从聊天选 PDF
      </Button>
    </View>
  );
}

/** The files of one kind, each openable; removable while she can edit. */
export function FileList({ files, onOpen, onDelete }: { files: PoEvidenceFileDto[]; onOpen: (f: PoEvidenceFileDto) => void; onDelete?: (f: PoEvidenceFileDto) => void }) {
  if (files.length === 0) return null;
  return (
    <View className='ap-files'>
      {files.map((f) => (
        <View key={f.id} className='ap-file'>
          <Text className='ap-file__name' onClick={() => onOpen(f)}>
            {f.name}
          </Text>
          <Text className='ap-file__size'>{formatSize(f.size)}</Text>
          {onDelete ? (
            <Text className='ap-link ap-file__delete' onClick={() => onDelete(f)}>
              删除
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}

/** The evidence checklist: for each kind, whether she has it, a note, and its files. */
export function EvidenceStep({ answers, update, errors, onBlur, files, totalBytes, onPick, onDelete, onOpen, uploading, uploadErrors }: StepProps & EvidenceFilesProps) {
  const e = answers.evidence ?? {};
  const setItem = (kind: Kind, patch: { has?: boolean; note?: string }) => update('evidence', { ...e, [kind]: { ...e[kind], ...patch } });
  return (
    <View>
      <Text className='ap-lead'>有证据更好；暂时没有也可以先申请，法院可以根据申请人的陈述作出决定，工作人员也会帮你整理。</Text>
      {onPick ? (
        <Text className='ap-hint'>{`可以上传照片或 PDF，每个文件不超过 ${PoEvidenceLimits.fileBytes / MB} MB，全部合计不超过 ${PoEvidenceLimits.applicationBytes / MB} MB${
          totalBytes ? `（已用 ${formatSize(totalBytes)}）` : ''
        }。`}</Text>
      ) : null}
      {PoEvidenceKind.codes.map((kind) => {
        const item = e[kind] ?? {};
        const mine = files.filter((f) => f.kind === kind);
        return (
          <View key={kind} className='ap-evidence' id={`evidence-${kind}`}>
            <YesNo
              id={`evidence-${kind}-has`}
              label={PoEvidenceKind.labels[kind]}
              hint={KIND_HINTS[kind]}
              yes='有'
              no='没有'
              value={item.has ?? (mine.length > 0 ? true : undefined)}
              error={errorOf(errors, `evidence.${kind}.has`)}
              onChange={(has) => setItem(kind, { has })}
            />
            {item.has || mine.length > 0 ? (
              <View>
                <AreaField
                  id={`evidence-${kind}-note`}
                  label='说明'
                  optional
                  placeholder={kind === 'witnesses' ? '如：邻居王阿姨，电话 …' : '如：什么时候、在哪里取得'}
                  value={item.note}
                  maxlength={500}
                  error={errorOf(errors, `evidence.${kind}.note`)}
                  onChange={(note) => setItem(kind, { note })}
                  onBlur={onBlur}
                />
                <FileList files={mine} onOpen={onOpen} onDelete={onDelete} />
                {onPick ? <Picker kind={kind} onPick={onPick} busy={uploading === kind} /> : null}
                <FieldError message={uploadErrors?.[kind]} />
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
