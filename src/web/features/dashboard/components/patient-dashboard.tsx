import { Stethoscope } from 'lucide-react';
import type { ReactNode } from 'react';
import { Card, CardHeader } from '#web/components/ui/card.tsx';
import { EmptyState } from '#web/components/ui/empty-state.tsx';
import { DashboardFrame } from './dashboard-frame';
import { DoctorCard } from './doctor-card';
import { MissingProfileBanner } from './missing-profile-banner';

/**
 * /paciente: the consultations the patient can enter now, their history, and their doctors. The
 * page (app/pages) brings the rooms feature's open rooms and history.
 */
export function PatientDashboard({ openRooms, history }: { openRooms: ReactNode; history: ReactNode }) {
  return (
    <DashboardFrame role="patient" description="Aqui você entra nas suas consultas por vídeo e encontra seus médicos." skeletonCards={2}>
      {(data) => (
        <>
          <MissingProfileBanner missing={data.missingProfile} />
          {openRooms}
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
          {history}
        </>
      )}
    </DashboardFrame>
  );
}
