/** Name and phone, each refusal said in words next to its field; then the booking is sent. */
import { t } from '../../../../shared/i18n/index.js';
import { submitBooking } from '../book-actions.js';
import { pageLang, useBookStore, type FieldName } from '../store.js';

function Field({ field, type }: { field: FieldName; type: 'text' | 'tel' }) {
  const lang = useBookStore(pageLang);
  const value = useBookStore((s) => s.form[field]);
  const error = useBookStore((s) => s.form.errors[field]);
  const setField = useBookStore((s) => s.setField);
  const id = `book-${field}`;
  const hint = field === 'phone' ? `${id}-hint` : null;
  const describedBy = [hint, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="book-field" data-field={field}>
      <label htmlFor={id}>{t(lang, field === 'name' ? 'book.name' : 'book.phone')}</label>
      <input
        id={id}
        type={type}
        value={value}
        autoComplete={field === 'name' ? 'name' : 'tel'}
        inputMode={type === 'tel' ? 'tel' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(e) => setField(field, e.target.value)}
      />
      {hint ? (
        <p id={hint} className="book-field__hint">
          {t(lang, 'book.phoneHint')}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="book-field__error" data-testid={`${field}-error`}>
          {t(lang, error)}
        </p>
      ) : null}
    </div>
  );
}

export function DetailsForm() {
  const lang = useBookStore(pageLang);
  const sending = useBookStore((s) => s.form.sending);
  const error = useBookStore((s) => s.form.error);
  return (
    <form
      className="book-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submitBooking();
      }}
    >
      <Field field="name" type="text" />
      <Field field="phone" type="tel" />
      <p className="phone-hint">{t(lang, 'book.privacy')}</p>
      {error ? (
        <p className="book-error" role="alert" data-testid="book-error">
          {t(lang, error)}
        </p>
      ) : null}
      <button type="submit" className="phone-button" disabled={sending}>
        {t(lang, sending ? 'book.sending' : 'book.submit')}
      </button>
    </form>
  );
}
