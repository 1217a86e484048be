import { FilePlus2 } from 'lucide-react';
import { useNavigate } from 'react-router';
import { Button } from '#web/components/ui/button.tsx';
import type { ButtonVariant } from '#web/components/ui/button.tsx';
import { useToast } from '#web/components/ui/toast-context.ts';
import { messageOf } from '#web/lib/api-error.ts';
import { useCreateEvolution } from '#web/features/records/api/create-evolution.ts';
import { evolutionPath } from './evolution-actions';

/** "Nova evolução": creates a draft for the patient and opens the editor. */
export function NewEvolutionButton({ patientId, variant = 'primary', size = 'md' }: { patientId: string; variant?: ButtonVariant; size?: 'md' | 'sm' }) {
  const create = useCreateEvolution();
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <Button
      variant={variant}
      size={size}
      icon={<FilePlus2 aria-hidden="true" />}
      loading={create.isPending}
      onClick={() =>
        create.mutate({ patientId }, { onSuccess: (draft) => void navigate(evolutionPath(draft)), onError: (error) => toast.notify(messageOf(error), 'error') })
      }
    >
      Nova evolução
    </Button>
  );
}
