import { MessageSquare, NotebookPen } from 'lucide-react';
import { useId, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export type PanelTab = 'notes' | 'chat';

interface CallPanelTabsProps {
  tab: PanelTab;
  onTab: (tab: PanelTab) => void;
  unread: number;
  notes: ReactNode;
  chat: ReactNode;
}

const TABS: { id: PanelTab; label: string; icon: ReactNode }[] = [
  { id: 'notes', label: 'Anotações', icon: <NotebookPen aria-hidden="true" /> },
  { id: 'chat', label: 'Conversa', icon: <MessageSquare aria-hidden="true" /> },
];

/**
 * The doctor's panel: "Anotações" (the evolution) and "Conversa" (the chat) as tabs. Both stay
 * mounted, so switching never loses a half-written note or the chat's scroll position.
 */
export function CallPanelTabs({ tab, onTab, unread, notes, chat }: CallPanelTabsProps) {
  const base = useId();
  const refs = useRef<Record<PanelTab, HTMLButtonElement | null>>({ notes: null, chat: null });

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.findIndex((t) => t.id === tab);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % TABS.length;
    if (event.key === 'ArrowLeft') next = (index - 1 + TABS.length) % TABS.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = TABS.length - 1;
    if (next === null) return;
    event.preventDefault();
    const target = TABS[next];
    if (!target) return;
    onTab(target.id);
    refs.current[target.id]?.focus();
  };

  return (
    <div className="call-tabs">
      <div className="call-tablist" role="tablist" aria-label="Ferramentas da consulta">
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-${t.id}-tab`}
            aria-selected={tab === t.id}
            aria-controls={`${base}-${t.id}-panel`}
            tabIndex={tab === t.id ? 0 : -1}
            className="call-tab"
            onClick={() => onTab(t.id)}
            onKeyDown={onKeyDown}
          >
            {t.icon}
            {t.label}
            {t.id === 'chat' && unread > 0 && tab !== 'chat' ? (
              <span className="call-tab-badge">
                {unread > 9 ? '9+' : unread}
                <span className="sr-only"> {unread === 1 ? 'mensagem nova' : 'mensagens novas'}</span>
              </span>
            ) : null}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`${base}-${t.id}-panel`}
          aria-labelledby={`${base}-${t.id}-tab`}
          hidden={tab !== t.id}
          className={`call-tabpanel call-tabpanel-${t.id}`}
        >
          {t.id === 'notes' ? notes : chat}
        </div>
      ))}
    </div>
  );
}
