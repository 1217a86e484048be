import { Camera, Trash2 } from 'lucide-react';
import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { Me } from '#shared/schemas/auth.ts';
import { Avatar } from '#web/components/ui/avatar.tsx';
import { Button, buttonClass } from '#web/components/ui/button.tsx';
import { Card } from '#web/components/ui/card.tsx';
import { Spinner } from '#web/components/ui/spinner.tsx';
import { useToast } from '#web/components/ui/toast-context.ts';
import { messageOf } from '#web/lib/api-error.ts';
import { ROLE_LABELS } from '#web/lib/role-labels.ts';
import { useDeletePhoto } from '#web/features/profile/api/delete-photo.ts';
import { MAX_PHOTO_BYTES, PHOTO_TYPES, useUploadPhoto } from '#web/features/profile/api/upload-photo.ts';
import '#web/components/ui/field.css';
import './profile.css';

/** Checks type and size before uploading, so people get an answer at once. */
function photoProblem(file: File): string | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return 'Use uma foto em JPEG, PNG ou WebP.';
  if (file.size > MAX_PHOTO_BYTES) return 'A foto pode ter no máximo 5 MB. Escolha uma imagem menor.';
  return null;
}

/**
 * The profile photo: preview, "Trocar foto" (a real file input, styled as a button by its
 * label) and "Remover foto".
 */
export function PhotoCard({ me }: { me: Me }) {
  const { user } = me;
  const [error, setError] = useState<string | null>(null);
  const upload = useUploadPhoto();
  const remove = useDeletePhoto();
  const toast = useToast();
  const hintId = useId();
  const errorId = useId();
  const busy = upload.isPending || remove.isPending;

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    // Clearing lets the same file be chosen again after an error.
    event.currentTarget.value = '';
    if (!file) return;
    const problem = photoProblem(file);
    setError(problem);
    if (problem) return;
    upload.mutate(file, {
      onSuccess: () => toast.notify('Foto atualizada'),
      onError: (e) => setError(messageOf(e)),
    });
  };

  return (
    <Card as="section" className="photo-card" aria-labelledby="photo-title">
      <h2 id="photo-title" className="sr-only">
        Foto do perfil
      </h2>
      <Avatar name={user.name} photoUrl={user.photoUrl} size="xl" alt={user.photoUrl ? 'Sua foto de perfil' : ''} />
      <div>
        <p className="photo-card-name">
          <strong>{user.name}</strong>
        </p>
        <p className="muted">{ROLE_LABELS[user.role]}</p>
      </div>
      <div className="photo-card-actions">
        <label className={`${buttonClass('secondary', 'sm')} file-button`}>
          <input
            type="file"
            className="sr-only"
            accept="image/jpeg,image/png,image/webp"
            onChange={onFile}
            disabled={busy}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          />
          {upload.isPending ? <Spinner size="sm" /> : <Camera aria-hidden="true" />}
          <span>Trocar foto</span>
        </label>
        {user.photoUrl ? (
          <Button
            variant="ghost"
            size="sm"
            icon={<Trash2 aria-hidden="true" />}
            loading={remove.isPending}
            disabled={upload.isPending}
            onClick={() => {
              setError(null);
              remove.mutate(undefined, {
                onSuccess: () => toast.notify('Foto removida'),
                onError: (e) => setError(messageOf(e)),
              });
            }}
          >
            Remover foto
          </Button>
        ) : null}
      </div>
      <p className="field-hint" id={hintId}>
        JPEG, PNG ou WebP, até 5 MB. Sem foto, mostramos suas iniciais.
      </p>
      {upload.isPending ? (
        <p className="field-hint" role="status">
          Enviando a foto…
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </Card>
  );
}
