import type { ReactNode } from 'react';
import { useId } from 'react';
import './field.css';

export interface RadioCardOption<T extends string> {
  value: T;
  label: string;
  description?: string;
  icon?: ReactNode;
}

interface RadioCardsProps<T extends string> {
  legend: string;
  name: string;
  value: T;
  options: readonly RadioCardOption<T>[];
  onChange: (value: T) => void;
}

/** A radio group drawn as cards; each radio is labelled by its option's label alone. */
export function RadioCards<T extends string>({ legend, name, value, options, onChange }: RadioCardsProps<T>) {
  const id = useId();
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <div className="radio-cards">
        {options.map((option) => {
          const labelId = `${id}-${option.value}`;
          const descriptionId = option.description ? `${labelId}-description` : undefined;
          return (
            <label key={option.value} className="radio-card">
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                aria-labelledby={labelId}
                aria-describedby={descriptionId}
              />
              {option.icon ? (
                <span className="radio-card-icon" aria-hidden="true">
                  {option.icon}
                </span>
              ) : null}
              <span className="radio-card-text">
                <strong id={labelId}>{option.label}</strong>
                {option.description ? <small id={descriptionId}>{option.description}</small> : null}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
