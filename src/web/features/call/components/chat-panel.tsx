import { Send } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { ChatMessage } from '#shared/schemas/rooms.ts';
import { Button } from '#web/components/ui/button.tsx';
import { formatTime } from '#web/lib/format-date.ts';

interface ChatPanelProps {
  messages: ChatMessage[];
  myUserId: string;
  draft: string;
  onDraftChange: (text: string) => void;
  onSend: (text: string) => Promise<unknown>;
  autoFocus?: boolean;
}

function messageOfAck(error: unknown): string {
  return error && typeof error === 'object' && 'message' in error && typeof error.message === 'string'
    ? error.message
    : 'A mensagem não foi enviada. Tente de novo.';
}

/** The text chat of the call: messages with sender and time (read aloud as they arrive), and a box to write. */
export function ChatPanel({ messages, myUserId, draft, onDraftChange, onSend, autoFocus = false }: ChatPanelProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const inputId = useId();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [messages.length]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    setError(null);
    onSend(text).then(
      () => {
        onDraftChange('');
        setSending(false);
      },
      (e: unknown) => {
        setError(messageOfAck(e));
        setSending(false);
      },
    );
  };

  return (
    <section className="chat" aria-labelledby="chat-title">
      <h2 id="chat-title" className="call-panel-title">
        Conversa
      </h2>
      <ol ref={listRef} className="chat-list" aria-live="polite" aria-label="Mensagens da conversa" tabIndex={0}>
        {messages.length === 0 ? (
          <li className="chat-empty">Nenhuma mensagem ainda. Use a conversa para mandar um link, um endereço ou algo difícil de falar.</li>
        ) : (
          messages.map((m) => {
            const mine = m.fromUserId === myUserId;
            return (
              <li key={m.id} className={mine ? 'chat-message chat-message-mine' : 'chat-message'}>
                <p className="chat-meta">
                  <strong>{mine ? 'Você' : m.fromName}</strong>
                  <time dateTime={m.sentAt}>{formatTime(m.sentAt)}</time>
                </p>
                <p className="chat-text">{m.text}</p>
              </li>
            );
          })
        )}
      </ol>
      <form className="chat-form" onSubmit={submit}>
        <label htmlFor={inputId} className="sr-only">
          Mensagem
        </label>
        <input
          id={inputId}
          className="input chat-input"
          value={draft}
          onChange={(e) => onDraftChange(e.target.value)}
          placeholder="Escreva uma mensagem"
          maxLength={2000}
          autoComplete="off"
          autoFocus={autoFocus}
          aria-describedby={error ? `${inputId}-error` : undefined}
        />
        <Button type="submit" loading={sending} disabled={!draft.trim()} icon={<Send aria-hidden="true" />}>
          Enviar
        </Button>
      </form>
      {error ? (
        <p className="chat-error" id={`${inputId}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
