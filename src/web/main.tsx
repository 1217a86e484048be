// First, before any schema is used.
import './zod-setup';
import '@fontsource-variable/inter/wght.css';
import './styles/fonts.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/utilities.css';
import { StrictMode } from 'react';
import { render } from 'preact';
import { App } from './app/app';
import { firstScreenReady } from './app/first-screen';
import { afterNextPaint } from './lib/after-next-paint';
import { warmUpIntl } from './lib/warm-up-intl';
import { yieldToBrowser } from './lib/yield-to-browser';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element in index.html');

// The HTML's screen (or loader) stays until the page's code and session are in, so the first
// frame the app draws is the page. Preact draws it in one go (it has no time slicing; ADR 026),
// so the code's evaluation and that first render run as two tasks, not one long one that keeps
// a slow phone from answering a tap. Meanwhile ICU's Portuguese data loads in tasks of its own
// (lib/warm-up-intl.ts) instead of inside the page's first render, and the router is made
// (app/router.tsx) in a task after the code's evaluation, not at its end.
//
// Preact's own render, not react-dom's createRoot (which preact/compat implements by emptying the
// container first): it diffs the app against the screen drawn at build (first-screen-markup.tsx)
// and keeps the nodes that match, fixing attributes (the forms' `inert`) and text where they
// differ. The brand panel painted from the HTML stays the same node, so the browser's largest
// paint is that first paint, not a second one when the app replaces it (ADR 026, "The room link").
//
// Paint first: the app's work (the router, the session, the landing's requests) starts once the
// browser has painted the HTML's screen, so that paint is not held behind it (ADR 026).
await afterNextPaint();
await Promise.all([firstScreenReady(), warmUpIntl()]);
await yieldToBrowser();
render(
  <StrictMode>
    <App />
  </StrictMode>,
  container,
);
