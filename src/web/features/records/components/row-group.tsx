import { Plus, Trash2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '#web/components/ui/button.tsx';

interface RowGroupProps {
  title: string;
  /** What the group says while it has no rows; with rows, it says which fields signing needs. */
  emptyText: string;
  empty: boolean;
  /** The add button: its id (from useRowList), what it says, and whether the list is full. */
  addId: string;
  addLabel: string;
  onAdd: () => void;
  full: boolean;
  /** One <li> per row. */
  children: ReactNode;
}

/** A group of rows in the evolution form (diagnoses, the prescription): title, note, the numbered rows and the add button. */
export function RowGroup({ title, emptyText, empty, addId, addLabel, onAdd, full, children }: RowGroupProps) {
  return (
    <fieldset className="evo-group">
      <legend className="evo-group-title">{title}</legend>
      {empty ? (
        <p className="evo-group-empty">{emptyText}</p>
      ) : (
        <p className="evo-group-empty">
          <span aria-hidden="true">* </span>Obrigatório para assinar.
        </p>
      )}
      <ol className="evo-rows">{children}</ol>
      <Button id={addId} variant="secondary" size="sm" icon={<Plus aria-hidden="true" />} onClick={onAdd} disabled={full}>
        {addLabel}
      </Button>
    </fieldset>
  );
}

/** The bin button of a row; `label` is what a screen reader hears ("Remover diagnóstico 2"). */
export function RemoveRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button variant="ghost" size="sm" className="btn-icon evo-row-remove" icon={<Trash2 aria-hidden="true" />} onClick={onClick}>
      <span className="sr-only">{label}</span>
    </Button>
  );
}
