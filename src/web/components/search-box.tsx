import { Search } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { Field } from './ui/field';
import { Input } from './ui/input';
import './person-list.css';

interface SearchBoxProps {
  initial: string;
  onSearch: (q: string) => void;
  placeholder?: string;
}

const DEBOUNCE_MS = 300;

/** "Buscar": searches as the person types (after a short pause), or at once on Enter. */
export function SearchBox({ initial, onSearch, placeholder = 'Nome ou e-mail' }: SearchBoxProps) {
  const [text, setText] = useState(initial);
  const timer = useRef<number | undefined>(undefined);

  // A pending search must not fire after the person has left the page.
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const schedule = (value: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => onSearch(value.trim()), DEBOUNCE_MS);
  };

  return (
    <Field label="Buscar" className="search-box">
      {(control) => (
        <>
          <Input
            {...control}
            type="search"
            placeholder={placeholder}
            value={text}
            autoComplete="off"
            onChange={(e) => {
              setText(e.target.value);
              schedule(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                window.clearTimeout(timer.current);
                onSearch(text.trim());
              }
            }}
          />
          <Search aria-hidden="true" />
        </>
      )}
    </Field>
  );
}
