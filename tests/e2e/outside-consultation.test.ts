import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRow } from '#server/db/types.ts';
import { DESKTOP, PHONE, expectAccessible, expectNoHorizontalOverflow, launchChromium, newContext, screenshot, watchErrors } from '../helpers/browser';
import { PASSWORD, createDoctor, createPatient } from '../helpers/factories';
import { startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';

const run = chromiumAvailable();

/**
 * A doctor registers a consultation held in person, from the patient's page, on a phone: a
 * mistake gets an inline error, the right one lands on the record's list with its kind and
 * note, and is billed once.
 */
describe.runIf(run)('a consultation held in person, registered in the browser', () => {
  let server: Awaited<ReturnType<typeof startLiveServer>>;
  let browser: Browser;
  let p: Page;
  let errors: string[] = [];
  let doctor: UserRow;
  let patient: UserRow;

  beforeAll(async () => {
    server = await startLiveServer();
    doctor = await createDoctor(server.db, { name: 'Helena Duarte' });
    patient = await createPatient(server.db, { name: 'José Ribeiro', doctors: [doctor] });
    browser = await launchChromium();
    const context = await newContext(browser, server.url, PHONE);
    p = await context.newPage();
    errors = watchErrors(p);
    await p.goto('/entrar');
    await p.getByLabel('E-mail', { exact: true }).fill(doctor.email);
    await p.getByLabel('Senha', { exact: true }).fill(PASSWORD);
    await p.getByRole('button', { name: 'Entrar' }).click();
    await p.waitForURL(/\/medico$/);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("opens the form from the patient's visits", async () => {
    await p.goto(`/medico/pacientes/${patient.id}`);
    await p.getByRole('heading', { name: 'Atendimentos' }).waitFor();
    await p.getByText('Nenhum atendimento ainda', { exact: false }).waitFor();
    await p.getByRole('button', { name: 'Registrar consulta presencial' }).click();
    const dialog = p.getByRole('dialog', { name: 'Registrar consulta' });
    await dialog.waitFor();
    await dialog.getByText('José Ribeiro', { exact: false }).first().waitFor();
    await expectNoHorizontalOverflow(p, 'outside consultation dialog phone');
    await expectAccessible(p, 'outside-consultation-dialog-phone');
    await screenshot(p, 'outside-consultation-dialog-phone');
  });

  it('shows an inline error for an absurd duration and registers nothing', async () => {
    const dialog = p.getByRole('dialog', { name: 'Registrar consulta' });
    await dialog.getByLabel('Duração em minutos').fill('9999');
    await dialog.getByRole('button', { name: 'Registrar consulta' }).click();
    await dialog.getByText('A duração é de no máximo 8 horas.').waitFor();
    expect(await server.db.selectFrom('consultations').select('id').where('patient_id', '=', patient.id).execute()).toEqual([]);
  });

  it('registers it: the list shows it with its kind and note, and it is billed once', async () => {
    const dialog = p.getByRole('dialog', { name: 'Registrar consulta' });
    await dialog.getByText('Presencial', { exact: true }).click();
    await dialog.getByLabel('Duração em minutos').fill('40');
    await dialog.getByLabel('Observação').fill('Retorno com exames de sangue.');
    await dialog.getByRole('button', { name: 'Registrar consulta' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // A visit of its own on the record's timeline.
    const list = p.getByRole('list', { name: 'Atendimentos de José Ribeiro' });
    await list.getByText('Consulta presencial', { exact: false }).waitFor();
    await list.getByText('Retorno com exames de sangue.').waitFor();
    await list.getByText('40 min', { exact: false }).waitFor();

    const rows = await server.db.selectFrom('consultations').selectAll().where('patient_id', '=', patient.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'in_person', room_id: null, duration_seconds: 2400, doctor_id: doctor.id });
    const bills = await server.db.selectFrom('billing_records').selectAll().where('consultation_id', '=', rows[0]!.id).execute();
    expect(bills).toHaveLength(1);
    expect(bills[0]).toMatchObject({ kind: 'in_person', status: 'billed' });

    for (const close of await p.getByRole('button', { name: 'Fechar aviso' }).all()) await close.click();
    await expectNoHorizontalOverflow(p, 'patient with outside consultation phone');
    await expectAccessible(p, 'patient-outside-consultation-phone');
    await screenshot(p, 'patient-outside-consultation-phone');
    await p.setViewportSize(DESKTOP);
    await p.evaluate(() => window.scrollTo(0, 0));
    await screenshot(p, 'patient-outside-consultation-desktop');
    expect(errors).toEqual([]);
  });
});
