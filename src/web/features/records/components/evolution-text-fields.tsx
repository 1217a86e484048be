import { ChevronDown } from 'lucide-react';
import { useState } from 'react';
import type { EvolutionContent } from '#shared/schemas/records.ts';
import { NOTE_MAX_CHARS } from '#shared/schemas/records.ts';
import { Field } from '#web/components/ui/field.tsx';
import { Textarea } from '#web/components/ui/textarea.tsx';
import type { ContentField } from '#web/features/records/model/evolution-form.ts';

const GUIDED: { field: Exclude<ContentField, 'notes'>; label: string; placeholder: string }[] = [
  { field: 'complaint', label: 'Queixa principal', placeholder: 'O motivo da consulta, nas palavras do paciente' },
  { field: 'history', label: 'História', placeholder: 'Início, evolução dos sintomas, antecedentes, medicamentos em uso' },
  { field: 'exam', label: 'Exame', placeholder: 'O que foi observado na chamada, sinais vitais informados' },
  { field: 'plan', label: 'Conduta (plano)', placeholder: 'Orientações, exames pedidos, retorno' },
];

interface Props {
  content: EvolutionContent;
  errors: Record<string, string>;
  onChange: (field: ContentField, value: string) => void;
  /** Notes box height: taller on the full page than in the call panel. */
  compact?: boolean;
}

/** Free notes (the main box) and the optional guided sections, folded away until used. */
export function EvolutionTextFields({ content, errors, onChange, compact = false }: Props) {
  const guidedUsed = GUIDED.some(({ field }) => content[field].trim() !== '');
  // Open at first when already used; afterwards the doctor folds and unfolds it.
  const [openAtStart] = useState(guidedUsed);
  return (
    <div className="evo-text">
      <Field
        label="Anotações livres"
        error={errors.notes ?? errors.content}
        hint={compact ? undefined : 'Escreva do seu jeito. As seções abaixo são opcionais.'}
      >
        {(control) => (
          <Textarea
            {...control}
            className="evo-notes"
            rows={compact ? 6 : 10}
            maxLength={NOTE_MAX_CHARS}
            value={content.notes}
            placeholder="Anote aqui durante a consulta"
            onChange={(e) => onChange('notes', e.target.value)}
          />
        )}
      </Field>
      <details className="evo-guided" open={openAtStart || undefined}>
        <summary>
          <ChevronDown aria-hidden="true" />
          Queixa, história, exame e conduta
          <span className="evo-guided-hint">{guidedUsed ? '' : ' (opcional)'}</span>
        </summary>
        <div className="evo-guided-fields">
          {GUIDED.map(({ field, label, placeholder }) => (
            <Field key={field} label={label} error={errors[field]}>
              {(control) => (
                <Textarea
                  {...control}
                  rows={2}
                  maxLength={NOTE_MAX_CHARS}
                  value={content[field]}
                  placeholder={placeholder}
                  onChange={(e) => onChange(field, e.target.value)}
                />
              )}
            </Field>
          ))}
        </div>
      </details>
    </div>
  );
}
