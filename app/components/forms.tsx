import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from "react";

/** Errors for one field, announced to screen readers and tied to the input by id. */
export function FieldError({ id, errors }: { id: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {errors.join(" ")}
    </p>
  );
}

export function FormError({ errors }: { errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <div className="notice error" role="alert">
      {errors.join(" ")}
    </div>
  );
}

type Common = { label: ReactNode; hint?: ReactNode; errors?: string[] | null };

export function Field({ label, hint, errors, id, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const errorId = `${inputId}-error`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <input
        id={inputId}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[errors?.length ? errorId : null, hintId].filter(Boolean).join(" ") || undefined}
        {...input}
      />
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

export function TextareaField({ label, hint, errors, id, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const errorId = `${inputId}-error`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <textarea
        id={inputId}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[errors?.length ? errorId : null, hintId].filter(Boolean).join(" ") || undefined}
        {...input}
      />
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  errors,
  id,
  children,
  ...input
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const errorId = `${inputId}-error`;
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint ? <span className="hint">{hint}</span> : null}
      <select
        id={inputId}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        {...input}
      >
        {children}
      </select>
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

/** A group of radio buttons with a legend (used for scales and yes/no answers). */
export function RadioGroup({
  legend,
  name,
  options,
  defaultValue,
  errors,
  hint,
  className = "choices",
}: {
  legend: ReactNode;
  name: string;
  options: { value: string; label: ReactNode }[];
  defaultValue?: string | null;
  errors?: string[] | null;
  hint?: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <fieldset className="field" aria-describedby={errors?.length ? `${id}-error` : undefined} aria-invalid={errors?.length ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? <span className="hint">{hint}</span> : null}
      <div className={className}>
        {options.map((o) => (
          <label key={o.value}>
            <input type="radio" name={name} value={o.value} defaultChecked={defaultValue === o.value} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} errors={errors} />
    </fieldset>
  );
}

/** Field errors and typed values from an action's conform reply (works without client JS). */
export function formState(actionData: unknown) {
  const reply = (actionData as { result?: { error?: unknown; initialValue?: unknown } } | undefined)?.result;
  return {
    errors: (reply?.error ?? {}) as Record<string, string[] | undefined>,
    values: (reply?.initialValue ?? {}) as Record<string, string | undefined>,
  };
}
