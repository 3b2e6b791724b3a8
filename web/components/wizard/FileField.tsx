'use client';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { BYTES_PER_MB } from '@sportello/schemas/runtime';
import { formNameOf } from '@/lib/wizard/model';
import { idOf, useWizard, type FieldInfo } from './context';
import { FieldErrors } from './FieldView';

// The unit of a field's maxSizeMb and of the server's upload cap (10 MB = 10,000,000 bytes).
const MB = BYTES_PER_MB;

/** Uploads to /attachments (forwarded to the server) with progress; the answer holds the attachment id. */
export function FileField({ field, pointer, label, help }: { field: FieldInfo; pointer: string; label: string; help: string | null }) {
  const w = useWizard();
  const { t } = useTranslation();
  const name = formNameOf(pointer);
  const value = useWatch({ control: w.control, name }) as string | string[] | undefined;
  const multiple = field.kind === 'list';
  const ids = (Array.isArray(value) ? value : value ? [value] : []).filter(Boolean);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const id = idOf(pointer);
  const accept = field.ui.accept ?? [];
  const maxMb = field.ui.maxSizeMb ?? 10;
  const types = accept.map((a) => a.split('/')[1]?.toUpperCase()).join(', ');
  const required = w.required.has(pointer);

  const onFile = (file: File | undefined) => {
    setProblem(null);
    if (!file) return;
    if (file.size > maxMb * MB) return setProblem(t('wizard.file.tooLarge', { mb: maxMb }));
    if (accept.length && !accept.includes(file.type)) return setProblem(t('wizard.file.badType', { types }));
    if (!w.online) return setProblem(t('wizard.file.offline'));
    const xhr = new XMLHttpRequest();
    const qs = new URLSearchParams({ serviceId: w.serviceId, field: pointer, name: file.name });
    xhr.open('PUT', `/attachments?${qs}`);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.onerror = () => { setProgress(null); setProblem(t('wizard.file.failed', { message: t('wizard.file.offline') })); };
    xhr.onload = () => {
      setProgress(null);
      let body: { id?: string; fileName?: string; size?: number; draftRowVersion?: number; errors?: Array<{ message: string }> } = {};
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status !== 201 || !body.id) return setProblem(t('wizard.file.failed', { message: body.errors?.[0]?.message ?? `HTTP ${xhr.status}` }));
      w.rememberFile(body.id, { name: body.fileName ?? file.name, size: body.size ?? file.size }, body.draftRowVersion);
      w.setValue(name, multiple ? [...ids, body.id] : body.id, { shouldDirty: true });
    };
    setProgress(0);
    xhr.send(file);
  };

  const removeId = (fid: string) => w.setValue(name, multiple ? ids.filter((x) => x !== fid) : '', { shouldDirty: true });
  const canAdd = multiple ? ids.length < ((field.schema.maxItems as number | undefined) ?? 20) : ids.length === 0;
  return (
    <div className="wizard-field">
      <label className="form-label" htmlFor={id}>
        {label}{required ? <span aria-hidden="true"> *</span> : null}
        {required ? <span className="visually-hidden"> ({t('wizard.required')})</span> : null}
      </label>
      {help ? <p id={`${id}-help`} className="field-help mb-1">{help}</p> : null}
      <p id={`${id}-limits`} className="field-help mb-1">{t('wizard.file.limits', { types, mb: maxMb })}</p>
      <FieldErrors pointer={pointer} id={`${id}-error`} />
      {problem ? <p className="field-error" role="alert">{problem}</p> : null}
      <ul className="list-unstyled mb-2">
        {ids.map((fid) => {
          const meta = w.files[fid];
          const shown = meta ? `${meta.name}` : fid.slice(0, 8);
          return (
            <li key={fid} className="d-flex align-items-center gap-2">
              <span>{t('wizard.file.uploaded', { name: shown, size: meta ? `${Math.max(1, Math.round(meta.size / 1024))} KB` : '' })}</span>
              <button type="button" className="btn btn-link btn-sm p-0" onClick={() => removeId(fid)}>{t('wizard.file.remove', { name: shown })}</button>
            </li>
          );
        })}
      </ul>
      {progress !== null ? (
        <div className="progress mb-2" role="progressbar" aria-label={t('wizard.file.uploading', { percent: progress })} aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100}>
          <div className="progress-bar" style={{ width: `${progress}%` }} />
        </div>
      ) : null}
      {canAdd ? (
        <input id={id} type="file" className="form-control" accept={accept.join(',')} disabled={progress !== null}
          aria-describedby={`${id}-limits${help ? ` ${id}-help` : ''}`} aria-invalid={w.errors.get(pointer)?.length ? true : undefined}
          onChange={(e) => { onFile(e.target.files?.[0]); e.target.value = ''; }} />
      ) : null}
    </div>
  );
}
