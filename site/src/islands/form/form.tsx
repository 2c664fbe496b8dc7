import { createContext, useContext, useId, type ReactNode } from 'react';
import { errorText } from '../../lib/error-text.ts';
import type { FieldError } from '../../lib/api.ts';
import type { SiteT } from '../../lib/site-t.ts';

/**
 * Form fields that show the domain's field errors next to themselves. A field edits one domain
 * path (`contract.schedule[1].percent`, written as `fieldErrors` writes paths) and may answer for
 * aliases (`contract.schedule[1].amount`); it shows the errors at those paths and below them,
 * once it has been touched, holds a value, or the form asked for every error (a download or a
 * send was attempted). Ids derive from the path, so an error summary can link to any field.
 */
export interface FormState {
  t: SiteT;
  errors: readonly FieldError[];
  showAll: boolean;
  touched: ReadonlySet<string>;
  touch(path: string): void;
}

export const FormContext = createContext<FormState | null>(null);

/** Labels of the fields rendered, by path, for the error summary ("Client e-mail: …"). */
export const fieldLabels = new Map<string, string>();

export function useForm(): FormState {
  const form = useContext(FormContext);
  if (!form) throw new Error('a field outside a form');
  return form;
}

/** `contract.schedule[1].value` → `f-contract-schedule-1-value` */
export function fieldId(path: string): string {
  return `f-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
}

/** Errors at `path` or below it (or exactly at it, for a group whose children have fields of their own). */
export function errorsAt(errors: readonly FieldError[], paths: readonly string[], exact = false): FieldError[] {
  return errors.filter((e) => paths.some((p) => e.path === p || (!exact && (e.path.startsWith(`${p}.`) || e.path.startsWith(`${p}[`)))));
}

/** Focuses the field nearest to an error's path (the path itself, else its closest ancestor that has a field). */
export function focusField(path: string): void {
  const parts = path.split(/(?=[.[])/);
  for (let n = parts.length; n > 0; n--) {
    const element = document.getElementById(fieldId(parts.slice(0, n).join('')));
    if (element) {
      element.focus();
      element.scrollIntoView({ block: 'center' });
      return;
    }
  }
}

export function ErrorLines({ id, errors }: { id: string; errors: readonly FieldError[] }) {
  const { t } = useForm();
  if (errors.length === 0) return null;
  return (
    <p className="field-error" id={id}>
      {errors.map((e, i) => {
        const text = errorText(t, e.message, e.path);
        return (
          <span key={i}>
            {text.text}
            {text.original ? (
              <>
                {' '}
                <span lang="en" dir="ltr">
                  ({text.original})
                </span>
              </>
            ) : null}{' '}
          </span>
        );
      })}
    </p>
  );
}

interface FieldProps {
  path: string;
  label: string;
  /** the group the field belongs to, for the error summary ("Client – Legal name") */
  group?: string | undefined;
  hint?: string | undefined;
  also?: readonly string[] | undefined;
  exact?: boolean | undefined;
  className?: string | undefined;
  required?: boolean | undefined;
}

function useField({ path, label, also, exact, group }: FieldProps, value: string | boolean) {
  const form = useForm();
  const summary = group ? `${group} – ${label}` : label;
  fieldLabels.set(path, summary);
  for (const alias of also ?? []) fieldLabels.set(alias, summary);
  const id = fieldId(path);
  const all = errorsAt(form.errors, [path, ...(also ?? [])], exact);
  const filled = typeof value === 'string' ? value.trim() !== '' : false;
  const visible = form.showAll || form.touched.has(path) || filled ? all : [];
  return { form, id, errors: visible };
}

function describedBy(id: string, hint: string | undefined, errors: readonly FieldError[]): string | undefined {
  return [hint ? `${id}-hint` : '', errors.length > 0 ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean | undefined }) {
  const { t } = useForm();
  return (
    <label htmlFor={id}>
      {label}
      {required === false ? <span className="optional"> {t.t('common.optional')}</span> : null}
    </label>
  );
}

export function TextField(
  props: FieldProps & {
    value: string;
    onChange(value: string): void;
    type?: 'text' | 'email' | 'tel' | 'date' | 'time' | 'url';
    inputMode?: 'text' | 'decimal' | 'numeric' | 'email' | 'tel';
    autoComplete?: string | undefined;
    dir?: 'ltr' | 'rtl' | 'auto' | undefined;
    placeholder?: string | undefined;
    multiline?: boolean | undefined;
    rows?: number | undefined;
  },
) {
  const { form, id, errors } = useField(props, props.value);
  const common = {
    id,
    name: props.path,
    value: props.value,
    'aria-invalid': errors.length > 0 || undefined,
    'aria-describedby': describedBy(id, props.hint, errors),
    'aria-required': props.required || undefined,
    dir: props.dir,
    placeholder: props.placeholder,
    onBlur: () => form.touch(props.path),
  };
  return (
    <div className={`field ${props.className ?? ''}`}>
      <Label id={id} label={props.label} required={props.required} />
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 4} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} type={props.type ?? 'text'} inputMode={props.inputMode} autoComplete={props.autoComplete ?? 'off'} onChange={(e) => props.onChange(e.target.value)} />
      )}
      <ErrorLines id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function SelectField(
  props: FieldProps & { value: string; onChange(value: string): void; options: readonly { value: string; label: string; lang?: string | undefined }[] },
) {
  const { form, id, errors } = useField(props, '');
  return (
    <div className={`field ${props.className ?? ''}`}>
      <Label id={id} label={props.label} required={props.required} />
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <select
        id={id}
        name={props.path}
        value={props.value}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(id, props.hint, errors)}
        onBlur={() => form.touch(props.path)}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.some((o) => o.value === props.value) ? null : <option value={props.value}>{props.value}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorLines id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function CheckboxField(props: FieldProps & { checked: boolean; onChange(checked: boolean): void }) {
  const { id, errors } = useField(props, props.checked);
  return (
    <div className={`field checkbox ${props.className ?? ''}`}>
      <input
        id={id}
        type="checkbox"
        name={props.path}
        checked={props.checked}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy(id, props.hint, errors)}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <ErrorLines id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** A group of radio buttons: a fieldset whose legend is the question. */
export function RadioGroup<V extends string>(
  props: FieldProps & { value: V; onChange(value: V): void; options: readonly { value: V; label: string; hint?: string | undefined }[] },
) {
  const { id, errors } = useField(props, '');
  const name = useId();
  return (
    <fieldset className={`field radios ${props.className ?? ''}`} id={id} tabIndex={-1} aria-describedby={describedBy(id, props.hint, errors)}>
      <legend>{props.label}</legend>
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.options.map((o) => (
        <div className="radio" key={o.value}>
          <input type="radio" id={`${id}-${o.value}`} name={name} value={o.value} checked={props.value === o.value} onChange={() => props.onChange(o.value)} />
          <label htmlFor={`${id}-${o.value}`}>
            {o.label}
            {o.hint ? <span className="hint"> {o.hint}</span> : null}
          </label>
        </div>
      ))}
      <ErrorLines id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}

/**
 * The list of what is wrong, each item a link to its field (the GOV.UK error-summary pattern).
 * Shown where the problems block something: the preview, the download, the send.
 */
export function ErrorSummary({ heading, errors, id }: { heading: string; errors: readonly FieldError[]; id?: string }) {
  const { t } = useForm();
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" id={id} tabIndex={-1}>
      <h3>{heading}</h3>
      <ul>
        {errors.map((e, i) => {
          const text = errorText(t, e.message, e.path);
          const label = labelOf(e.path);
          return (
            <li key={i}>
              <a
                href={`#${fieldId(e.path)}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusField(e.path);
                }}
              >
                {label ? `${label}: ` : ''}
                {text.text}
                {text.original ? (
                  <span lang="en" dir="ltr">
                    {' '}
                    ({text.original})
                  </span>
                ) : null}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function labelOf(path: string): string | undefined {
  const parts = path.split(/(?=[.[])/);
  for (let n = parts.length; n > 0; n--) {
    const label = fieldLabels.get(parts.slice(0, n).join(''));
    if (label) return label;
  }
  return undefined;
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section className="form-section" aria-labelledby={id ? `${id}-h` : undefined}>
      <h2 id={id ? `${id}-h` : undefined}>{title}</h2>
      {children}
    </section>
  );
}
