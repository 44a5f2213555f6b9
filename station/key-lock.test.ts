import { describe, expect, it } from 'vitest';
import { judgeKey, type KeyInput } from './key-lock.js';

const key = (spec: string, type = 'keyDown'): KeyInput => {
  const parts = spec.split('+');
  const name = parts.pop() ?? '';
  return {
    type,
    key: name,
    control: parts.includes('Ctrl'),
    alt: parts.includes('Alt'),
    shift: parts.includes('Shift'),
    meta: parts.includes('Meta'),
  };
};

describe('judgeKey on a locked station', () => {
  it.each([
    'Alt+F4',
    'Ctrl+w',
    'Ctrl+Shift+W',
    'Ctrl+q',
    'Meta+q',
    'F11',
    'F12',
    'Ctrl+Shift+I',
    'Ctrl+Shift+J',
    'Ctrl+n',
    'Ctrl+t',
    'Ctrl+p',
    'Ctrl+s',
    'Ctrl+o',
    'Ctrl+=',
    'Ctrl+-',
    'Ctrl+0',
    'Alt+ArrowLeft',
    'BrowserBack',
  ])('blocks %s', (spec) => {
    expect(judgeKey(key(spec), true)).toBe('block');
  });

  it.each([
    'a',
    '5',
    'Enter',
    'Backspace',
    'Shift+A',
    'Ctrl+c',
    'Ctrl+v',
    'Ctrl+a',
    'Tab',
    'Escape',
    'ArrowLeft',
    'F5',
  ])('lets %s through to the app', (spec) => {
    expect(judgeKey(key(spec), true)).toBe('pass');
  });

  it('blocks the key release of a blocked key too', () => {
    expect(judgeKey(key('Alt+F4', 'keyUp'), true)).toBe('block');
  });
});

describe('judgeKey on an unlocked station (counter, setup)', () => {
  it.each(['Ctrl+w', 'F11', 'Alt+F4', 'Ctrl+Shift+I'])('leaves %s alone', (spec) => {
    expect(judgeKey(key(spec), false)).toBe('pass');
  });
});

describe('the setup chord', () => {
  it.each([true, false])('opens setup with Ctrl+Alt+Shift+S (locked: %s)', (locked) => {
    expect(judgeKey(key('Ctrl+Alt+Shift+S'), locked)).toBe('open-setup');
  });

  it('needs all three modifiers, on key down', () => {
    expect(judgeKey(key('Ctrl+Alt+s'), true)).toBe('block');
    expect(judgeKey(key('Alt+Shift+S'), true)).toBe('pass');
    expect(judgeKey(key('Ctrl+Alt+Shift+S', 'keyUp'), false)).toBe('pass');
  });
});
