// The pieces of a form that names what is wrong next to each field: a labelled field with its hint
// and error, a summary at the top that links to each field in error, and the focus moved there.
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../validate.ts';

/** A form's fields: `prefix` starts every id, `order` lists the fields as shown (`places` covers `places.0`…). */
export interface FormLayout {
  prefix: string;
  order: readonly string[];
}

/** What a control needs to be tied to its field: its id, and its error and hint read with it. */
export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** Fields in the order the form shows them: `places.2` after `places.1`, both after `country`. */
export function byFormOrder(order: readonly string[]) {
  const rank = (field: string) => {
    const [head = '', index] = field.split('.');
    return order.indexOf(head) * 1000 + Number(index ?? -1);
  };
  return (a: string, b: string) => rank(a) - rank(b);
}

/** The form's own field for an API error path (`to.2` → `to`), if the form shows that field. */
export function fieldOfPath(layout: FormLayout, path: string): string | undefined {
  const head = path.split('.')[0] ?? '';
  return layout.order.includes(head) ? head : undefined;
}

/**
 * Errors keyed by the API's paths, keyed instead by the form's fields; each field keeps its first message.
 * @example keyedByField(fieldErrors(RequestCreate, body, t), (path) => fieldOfPath(layout, path))
 */
export function keyedByField(found: FieldErrors, fieldOf: (path: string) => string | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(found)) {
    const field = fieldOf(path);
    if (field) errors[field] ??= message;
  }
  return errors;
}

/** Focuses a control, or in a group (a fieldset, a list of checkboxes) its first invalid control, else its first. */
function focusWithin(element: HTMLElement | null) {
  if (!element) return;
  const controls = 'input, select, textarea, button';
  const target = element.matches(`${controls}, [tabindex]`)
    ? element
    : (element.querySelector<HTMLElement>('[aria-invalid="true"]') ?? element.querySelector<HTMLElement>(controls));
  target?.focus();
}

/**
 * A form's errors by field, the ids that tie fields to them, and the focus moved to the first one.
 * @example const form = useFormErrors({ prefix: 'coop', order: ['to', 'subject'] }); form.show({ subject: 'Write a subject.' });
 */
export function useFormErrors(layout: FormLayout) {
  const [errors, setErrors] = useState<FieldErrors>({});
  // A new object each time, so asking again moves the focus again.
  const [focusOn, setFocusOn] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (focusOn) focusWithin(document.getElementById(focusOn.id));
  }, [focusOn]);
  const id = (field: string) => `${layout.prefix}-${field.replaceAll('.', '-')}`;
  const summaryId = `${layout.prefix}-error-summary`;
  const ordered = (found: FieldErrors) => Object.keys(found).sort(byFormOrder(layout.order));
  const focus = (field: string) => setFocusOn({ id: id(field) });
  return {
    errors,
    /** The fields in error, in the form's order. */
    fields: ordered(errors),
    id,
    summaryId,
    focus,
    /** Shows these errors, without moving the focus. */
    set: setErrors,
    /** Shows these errors and takes the person to the first field concerned, or to the summary. */
    show(found: FieldErrors) {
      setErrors(found);
      const first = ordered(found)[0];
      setFocusOn({ id: first === undefined ? summaryId : id(first) });
    },
    /** Forgets the errors of the fields `which` picks (a field being corrected, places renumbered). */
    forget(which: (field: string) => boolean) {
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([field]) => !which(field))));
    },
    /** The props that tie a control to its error and, if it has one, its hint. */
    control(field: string, hint = false): ControlProps {
      const refs = [errors[field] ? `${id(field)}-error` : '', hint ? `${id(field)}-hint` : ''].filter(Boolean).join(' ');
      return { id: id(field), 'aria-invalid': errors[field] ? true : undefined, 'aria-describedby': refs || undefined };
    },
  };
}
export type FormErrors = ReturnType<typeof useFormErrors>;

/** A field's error message, with the id its control is described by; nothing while the field is fine. */
export function FieldError({ form, field }: { form: FormErrors; field: string }) {
  const message = form.errors[field];
  if (!message) return null;
  return (
    <p id={`${form.id(field)}-error`} className="form-field-error">
      {message}
    </p>
  );
}

function Hint({ form, field, hint }: { form: FormErrors; field: string; hint: ReactNode }) {
  if (!hint) return null;
  return (
    <p id={`${form.id(field)}-hint`} className="form-field-hint">
      {hint}
    </p>
  );
}

/**
 * A labelled control with its hint and its error above it; the control gets the id and aria props.
 * @example <Field form={form} field="subject" label={t('…subject')}>{(control) => <input {...control} />}</Field>
 */
export function Field(props: {
  form: FormErrors;
  field: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const { form, field, hint } = props;
  const { t } = useTranslation();
  return (
    <div className="form-field">
      <label htmlFor={form.id(field)}>
        {props.label}
        {props.required && <span className="form-field-required"> ({t('form.required')})</span>}
      </label>
      <Hint form={form} field={field} hint={hint} />
      <FieldError form={form} field={field} />
      {props.children(form.control(field, Boolean(hint)))}
    </div>
  );
}

/**
 * A group of controls under a legend (choices, a list of inputs), with its hint and its error.
 * The fieldset has the field's id: the focus goes to its first invalid control, else its first.
 */
export function Fieldset(props: {
  form: FormErrors;
  field: string;
  legend: ReactNode;
  hint?: ReactNode;
  /** Ids of more text the group is described by. */
  describedBy?: string;
  className?: string;
  children: ReactNode;
}) {
  const { form, field, hint } = props;
  const describedBy = [form.control(field, Boolean(hint))['aria-describedby'], props.describedBy].filter(Boolean).join(' ');
  return (
    <fieldset id={form.id(field)} className={`form-field ${props.className ?? ''}`.trim()} aria-describedby={describedBy || undefined}>
      <legend>{props.legend}</legend>
      <Hint form={form} field={field} hint={hint} />
      <FieldError form={form} field={field} />
      {props.children}
    </fieldset>
  );
}

/**
 * What stopped the form: a `problem` no field explains, or each field in error as a link that
 * takes the focus there; and the reassurance that nothing typed is lost.
 * @example <ErrorSummary form={form} name={(field) => t(`campaigns.fields.${field}`)} />
 */
export function ErrorSummary({ form, name, title, problem }: { form: FormErrors; name: (field: string) => string; title?: string; problem?: string | null }) {
  const { t } = useTranslation();
  if (form.fields.length === 0 && !problem) return null;
  return (
    <div id={form.summaryId} className="form-field-summary" role="alert" tabIndex={-1}>
      <p>{problem || (title ?? t('validation.summary'))}</p>
      {form.fields.length > 0 && (
        <ul>
          {form.fields.map((field) => (
            <li key={field}>
              <a
                href={`#${form.id(field)}`}
                onClick={(e) => {
                  e.preventDefault();
                  form.focus(field);
                }}
              >
                {t('form.summaryItem', { field: name(field), message: form.errors[field] })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p className="form-field-kept">{t('form.kept')}</p>
    </div>
  );
}
