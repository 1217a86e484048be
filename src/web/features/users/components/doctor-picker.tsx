import { Avatar } from '#web/components/ui/avatar.tsx';
import { Alert } from '#web/components/ui/alert.tsx';
import { Button } from '#web/components/ui/button.tsx';
import { Skeleton } from '#web/components/ui/skeleton.tsx';
import { messageOf } from '#web/lib/api-error.ts';
import { useDoctorOptions } from '#web/features/users/api/get-doctor-options.ts';
import { CircleAlert } from 'lucide-react';
import { useId } from 'react';
import '#web/components/ui/field.css';

interface DoctorPickerProps {
  value: readonly string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
  /** Doctors already linked who may no longer be in the active list (e.g. deactivated). */
  extra?: readonly { id: string; name: string }[];
}

/** "Médicos responsáveis": a checkbox list of the clinic's active doctors. */
export function DoctorPicker({ value, onChange, error, extra = [] }: DoctorPickerProps) {
  const options = useDoctorOptions();
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;

  const toggle = (doctorId: string, checked: boolean) => {
    onChange(checked ? [...value, doctorId] : value.filter((v) => v !== doctorId));
  };

  let list;
  if (options.isPending) {
    list = (
      <div className="check-list" role="status">
        <span className="sr-only">Carregando médicos…</span>
        <Skeleton height="2.25rem" />
        <Skeleton height="2.25rem" />
      </div>
    );
  } else if (options.isError) {
    list = (
      <Alert tone="danger" title="Não foi possível carregar os médicos.">
        <p>{messageOf(options.error)}</p>
        <div>
          <Button variant="secondary" size="sm" onClick={() => void options.refetch()}>
            Tentar de novo
          </Button>
        </div>
      </Alert>
    );
  } else {
    const known = new Set(options.data.map((d) => d.id));
    const all = [...options.data, ...extra.filter((d) => !known.has(d.id)).map((d) => ({ ...d, subtitle: 'Fora da lista de médicos ativos' }))];
    list =
      all.length === 0 ? (
        <p className="field-hint">Nenhum médico ativo cadastrado ainda. Você pode escolher depois, editando o paciente.</p>
      ) : (
        <div className="check-list" aria-invalid={error ? true : undefined}>
          {all.map((doctor) => (
            <label key={doctor.id} className="check-item">
              <input type="checkbox" checked={value.includes(doctor.id)} onChange={(e) => toggle(doctor.id, e.target.checked)} />
              <Avatar name={doctor.name} size="sm" />
              <span className="check-item-text">
                <span>{doctor.name}</span>
                <small>{doctor.subtitle}</small>
              </span>
            </label>
          ))}
        </div>
      );
  }

  return (
    <fieldset className="fieldset" aria-describedby={[hintId, error ? errorId : ''].filter(Boolean).join(' ')}>
      <legend>Médicos responsáveis</legend>
      <p className="field-hint" id={hintId}>
        Quem acompanha este paciente. Só esses médicos veem os dados dele.
      </p>
      <div className="doctor-picker-list">{list}</div>
      {error ? (
        <p className="field-error" id={errorId}>
          <CircleAlert aria-hidden="true" />
          <span>{error}</span>
        </p>
      ) : null}
    </fieldset>
  );
}
