import { useEffect, useRef, useState } from 'react';
import type { PanelTab } from './call-panel-tabs';

function wideScreen(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(min-width: 1024px)').matches;
}

/**
 * The call's side panel: open or closed, which tab, the chat's unread count and draft, and the
 * doctor's request to sign the notes. Open from the start for a doctor on a wide screen.
 */
export function useCallPanel(role: 'doctor' | 'patient') {
  const [open, setOpen] = useState(() => role === 'doctor' && wideScreen());
  // The doctor's panel has two tabs; the notes come first. The patient's panel is the chat alone.
  const [tab, setTab] = useState<PanelTab>(role === 'doctor' ? 'notes' : 'chat');
  const chatVisible = open && tab === 'chat';
  const chatVisibleRef = useRef(chatVisible);
  const [unread, setUnread] = useState(0);
  const [draft, setDraft] = useState('');
  const [signRequest, setSignRequest] = useState(0);

  useEffect(() => {
    chatVisibleRef.current = chatVisible;
  }, [chatVisible]);

  /** "Conversa": shows the chat (switching the doctor's panel to it), or closes the panel when the chat is showing. */
  const toggleChat = () => {
    if (chatVisible) {
      setOpen(false);
      return;
    }
    setOpen(true);
    setTab('chat');
    setUnread(0);
  };

  const selectTab = (next: PanelTab) => {
    setTab(next);
    if (next === 'chat') setUnread(0);
  };

  /** "Assinar agora": the notes, asked to sign. */
  const openNotesToSign = () => {
    setOpen(true);
    setTab('notes');
    setSignRequest((n) => n + 1);
  };

  return {
    open,
    tab,
    chatVisible,
    /** Read by socket callbacks, which outlive a render. */
    chatVisibleRef,
    unread,
    countUnread: () => setUnread((n) => n + 1),
    draft,
    setDraft,
    signRequest,
    signRequestTaken: () => setSignRequest(0),
    close: () => setOpen(false),
    toggleChat,
    selectTab,
    openNotesToSign,
  };
}

export type CallPanelState = ReturnType<typeof useCallPanel>;
