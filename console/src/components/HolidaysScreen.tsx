import { useState, type FormEvent } from 'react';
import { dayText } from '../../../shared/i18n/day-text.js';
import { t } from '../../../shared/i18n/index.js';
import { removeHoliday, saveHoliday } from '../holiday-actions.js';
import { useCanEdit, useConsoleStore } from '../store.js';
import { DateField } from './DateField.js';
import { NameFields } from './Field.js';
import { FormCard } from './FormCard.js';

/** A new holiday: its date and its name in both languages. */
function HolidayForm() {
  const lang = useConsoleStore((s) => s.lang);
  const [day, setDay] = useState('');
  const [name, setName] = useState({ lo: '', en: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void saveHoliday({ day, name }).then((saved) => {
      if (!saved) return;
      setDay('');
      setName({ lo: '', en: '' });
    });
  };
  return (
    <FormCard testId="holiday-form" onSubmit={submit}>
      <h2>{t(lang, 'console.holiday.add')}</h2>
      <p className="hint">{t(lang, 'console.holiday.hint')}</p>
      <DateField label="console.holiday.day" path="holiday.day" value={day} onChange={setDay} />
      <NameFields
        label={{ lo: 'console.nameLo', en: 'console.nameEn' }}
        path="holiday.name"
        value={name}
        onChange={setName}
      />
      <button type="submit" className="button button--primary">
        {t(lang, 'console.save')}
      </button>
    </FormCard>
  );
}

export function HolidaysScreen() {
  const lang = useConsoleStore((s) => s.lang);
  const holidays = useConsoleStore((s) => s.config?.holidays);
  const canEdit = useCanEdit();
  if (!holidays) return null;
  return (
    <div className="split">
      <section className="card">
        <h2>{t(lang, 'console.nav.holidays')}</h2>
        {holidays.length === 0 ? <p className="hint">{t(lang, 'console.holiday.none')}</p> : null}
        <table className="table" data-testid="holiday-list">
          <tbody>
            {holidays.map((h) => (
              <tr key={h.day} data-testid={`holiday-${h.day}`}>
                <td>{dayText(h.day)}</td>
                <td>{h.name[lang]}</td>
                <td>
                  {canEdit ? (
                    <button
                      type="button"
                      className="button button--danger"
                      onClick={() => void removeHoliday(h.day)}
                    >
                      {t(lang, 'console.holiday.remove')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {canEdit ? <HolidayForm /> : null}
    </div>
  );
}
