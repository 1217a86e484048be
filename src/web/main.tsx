// First, before any schema is used.
import './zod-setup';
import '@fontsource-variable/inter/wght.css';
import './styles/fonts.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/utilities.css';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { firstScreenReady } from './app/first-screen';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element in index.html');

// The HTML's screen (or loader) stays until the page's code and session are in, so React's
// first frame is the page. As a transition, that first render yields to the browser every few
// milliseconds instead of holding a slow phone's main thread for one long task.
await firstScreenReady();
const root = createRoot(container);
startTransition(() => {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
