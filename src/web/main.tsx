// First, before any schema is used.
import './zod-setup';
import '@fontsource-variable/inter/wght.css';
import './styles/fonts.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/utilities.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { firstScreenReady } from './app/first-screen';
import { yieldToBrowser } from './lib/yield-to-browser';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element in index.html');

// The HTML's screen (or loader) stays until the page's code and session are in, so the first
// frame the app draws is the page. Preact draws it in one go (it has no time slicing; ADR 026),
// so the code's evaluation and that first render run as two tasks, not one long one that keeps
// a slow phone from answering a tap.
await firstScreenReady();
await yieldToBrowser();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
