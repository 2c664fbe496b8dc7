import { useEffect, useRef, useState } from 'react';
import type { PdfJob, PdfPhase } from '../pdf/pdf-job.ts';
import type { SiteT } from '../lib/site-t.ts';

type Status =
  | { kind: 'waiting' }
  | { kind: 'working'; phase: PdfPhase | 'queued' }
  | { kind: 'ready' }
  | { kind: 'failed'; message: string };

/** Saves a blob under a file name (an `<a download>` click: what a user's own click would do). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The live PDF preview: renders `job` in the PDF worker a moment after the last change, shows
 * what the worker is doing (loading the engine, rendering) with a progress bar, and offers the
 * download. It starts only when it comes into view (or a download is asked for): the PDF engine
 * never loads on a page nobody previews. When the form has problems, `job` is undefined and the
 * last good preview stays, marked out of date.
 */
export function PdfPreview({
  t,
  job,
  fileName,
  title,
  blocked,
  autoStart = true,
  prewarm = false,
  idleText,
  onRendered,
}: {
  t: SiteT;
  job: PdfJob | undefined;
  fileName: string;
  title: string;
  /** what stops the preview (an error summary), shown in its place */
  blocked?: React.ReactNode;
  /** render as soon as visible (false: only on request, e.g. a letter picked from a list) */
  autoStart?: boolean;
  /** load the PDF engine as soon as the preview is in view, before the form is complete (builders, whose point is the document) */
  prewarm?: boolean;
  /** what to say while there is nothing to render (default: the form is not complete yet) */
  idleText?: string | undefined;
  onRendered?: (timing: { engineMs: number; renderMs: number }) => void;
}) {
  const [status, setStatus] = useState<Status>({ kind: 'waiting' });
  const [url, setUrl] = useState<string>();
  const [visible, setVisible] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const current = useRef<{ key: string; blob: Blob } | undefined>(undefined);
  const latest = useRef(0);
  const busy = useRef(false);
  const key = job ? JSON.stringify(job) : '';

  useEffect(() => {
    const element = box.current;
    if (!element || visible) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setVisible(true));
    observer.observe(element);
    return () => observer.disconnect();
  }, [visible]);

  async function render(forJob: PdfJob, forKey: string): Promise<Blob | undefined> {
    const ticket = ++latest.current;
    busy.current = true;
    setStatus({ kind: 'working', phase: 'queued' });
    try {
      const { renderPdf } = await import('../pdf/pdf-client.ts');
      const started = performance.now();
      const rendered = await renderPdf(forJob, (phase) => ticket === latest.current && setStatus({ kind: 'working', phase }));
      const result = { ...rendered, engineMs: rendered.engineMs || (prewarm && !current.current ? await (await import('../pdf/pdf-client.ts')).warmPdf() : 0) };
      if (ticket !== latest.current) return result.blob;
      current.current = { key: forKey, blob: result.blob };
      setUrl((old) => {
        if (old) URL.revokeObjectURL(old);
        return URL.createObjectURL(result.blob);
      });
      setStatus({ kind: 'ready' });
      performance.mark('overdue:pdf-preview', { detail: { engineMs: result.engineMs, renderMs: result.renderMs, totalMs: performance.now() - started } });
      onRendered?.(result);
      return result.blob;
    } catch (error) {
      if (ticket === latest.current) setStatus({ kind: 'failed', message: (error as Error).message });
      return undefined;
    } finally {
      if (ticket === latest.current) busy.current = false;
    }
  }

  useEffect(() => {
    if (!visible || !prewarm) return;
    setStatus((s) => (s.kind === 'waiting' ? { kind: 'working', phase: 'engine' } : s));
    void import('../pdf/pdf-client.ts').then(({ warmPdf }) =>
      warmPdf().then(() => setStatus((s) => (s.kind === 'working' && s.phase === 'engine' && !busy.current ? { kind: 'waiting' } : s))),
    );
  }, [visible, prewarm]);

  useEffect(() => {
    if (!job || !(visible && autoStart) || current.current?.key === key) return;
    const timer = setTimeout(() => void render(job, key), current.current ? 400 : 0);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the job
  }, [key, visible, autoStart]);

  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  async function download() {
    if (!job) return;
    const blob = current.current?.key === key ? current.current.blob : await render(job, key);
    if (blob) saveBlob(blob, fileName);
  }

  const upToDate = status.kind === 'ready' && current.current?.key === key;
  const message =
    status.kind === 'working'
      ? t.t(status.phase === 'engine' ? 'preview.loadingEngine' : 'preview.rendering')
      : status.kind === 'failed'
        ? t.t('preview.failed', { message: status.message })
        : !job
          ? (idleText ?? t.t('preview.blocked'))
          : upToDate
            ? t.t('preview.ready')
            : t.t('preview.waiting');

  return (
    <div className="pdf-preview" ref={box}>
      <div className="preview-bar">
        <p className="preview-status" role="status" aria-live="polite" data-status={status.kind}>
          {message}
        </p>
        {status.kind === 'working' ? <progress aria-label={message} /> : null}
        <button type="button" className="primary" onClick={() => void download()} disabled={!job} aria-describedby={!job ? 'preview-blocked' : undefined}>
          {t.t('preview.download')}
        </button>
        {!autoStart && job && !upToDate && status.kind !== 'working' ? (
          <button type="button" onClick={() => void render(job, key)}>
            {t.t('preview.show')}
          </button>
        ) : null}
      </div>
      {!job && blocked ? <div id="preview-blocked">{blocked}</div> : null}
      {url ? (
        <iframe className={upToDate ? 'pdf-frame' : 'pdf-frame stale'} src={url} title={title} data-testid="pdf-frame" />
      ) : (
        <div className="pdf-placeholder" aria-hidden="true">
          <span>PDF</span>
        </div>
      )}
    </div>
  );
}
