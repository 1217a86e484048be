import { Lightbulb } from 'lucide-react';
import { Link } from 'react-router';
import './dashboard.css';

/**
 * The doctor's profile still missing something, as a quiet tip at the bottom of the home: it
 * matters (the PIX key for payments, the photo for patients) but it is not the day's work.
 */
export function MissingProfileTip({ missing }: { missing: readonly string[] }) {
  if (missing.length === 0) return null;
  // "Chave PIX", "Foto" → "chave PIX, telefone e foto", inside a sentence.
  const words = missing.map((m) => m.charAt(0).toLocaleLowerCase('pt-BR') + m.slice(1));
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} e ${words[words.length - 1]}`;
  return (
    <p className="profile-tip">
      <Lightbulb aria-hidden="true" />
      <span>
        Dica: complete seu perfil ({list}). <Link to="/perfil">Completar meu perfil</Link>
      </span>
    </p>
  );
}
