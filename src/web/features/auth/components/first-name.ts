import { firstNameOf } from '../../../../shared/domain/person-name';

/** The first name without a title, for a friendly greeting ("Olá, Ana"; "Dra. Helena Duarte" → "Olá, Helena"). */
export function firstName(name: string): string {
  return firstNameOf(name);
}
