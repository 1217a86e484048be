import clsx from 'clsx';
import { useState } from 'react';
import { avatarColorOf, initialsOf } from '#shared/domain/initials.ts';
import './avatar.css';

interface AvatarProps {
  name: string;
  photoUrl?: string | null;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  /** Empty (decorative) by default, because a name is almost always shown next to it. */
  alt?: string;
  className?: string;
}

/** A round photo, or the person's initials on a colour derived from their name. */
export function Avatar({ name, photoUrl, size = 'md', alt = '', className }: AvatarProps) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const showPhoto = Boolean(photoUrl) && failedUrl !== photoUrl;
  return (
    <span
      className={clsx('avatar', `avatar-${size}`, className)}
      style={showPhoto ? undefined : { backgroundColor: avatarColorOf(name) }}
      role={alt && !showPhoto ? 'img' : undefined}
      aria-label={alt && !showPhoto ? alt : undefined}
      aria-hidden={!alt || undefined}
    >
      {showPhoto && photoUrl ? (
        <img src={photoUrl} alt={alt} loading="lazy" decoding="async" onError={() => setFailedUrl(photoUrl)} />
      ) : (
        <span aria-hidden="true">{initialsOf(name)}</span>
      )}
    </span>
  );
}
