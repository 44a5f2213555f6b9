/**
 * The state of a staff login form (the counter's and the console's): its two
 * fields, what each still lacks (login-check.ts) once the person has tried to
 * log in, and the focus sent to the first field to fix.
 */
import { useRef, useState, type FormEvent } from 'react';
import { t, type Lang } from '../i18n/index.js';
import { hasLoginProblems, loginProblems, type LoginProblems } from './login-check.js';

export function useLoginForm(logIn: (username: string, pin: string) => Promise<void>) {
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [problems, setProblems] = useState<LoginProblems>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const pinRef = useRef<HTMLInputElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = loginProblems(username, pin);
    setProblems(found);
    if (hasLoginProblems(found)) {
      (found.username ? usernameRef : pinRef).current?.focus();
      return;
    }
    // The PIN field is cleared after every try.
    void logIn(username.trim(), pin).then(() => setPin(''));
  };

  return {
    problems,
    submit,
    username: {
      ref: usernameRef,
      value: username,
      'aria-invalid': problems.username ? true : undefined,
      onChange: (e: { target: { value: string } }) => {
        setUsername(e.target.value);
        setProblems((p) => ({ ...p, username: undefined }));
      },
    },
    pin: {
      ref: pinRef,
      value: pin,
      'aria-invalid': problems.pin ? true : undefined,
      onChange: (e: { target: { value: string } }) => {
        setPin(e.target.value.replace(/\D/g, ''));
        setProblems((p) => ({ ...p, pin: undefined }));
      },
    },
  };
}

/** The words next to a login field that still lacks something; nothing when it is fine. */
export function LoginFieldProblem({
  lang,
  problems,
  field,
}: {
  lang: Lang;
  problems: LoginProblems;
  field: keyof LoginProblems;
}) {
  const problem = problems[field];
  if (!problem) return null;
  return (
    <span className="field__error" role="alert" data-field-error={field}>
      {t(lang, problem)}
    </span>
  );
}

export const fieldClass = (problems: LoginProblems, field: keyof LoginProblems) =>
  problems[field] ? 'field field--invalid' : 'field';
