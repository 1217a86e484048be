import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRow } from '#server/db/types.ts';
import { DESKTOP, PHONE, expectAccessible, expectNoHorizontalOverflow, launchChromium, screenshot } from '../helpers/browser';
import { type CallPage, signedInCallPage } from '../helpers/call-pages';
import { createDoctor, createPatient } from '../helpers/factories';
import { type LiveServer, startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';

const run = chromiumAvailable();
const ENTRIES = 45;
const CONSULTATIONS = 25;

/** An instant `n` days after a fixed start: entry n is newer than entry n - 1. */
const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString();

/**
 * A patient followed for years: the history and the doctor's record page show 20 items first and
 * load older ones as the reader scrolls, or with the "Carregar…" button.
 */
describe.runIf(run)('long records load a page at a time', () => {
  let server: LiveServer;
  let browser: Browser;
  let doctor: UserRow;
  let patient: UserRow;
  const pages: CallPage[] = [];

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchChromium();
    doctor = await createDoctor(server.db, { name: 'Helena Duarte' });
    patient = await createPatient(server.db, { name: 'Maria Souza', doctors: [doctor] });
    for (let n = 1; n <= ENTRIES; n++) {
      await server.db
        .insertInto('evolutions')
        .values({
          id: randomUUID(),
          patient_id: patient.id,
          doctor_id: doctor.id,
          room_id: null,
          kind: 'evolution',
          amends_id: null,
          status: 'final',
          complaint: '',
          history: '',
          exam: '',
          plan: 'Retorno em 30 dias.',
          notes: `Registro número ${n}.`,
          version: 2,
          content_hash: 'a'.repeat(64),
          created_at: day(n),
          updated_at: day(n),
          finalized_at: day(n),
          discarded_at: null,
        })
        .execute();
    }
    for (let n = 1; n <= CONSULTATIONS; n++) {
      const roomId = randomUUID();
      await server.db
        .insertInto('rooms')
        .values({
          id: roomId,
          code: randomUUID().replace(/-/g, '').slice(0, 22),
          doctor_id: doctor.id,
          patient_id: patient.id,
          status: 'finished',
          reason: `Consulta ${n}`,
          scheduled_at: null,
          admitted_at: day(n),
          last_activity_at: day(n),
          created_at: day(n),
          closed_at: day(n),
        })
        .execute();
      await server.db
        .insertInto('consultations')
        .values({
          id: randomUUID(),
          room_id: roomId,
          doctor_id: doctor.id,
          patient_id: patient.id,
          started_at: day(n),
          ended_at: day(n),
          duration_seconds: 900,
          finalized_by: 'doctor',
        })
        .execute();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedIn(user: UserRow, viewport: { width: number; height: number }): Promise<Page> {
    const p = await signedInCallPage(browser, server.url, user.email, viewport);
    pages.push(p);
    return p.page;
  }

  const reads = async (actorId: string) =>
    (await server.db.selectFrom('record_access_log').select('action').where('actor_id', '=', actorId).execute()).map((r) => r.action);

  it('the patient’s history: 20 records first, older ones on scroll and with the button; the page is read once', async () => {
    const page = await signedIn(patient, PHONE);
    await page.goto('/paciente/historico');
    const entries = page.getByRole('list', { name: 'Registros dos seus atendimentos' }).locator(':scope > li');
    await page.getByText(`Registro número ${ENTRIES}.`).waitFor();
    expect(await entries.count()).toBe(20);
    // Both lists came from one request: one access-log row for opening the page.
    await page.getByRole('list', { name: 'Consultas', exact: true }).waitFor();
    expect(await reads(patient.id)).toEqual(['history.view']);
    const more = page.getByRole('button', { name: 'Carregar registros mais antigos' });
    await more.waitFor();
    await expectNoHorizontalOverflow(page, 'history phone');
    await expectAccessible(page, 'patient-history-paged-phone');
    await screenshot(page, 'patient-history-paged-phone');

    // Scrolling to the end of the list loads the next page without a click.
    await page.getByText('Registro número 26.').scrollIntoViewIfNeeded();
    await expect.poll(() => entries.count(), { timeout: 10_000 }).toBe(40);
    // The button does the same for a keyboard.
    await more.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Registro número 1.', { exact: true }).waitFor();
    expect(await entries.count()).toBe(ENTRIES);
    await expect.poll(() => more.count()).toBe(0);
    expect((await reads(patient.id)).every((a) => a === 'history.view')).toBe(true);
  });

  it('the doctor’s record page: the newest visits first (20 evolutions and 20 consultations asked), the rest on demand', async () => {
    const page = await signedIn(doctor, DESKTOP);
    await page.goto(`/medico/pacientes/${patient.id}`);
    // One timeline of visits: the calls and the entries written outside a call, newest first.
    const visits = page.getByRole('list', { name: `Atendimentos de ${patient.name}` }).locator(':scope > li');
    await page.getByText(`Registro número ${ENTRIES}.`).waitFor();
    // The first pages reach back to entry 26 and consultation 6: only what is complete down to
    // entry 26 shows (the consultations are older), so no visit is missing in between.
    expect(await visits.count()).toBe(20);
    expect(await reads(doctor.id)).toEqual(['record.view']);
    const more = page.getByRole('button', { name: 'Carregar atendimentos mais antigos' });
    await more.waitFor();
    await expectAccessible(page, 'patient-record-paged-desktop');
    await screenshot(page, 'patient-record-paged-desktop');

    // Bringing the end of the list into view loads older pages until every visit is there.
    for (let tries = 0; tries < 10 && (await visits.count()) < ENTRIES + CONSULTATIONS; tries++) {
      const before = await visits.count();
      if ((await more.count()) > 0) await more.scrollIntoViewIfNeeded().catch(() => undefined);
      await expect.poll(async () => (await visits.count()) > before || (await more.count()) === 0, { timeout: 10_000 }).toBe(true);
    }
    expect(await visits.count()).toBe(ENTRIES + CONSULTATIONS);
    await expect.poll(() => more.count()).toBe(0);

    await page.setViewportSize(PHONE);
    await page.goto(`/medico/pacientes/${patient.id}`);
    await page.getByText(`Registro número ${ENTRIES}.`).waitFor();
    await expectNoHorizontalOverflow(page, 'record phone');
    await expectAccessible(page, 'patient-record-paged-phone');
    await screenshot(page, 'patient-record-paged-phone');
  });

  it('logged no page errors or CSP violations', () => {
    expect(pages.flatMap((p) => p.errors)).toEqual([]);
  });
});
