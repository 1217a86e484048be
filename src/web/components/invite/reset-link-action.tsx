import { KeyRound } from 'lucide-react';
import { useState } from 'react';
import type { InviteLink } from '#shared/schemas/auth.ts';
import { messageOf } from '#web/lib/api-error.ts';
import { Button } from '#web/components/ui/button.tsx';
import { useToast } from '#web/components/ui/toast-context.ts';
import { ResetLinkDialog } from './reset-link-dialog';

interface ResetLinkActionProps {
  name: string;
  phone: string | null;
  /** The feature's mutation that asks the server for a link (admin's or doctor's route). */
  generate: { mutate: (v: undefined, o: { onSuccess: (link: InviteLink) => void; onError: (e: unknown) => void }) => void; isPending: boolean };
}

/** "Gerar link para nova senha": for someone who forgot theirs, sent by WhatsApp. */
export function ResetLinkAction({ name, phone, generate }: ResetLinkActionProps) {
  const [link, setLink] = useState<InviteLink | null>(null);
  const toast = useToast();
  return (
    <>
      <Button
        variant="secondary"
        block
        icon={<KeyRound aria-hidden="true" />}
        loading={generate.isPending}
        onClick={() => generate.mutate(undefined, { onSuccess: setLink, onError: (error) => toast.notify(messageOf(error), 'error') })}
      >
        Gerar link para nova senha
      </Button>
      <p>Para quem esqueceu a senha. O link vale por 24 horas, uma vez só.</p>
      <ResetLinkDialog link={link} name={name} phone={phone} onClose={() => setLink(null)} />
    </>
  );
}
