'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '@/gql';
import { gql, GqlError } from '@/lib/client/gql';
import { refusalOfReply, refusalOfUpload, type Refusal } from './reply-refusals';

const Reply = graphql(`
  mutation ReplyToPratica($input: ReplyToPraticaInput!) { replyToPratica(input: $input) { praticaId to rowVersion } }
`);
const Status = graphql(`
  query ReplyFormStatus($id: ID!) { myPraticaStatus(praticaId: $id) { state stateLabel rowVersion awaitedReply { until open } } }
`);

const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';
const MAX_FILES = 10;
const MAX_TEXT = 10_000;
const draftKey = (praticaId: string) => `sportello.reply.${praticaId}`;

interface Sent { id: string; name: string; size: number }

/**
 * The citizen's answer to an integration request or a notice of denial: text and files (each
 * uploaded at once to /attachments?praticaId=, forwarded to the server), then replyToPratica,
 * which moves the pratica. The text is kept on this device as it is typed, so a refusal, an
 * expired session or a reload loses nothing; it is forgotten once the reply is sent.
 */
export function ReplyForm({ ente, praticaId, rowVersion: initialVersion, language }: { ente: string; praticaId: string; rowVersion: number; language: string }) {
  const { t } = useTranslation();
  const router = useRouter();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<Sent[]>([]);
  const [rowVersion, setRowVersion] = useState(initialVersion);
  const [progress, setProgress] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [textError, setTextError] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    try {
      const kept = localStorage.getItem(draftKey(praticaId));
      if (kept) setText(kept);
    } catch { /* no storage: nothing kept */ }
  }, [praticaId]);
  useEffect(() => { if (refusal) alertRef.current?.focus(); }, [refusal]);

  const keep = (value: string) => {
    setText(value);
    try {
      if (value) localStorage.setItem(draftKey(praticaId), value);
      else localStorage.removeItem(draftKey(praticaId));
    } catch { /* no storage */ }
  };

  const onFile = (file: File | undefined) => {
    setRefusal(null);
    if (!file) return;
    if (files.length >= MAX_FILES) return setRefusal({ message: t('pratica.reply.tooManyFiles', { max: MAX_FILES }) });
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', `/attachments?${new URLSearchParams({ praticaId, name: file.name })}`);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.onerror = () => { setProgress(null); setRefusal(refusalOfUpload(t, 0, null, file.name)); };
    xhr.onload = () => {
      setProgress(null);
      let body: { id?: string; fileName?: string; size?: number; errors?: Array<{ message: string; extensions?: { code?: string; params?: Record<string, unknown> } }> } = {};
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status !== 201 || !body.id) return setRefusal(refusalOfUpload(t, xhr.status, body.errors?.[0] ?? null, file.name));
      setFiles((f) => [...f, { id: body.id!, name: body.fileName ?? file.name, size: body.size ?? file.size }]);
    };
    setProgress(0);
    xhr.send(file);
  };

  async function send(e: React.FormEvent) {
    e.preventDefault();
    setRefusal(null);
    const body = text.trim();
    if (!body) { setTextError(t('pratica.reply.textRequired')); document.getElementById('reply-text')?.focus(); return; }
    if (body.length > MAX_TEXT) { setTextError(t('pratica.reply.textTooLong', { max: MAX_TEXT })); document.getElementById('reply-text')?.focus(); return; }
    setTextError(null);
    setSending(true);
    try {
      await gql(Reply, { input: { praticaId, rowVersion, text: body, attachmentIds: files.map((f) => f.id) } });
      try { localStorage.removeItem(draftKey(praticaId)); } catch { /* no storage */ }
      router.replace(`/${ente}/pratiche/${praticaId}?risposta=inviata`);
      router.refresh();
    } catch (err) {
      const refused = err instanceof GqlError ? err : new GqlError(String(err), 'ERROR');
      if (refused.code === 'CONFLICT' && refused.key === 'timeline.reply.filesChanged') setFiles([]);
      let current: { stateLabel: string; rowVersion: number; open: boolean } | null = null;
      if (refused.code === 'CONFLICT' && refused.key !== 'timeline.reply.filesChanged') {
        // Someone moved the pratica meanwhile: read where it stands; if it still waits, the next send uses the new version.
        const s = await gql(Status, { id: praticaId }).then((d) => d.myPraticaStatus).catch(() => null);
        if (s) {
          current = { stateLabel: s.stateLabel, rowVersion: s.rowVersion, open: !!s.awaitedReply?.open };
          setRowVersion(s.rowVersion);
        }
      }
      setRefusal(refusalOfReply(t, refused, language, current));
    } finally {
      setSending(false);
    }
  }

  const back = `/${ente}/pratiche/${praticaId}`;
  return (
    <form onSubmit={send} noValidate aria-labelledby="reply-title" className="mt-3" data-testid="reply-form">
      <h3 id="reply-title" className="h5">{t('pratica.reply.title')}</h3>
      {refusal ? (
        <div ref={alertRef} tabIndex={-1} className="alert alert-danger" role="alert" data-testid="reply-refusal">
          <p className="mb-0">{refusal.message}</p>
          {refusal.login ? <p className="mb-0 mt-2"><a href={`/${ente}/accedi?back=${encodeURIComponent(back)}`}>{t('pratica.reply.loginAgain')}</a></p> : null}
          {refusal.reload ? <p className="mb-0 mt-2"><a href={back}>{t('pratica.reply.reload')}</a></p> : null}
        </div>
      ) : null}
      <div className="mb-3">
        <label htmlFor="reply-text" className="form-label">{t('pratica.reply.text')}</label>
        <p id="reply-text-help" className="form-text mb-1">{t('pratica.reply.textHelp', { max: MAX_TEXT.toLocaleString(language) })}</p>
        {textError ? <p id="reply-text-error" className="text-danger mb-1">{textError}</p> : null}
        <textarea id="reply-text" className="form-control" rows={6} value={text} maxLength={MAX_TEXT}
          aria-describedby={`reply-text-help${textError ? ' reply-text-error' : ''}`} aria-invalid={textError ? true : undefined}
          onChange={(e) => keep(e.target.value)} />
      </div>
      <div className="mb-3">
        <label htmlFor="reply-file" className="form-label">{t('pratica.reply.files')}</label>
        <p id="reply-file-help" className="form-text mb-1">{t('pratica.reply.filesHelp', { max: MAX_FILES })}</p>
        {files.length ? (
          <ul className="list-unstyled mb-2" aria-label={t('pratica.reply.attached')}>
            {files.map((f) => (
              <li key={f.id} className="d-flex align-items-center gap-2" data-testid="reply-file">
                <span>{f.name} ({Math.max(1, Math.round(f.size / 1024))} KB)</span>
                <button type="button" className="btn btn-link btn-sm p-0" onClick={() => setFiles((all) => all.filter((x) => x.id !== f.id))}>
                  {t('pratica.reply.removeFile', { name: f.name })}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {progress !== null ? (
          <div className="progress mb-2" role="progressbar" aria-label={t('pratica.reply.uploading', { percent: progress })} aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100}>
            <div className="progress-bar" style={{ width: `${progress}%` }} />
          </div>
        ) : null}
        <input id="reply-file" type="file" className="form-control" accept={ACCEPT} disabled={progress !== null || files.length >= MAX_FILES}
          aria-describedby="reply-file-help" onChange={(e) => { onFile(e.target.files?.[0]); e.target.value = ''; }} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={sending || progress !== null}>
        {sending ? t('pratica.reply.sending') : t('pratica.reply.send')}
      </button>
    </form>
  );
}
