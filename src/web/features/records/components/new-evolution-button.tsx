import { FilePlus2 } from 'lucide-react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/button';
import type { ButtonVariant } from '../../../components/ui/button';
import { useToast } from '../../../components/ui/toast-context';
import { messageOf } from '../../../lib/api-error';
import { useCreateEvolution } from '../api/create-evolution';
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
