import { Link } from 'react-router';
import { Alert } from '#web/components/ui/alert.tsx';
import '#web/features/dashboard/components/dashboard.css';

/** "Complete seu perfil": the profile fields still missing, with a link to fill them in. */
export function MissingProfileBanner({ missing }: { missing: readonly string[] }) {
  if (missing.length === 0) return null;
  return (
    <Alert tone="warning" title="Complete seu perfil" className="missing-profile" live={false}>
      <p>{missing.length === 1 ? 'Falta preencher:' : 'Faltam alguns dados no seu cadastro:'}</p>
      <ul aria-label="Dados que faltam">
        {missing.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>
        <Link to="/perfil">Completar meu perfil</Link>
      </p>
    </Alert>
  );
}
