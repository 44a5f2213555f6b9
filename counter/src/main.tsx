import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../shared/ui/base.css';
import './counter.css';
import { strictAssert } from '../../shared/assert.js';
import { loadFonts } from '../../shared/ui/fonts.js';
import { App } from './App.js';
import { startConnection } from './connection.js';
import { useCounterStore } from './store.js';

loadFonts().then(
  () => useCounterStore.setState({ fontsReady: true }),
  (err: unknown) => console.error('Khiu: the bundled fonts did not load', err),
);
void startConnection();

const root = document.getElementById('root');
strictAssert(root, 'index.html has a #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
