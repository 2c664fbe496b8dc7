import { useId, useState } from 'react';
import type { CaseFileInput } from '../../../templates/domain/schemas/case.ts';
import type { FieldError } from '../lib/api.ts';
import { draftFromCase } from '../lib/draft-from-case.ts';
import { errorText } from '../lib/error-text.ts';
import { safeName } from '../lib/safe-name.ts';
import { saveBlob } from './PdfPreview.tsx';
import type { Builder } from './use-builder.ts';

const examples = {
  en: () => import('../../../templates/examples/en-gb-tracking.json'),
  fr: () => import('../../../templates/examples/fr-pressure-scale.json'),
  ru: () => import('../../../templates/examples/ru-gentle.json'),
  he: () => import('../../../templates/examples/he-il-pressure-scale.json'),
};

/**
 * The draft's tools, at the top of every builder: the draft is saved in this browser (said so),
 * start from an example case, start again, export the case as JSON and import one (validated with
 * `CaseFileSchema`; each refusal is listed with its path in the file, in the page's language).
 */
export function DraftTools<E>({ b }: { b: Builder<E> }) {
  const { t } = b;
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; errors?: FieldError[] }>();
  const fileId = useId();

  async function loadExample() {
    const [json, engine] = await Promise.all([examples[t.lang](), import('../engine/case-file.ts')]);
    const result = engine.importCase(JSON.stringify(json.default));
    if (result.file) {
      b.replace(draftFromCase(result.file as CaseFileInput, b.fresh()));
      setMessage({ kind: 'ok', text: t.t('draft.exampleLoaded') });
    } else setMessage({ kind: 'error', text: t.t('draft.importFailed'), errors: result.errors });
  }

  async function exportCase() {
    const engine = await import('../engine/case-file.ts');
    const input = engine.caseInput(b.draft);
    const checked = engine.importCase(JSON.stringify(input));
    const file = checked.file ?? input;
    const name = safeName(b.draft.reference || b.draft.invoice.number) || 'draft';
    saveBlob(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }), `case-${name}.json`);
    setMessage(checked.errors ? { kind: 'error', text: t.t('draft.exportedWithProblems', { count: checked.errors.length }), errors: checked.errors } : { kind: 'ok', text: t.t('draft.exported') });
  }

  async function importFile(file: File) {
    const [text, engine] = await Promise.all([file.text(), import('../engine/case-file.ts')]);
    const result = engine.importCase(text);
    if (result.file) {
      b.replace(draftFromCase(result.file as CaseFileInput, b.fresh()));
      setMessage({ kind: 'ok', text: t.t('draft.imported', { name: file.name }) });
    } else setMessage({ kind: 'error', text: t.t('draft.importFailed'), errors: result.errors });
  }

  return (
    <div className="draft-tools">
      <p className="hint">{b.draft.savedAt ? t.t('draft.saved', { time: t.dateTime(b.draft.savedAt) }) : t.t('draft.savedHere')}</p>
      <div className="buttons">
        <button type="button" onClick={() => void loadExample()}>
          {t.t('draft.example')}
        </button>
        <button type="button" onClick={() => void exportCase()}>
          {t.t('draft.export')}
        </button>
        <label className="button" htmlFor={fileId}>
          {t.t('draft.import')}
        </label>
        <input
          id={fileId}
          className="visually-hidden-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
            e.target.value = '';
          }}
        />
        <button
          type="button"
          className="link danger"
          onClick={() => {
            if (window.confirm(t.t('draft.confirmStartAgain'))) {
              b.replace(b.fresh());
              setMessage({ kind: 'ok', text: t.t('draft.cleared') });
            }
          }}
        >
          {t.t('draft.startAgain')}
        </button>
      </div>
      <div role="status" aria-live="polite" className={message?.kind === 'error' ? 'tool-message error' : 'tool-message'}>
        {message ? <p>{message.text}</p> : null}
        {message?.errors?.length ? (
          <ul className="import-errors">
            {message.errors.map((e, i) => {
              const text = errorText(t, e.message, e.path);
              return (
                <li key={i}>
                  <code dir="ltr">{e.path}</code>: {text.text}
                  {text.original ? (
                    <span lang="en" dir="ltr">
                      {' '}
                      ({text.original})
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
