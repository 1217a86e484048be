import { ExternalLink } from 'lucide-react';
import type { ReactNode } from 'react';
import './call-panel-link.css';

/**
 * A link from the call's side panel (the patient summary, the notes); it opens a new tab so the
 * call keeps running. Shared: the call and records both draw it there.
 */
export function CallPanelLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <a href={to} target="_blank" rel="noopener noreferrer" className="call-panel-link">
      {children}
      <ExternalLink aria-hidden="true" />
      <span className="sr-only"> (abre em nova aba)</span>
    </a>
  );
}
