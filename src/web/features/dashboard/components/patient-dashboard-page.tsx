import { Stethoscope, Video } from 'lucide-react';
import { Card, CardHeader } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { DashboardFrame } from './dashboard-frame';
import { DoctorCard } from './doctor-card';
import { MissingProfileBanner } from './missing-profile-banner';

/** /paciente: the patient's doctors, and where their consultations will show up. */
export function PatientDashboardPage() {
  return (
    <DashboardFrame role="patient" description="Aqui você encontra seus médicos e, em breve, suas consultas por vídeo." skeletonCards={2}>
      {(data) => (
        <>
          <MissingProfileBanner missing={data.missingProfile} />
          <section aria-labelledby="my-doctors-title" className="stack-sm">
            <CardHeader id="my-doctors-title" title="Meus médicos" />
            {data.doctors.length === 0 ? (
              <Card>
                <EmptyState
                  icon={<Stethoscope />}
                  title="Nenhum médico ligado à sua conta"
                  description="A clínica vai indicar o médico que acompanha você. Se achar que é um engano, fale com a clínica."
                  level={3}
                />
              </Card>
            ) : (
              <ul className="doctor-cards">
                {data.doctors.map((doctor) => (
                  <DoctorCard key={doctor.id} doctor={doctor} />
                ))}
              </ul>
            )}
          </section>
          <Card as="section" className="note-card" aria-labelledby="patient-note-title">
            <span className="note-card-icon" aria-hidden="true">
              <Video />
            </span>
            <div>
              <h2 id="patient-note-title">Suas consultas vão aparecer aqui</h2>
              <p>Quando seu médico abrir uma consulta por vídeo, o botão para entrar na consulta aparece nesta página. Não precisa instalar nada.</p>
            </div>
          </Card>
        </>
      )}
    </DashboardFrame>
  );
}
