import { Ellipsis } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

export interface MoreMenuItem {
  id: string;
  label: string;
  icon: ReactNode;
  onSelect: () => void;
}

/**
 * "Mais": the call's less used controls (screen sharing, camera and sound) behind one round
 * button, so a phone's bar keeps room for captions. A WAI-ARIA menu button: aria-expanded on the
 * button, arrow keys, Home/End, Escape back to the button, Tab or a click outside closes.
 */
export function MoreMenu({ items }: { items: MoreMenuItem[] }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  /** Which item takes focus when the menu opens (the last one after ArrowUp on the button). */
  const [startAt, setStartAt] = useState(0);

  useEffect(() => {
    if (!open) return;
    itemRefs.current[startAt]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open, startAt]);

  const openAt = (index: number) => {
    setStartAt(index);
    setOpen(true);
  };

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) buttonRef.current?.focus();
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 0 : items.length - 1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = itemRefs.current.findIndex((el) => el === document.activeElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (current + 1) % items.length;
    if (event.key === 'ArrowUp') next = (current - 1 + items.length) % items.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = items.length - 1;
    if (next !== null) {
      event.preventDefault();
      itemRefs.current[next]?.focus();
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    }
    if (event.key === 'Tab') setOpen(false);
  };

  return (
    <div className="call-control call-more" ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        className={open ? 'call-btn call-btn-active' : 'call-btn call-btn-default'}
        aria-label="Mais opções"
        title="Mais opções"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        <Ellipsis aria-hidden="true" />
      </button>
      <span className="call-control-caption" aria-hidden="true">
        Mais
      </span>
      {open ? (
        <div id={menuId} role="menu" aria-label="Mais opções" className="call-more-menu" onKeyDown={onMenuKeyDown}>
          {items.map((item, index) => (
            <button
              key={item.id}
              ref={(el) => {
                itemRefs.current[index] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="call-more-item"
              onClick={() => {
                // Focus goes back to "Mais" first, so a dialog the item opens returns focus there.
                close(true);
                item.onSelect();
              }}
            >
              {item.icon}
              <span>{item.label}</span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
