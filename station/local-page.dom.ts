/** What the setup and offline pages share: every text shown in Lao, then English. */
import type { MessageKey } from '../shared/i18n/en.js';
import { isMessageKey, pageText } from './setup-strings.js';

type Params = Record<string, string | number>;

/** Lao and English side by side, each tagged with its language (fonts, screen readers). */
export function bilingual(key: MessageKey, params?: Params): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const lang of ['lo', 'en'] as const) {
    const span = document.createElement('span');
    span.lang = lang;
    span.className = `text-${lang}`;
    span.textContent = pageText(lang, key, params);
    fragment.append(span);
  }
  return fragment;
}

export function say(element: Element, key: MessageKey, params?: Params): void {
  element.replaceChildren(bilingual(key, params));
}

/** Fills every `data-text="key"` element of the page. */
export function fillTexts(root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-text]')) {
    const key = element.dataset['text'] ?? '';
    if (isMessageKey(key)) say(element, key);
    else element.textContent = key;
  }
}

export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`#${id} is missing or not a ${type.name}`);
  return element;
}
