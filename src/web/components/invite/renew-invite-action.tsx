import { Link2 } from 'lucide-react';
import { useState } from 'react';
import type { InviteLink } from '#shared/schemas/auth.ts';
import { messageOf } from '#web/lib/api-error.ts';
import { Button } from '#web/components/ui/button.tsx';
import { useToast } from '#web/components/ui/toast-context.ts';
import { InviteDialog } from './invite-dialog';

interface RenewInviteActionProps {
  name: string;
  phone: string | null;
  /** The feature's mutation that asks the server for a new invite link (admin's or doctor's route). */
  renew: { mutate: (v: undefined, o: { onSuccess: (link: InviteLink) => void; onError: (e: unknown) => void }) => void; isPending: boolean };
  /** The sentence under the button: whether the last invite is still valid or has expired. */
  note: string;
}

/** "Gerar novo convite": for someone who has not created a password yet; the new link replaces the last one. */
export function RenewInviteAction({ name, phone, renew, note }: RenewInviteActionProps) {
  const [invite, setInvite] = useState<InviteLink | null>(null);
  const toast = useToast();
  return (
    <>
      <Button
        variant="secondary"
        block
        icon={<Link2 aria-hidden="true" />}
        loading={renew.isPending}
        onClick={() => renew.mutate(undefined, { onSuccess: setInvite, onError: (error) => toast.notify(messageOf(error), 'error') })}
      >
        Gerar novo convite
      </Button>
      <p>{note}</p>
      <InviteDialog invite={invite} name={name} phone={phone} onClose={() => setInvite(null)} />
    </>
  );
}
