import { Alert, Select, Textfield } from '@digdir/designsystemet-react';
import type { GqlError } from '@laerenett/portal-data-access';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../layout/error-alert';

/**
 * A form's values (all strings, as the fields hold them) and, for each field, its value and how it
 * changes: `<InputField label="…" {...field('heldOn')} />`. `reset` goes back to the values given.
 */
export function useFormValues<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState(initial);
  const field = (k: keyof T) => ({ value: values[k], onChange: (value: string) => setValues((v) => ({ ...v, [k]: value })) });
  return { values, field, reset: () => setValues(initial) };
}

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
}

/** A labelled text field: a day (`type="date"`, YYYY-MM-DD), a line, or with `rows` a few lines. */
export function InputField({ label, value, onChange, type = 'text', rows }: FieldProps & { type?: 'text' | 'date'; rows?: number }) {
  return rows ? (
    <Textfield label={label} multiline rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <Textfield label={label} type={type} value={value} onChange={(e) => onChange(e.target.value)} />
  );
}

/** A labelled choice of one of the options, each a value and its text. */
export function ChoiceField({ id, label, value, onChange, options }: FieldProps & { id: string; options: readonly [string, string][] }) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, text]) => (
          <Select.Option key={v} value={v}>
            {text}
          </Select.Option>
        ))}
      </Select>
    </div>
  );
}

/** Under a form: what went wrong, or that it was saved. */
export function Outcome({ m }: { m: { error: GqlError | null; isSuccess: boolean } }) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={m.error} />
      {m.isSuccess && (
        <Alert data-color="success" role="status">
          {t('apprenticeship.saved')}
        </Alert>
      )}
    </>
  );
}
