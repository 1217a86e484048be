import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, checkScreenAtBothWidths, launchChromium, newContext, watchErrors } from '../helpers/browser';
import { type CallPage, expectFramesGrowing, signedInCallPage, openRoomForCall, waitSaved } from '../helpers/call-pages';
import { createDoctor, createPatient } from '../helpers/factories';
import { type LiveServer, startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';

const run = chromiumAvailable();

/** Reads a QR code drawn as SVG the way a phone camera would: rasterised, then decoded by an independent decoder. */
async function decodeQr(svg: string): Promise<string | null> {
  const { data, info } = await sharp(Buffer.from(svg))
    .resize(400, 400, { kernel: 'nearest' })
    .flatten({ background: '#ffffff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data ?? null;
}

/**
 * The end of a real video call, as a doctor lives it (issue 12, items 1, 5, 6 and 8): on a phone
 * the notes leave the patient in view and the rarer controls sit behind "Mais"; a prescription
 * says which field stops the signature; the red button asks "Finalizar consulta" or "Sair por
 * enquanto" and the patient reads a sentence that fits; finalizing with an unsigned evolution
 * says so and the end screen leads back to it; the printed prescription carries a QR code to a
 * public page that confirms it without showing it.
 */
describe.runIf(run)('the end of a call and its record', () => {
  let server: LiveServer;
  let browser: Browser;
  let doctor: CallPage;
  let patient: CallPage;
  let code = '';
  let crm = '';
  let draftPath = '';
  const extraErrors: string[] = [];

  beforeAll(async () => {
    server = await startLiveServer();
    browser = await launchChromium();
    const d = await createDoctor(server.db, { name: 'Helena Duarte' });
    const p = await createPatient(server.db, { name: 'José Almeida', doctors: [d] });
    const profile = await server.db.selectFrom('doctor_profiles').select(['crm_number', 'crm_uf']).where('user_id', '=', d.id).executeTakeFirstOrThrow();
    crm = `CRM/${profile.crm_uf} ${profile.crm_number}`;
    doctor = await signedInCallPage(browser, server.url, d.email, DESKTOP);
    patient = await signedInCallPage(browser, server.url, p.email, PHONE);
    code = await openRoomForCall(doctor, patient, server.url, p.id, 'Pressão alta');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function notesTab(page: Page): Promise<void> {
    const tab = page.getByRole('tab', { name: 'Anotações' });
    if (!(await tab.isVisible())) await page.getByRole('button', { name: 'Conversa' }).click();
    await tab.waitFor();
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await page.getByLabel('Anotações livres').waitFor();
  }

  async function doctorEnters(): Promise<void> {
    await doctor.page.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await expectFramesGrowing(doctor.page, 'doctor');
  }

  it('on a phone the open notes take the lower half and the patient stays in view; controls keep captions and "Mais" is a keyboard menu', async () => {
    await patient.page.goto(`/sala/${code}`);
    await patient.page.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await patient.page
      .getByText(/Aguardando/)
      .first()
      .waitFor();
    const d = doctor.page;
    await d.goto(`/sala/${code}`);
    await d.getByRole('button', { name: 'Entrar na consulta', exact: true }).click();
    await d.getByRole('button', { name: 'Deixar entrar' }).click();
    await expectFramesGrowing(d, 'doctor');
    await expectFramesGrowing(patient.page, 'patient');

    await d.setViewportSize(PHONE);
    await notesTab(d);
    const videos = (await d.locator('.call-videos').boundingBox())!;
    const panel = (await d.getByRole('complementary', { name: 'Painel da consulta' }).boundingBox())!;
    // Half and half, one above the other: the panel never covers the patient's picture.
    expect(panel.height).toBeLessThanOrEqual(PHONE.height * 0.5);
    expect(videos.height).toBeGreaterThanOrEqual(PHONE.height * 0.3);
    expect(panel.y).toBeGreaterThanOrEqual(videos.y + videos.height - 1);
    await expect.poll(() => d.locator('video[data-testid="remote-video"]').isVisible()).toBe(true);

    // Short captions under every button, also on a phone; "Tela" and "Dispositivos" are behind "Mais".
    const bar = d.getByRole('group', { name: 'Controles da chamada' });
    for (const caption of ['Microfone', 'Câmera', 'Conversa', 'Mais', 'Sair', 'Finalizar'])
      await expect.poll(() => bar.getByText(caption, { exact: true }).isVisible(), { message: caption }).toBe(true);
    expect(await bar.getByRole('button', { name: 'Compartilhar tela' }).count()).toBe(0);
    expect(await bar.getByRole('button', { name: 'Trocar dispositivo' }).count()).toBe(0);

    const more = d.getByRole('button', { name: 'Mais opções' });
    expect(await more.getAttribute('aria-haspopup')).toBe('menu');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.focus();
    await d.keyboard.press('Enter');
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true');
    const menu = d.getByRole('menu', { name: 'Mais opções' });
    const items = menu.getByRole('menuitem');
    expect(await items.allTextContents()).toEqual(['Compartilhar a tela', 'Trocar câmera ou microfone']);
    await expect.poll(() => d.evaluate(() => document.activeElement?.textContent)).toBe('Compartilhar a tela');
    await d.keyboard.press('ArrowDown');
    await expect.poll(() => d.evaluate(() => document.activeElement?.textContent)).toBe('Trocar câmera ou microfone');
    await d.keyboard.press('ArrowDown');
    await expect.poll(() => d.evaluate(() => document.activeElement?.textContent)).toBe('Compartilhar a tela');
    await d.keyboard.press('Escape');
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => d.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Mais opções');

    // The device choice is reachable from the keyboard through the menu.
    await d.keyboard.press('ArrowUp');
    await expect.poll(() => d.evaluate(() => document.activeElement?.textContent)).toBe('Trocar câmera ou microfone');
    await d.keyboard.press('Enter');
    await d.getByRole('dialog', { name: 'Câmera e som' }).waitFor();
    await d.getByRole('button', { name: 'Concluir' }).click();

    await more.click();
    await menu.waitFor();
    await checkScreenAtBothWidths(d, 'call-more-menu');
    await d.keyboard.press('Escape');
    await d.setViewportSize(PHONE);
    await notesTab(d);
    await checkScreenAtBothWidths(d, 'call-notes-half');
  });

  it('prescription fields show "Ex.:" placeholders and required marks, and signing names the field that blocks it, next to it', async () => {
    const d = doctor.page;
    await notesTab(d);
    await d.getByLabel('Anotações livres').fill('Pressão 150/95 na medida de casa. Sem sintomas.');
    await d.getByRole('button', { name: 'Adicionar medicamento' }).click();
    for (const [label, placeholder] of [
      ['Medicamento do item 1', 'Ex.: Dipirona 500 mg'],
      ['Dose do item 1', 'Ex.: 1 comprimido'],
      ['Via do item 1', 'Ex.: oral'],
      ['Frequência do item 1', 'Ex.: de 6 em 6 horas'],
    ] as const) {
      expect(await d.getByLabel(label).getAttribute('placeholder')).toBe(placeholder);
    }
    for (const label of ['Medicamento do item 1', 'Dose do item 1', 'Frequência do item 1'])
      expect(await d.getByLabel(label).getAttribute('aria-required'), label).toBe('true');
    expect(await d.getByLabel('Via do item 1').getAttribute('aria-required')).toBeNull();
    await d.getByText('Obrigatório para assinar.').first().waitFor();

    await d.getByLabel('Medicamento do item 1').fill('Losartana 50 mg');
    await d.getByLabel('Via do item 1').fill('oral');
    await d.getByLabel('Duração do item 1').fill('uso contínuo');
    await waitSaved(d);
    await d.getByRole('button', { name: 'Assinar evolução' }).click();
    await d.getByText('Para assinar, preencha: Dose do item 1 da receita e Frequência do item 1 da receita.').waitFor();
    const dose = d.getByLabel('Dose do item 1');
    expect(await dose.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await dose.getAttribute('aria-describedby'))!;
    expect(await d.locator(`[id="${errorId}"]`).textContent()).toBe('Informe a dose.');
    await expect.poll(() => d.evaluate(() => document.activeElement?.id)).toBe(await dose.getAttribute('id'));
    await checkScreenAtBothWidths(d, 'call-sign-blocked');
  });

  it('the red button asks; "Sair por enquanto" leaves the patient waiting with a sentence that says the doctor comes back', async () => {
    const d = doctor.page;
    await d.getByRole('button', { name: 'Sair da chamada' }).click();
    const ask = d.getByRole('dialog', { name: 'Sair da consulta?' });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Finalizar consulta' }).waitFor();
    await checkScreenAtBothWidths(d, 'call-hangup-question');
    await ask.getByRole('button', { name: 'Sair por enquanto' }).click();
    await d.getByText('Você saiu da chamada').first().waitFor();
    await checkScreenAtBothWidths(d, 'call-doctor-stepped-out');

    const p = patient.page;
    await p.getByText('Dr(a). Helena Duarte saiu por um momento e vai voltar. Aguarde aqui, sem fechar esta página.').waitFor();
    await p.getByRole('status').filter({ hasText: 'saiu por um momento' }).first().waitFor();
    expect(await p.getByText('Seu médico saiu da chamada').count()).toBe(0);
    // The room is still open: nothing was finalized.
    const room = await server.db.selectFrom('rooms').select('status').where('code', '=', code).executeTakeFirstOrThrow();
    expect(room.status).toBe('open');
    await checkScreenAtBothWidths(p, 'call-patient-doctor-away');
    await p.setViewportSize(PHONE);

    await d.getByRole('button', { name: 'Voltar para a consulta' }).click();
    await doctorEnters();
    await expectFramesGrowing(p, 'patient after the doctor came back');
    expect(await p.getByText(/saiu por um momento/).count()).toBe(0);
  });

  it('finalizing with an unsigned evolution says so; "Assinar agora" goes back to signing; "Finalizar mesmo assim" ends and the end screen leads back to the draft', async () => {
    const d = doctor.page;
    await d.getByRole('button', { name: 'Finalizar consulta' }).click();
    const unsigned = d.getByRole('dialog', { name: 'A evolução ainda não foi assinada' });
    await unsigned.waitFor();
    await unsigned.getByRole('button', { name: 'Finalizar mesmo assim' }).waitFor();
    await checkScreenAtBothWidths(d, 'call-finalize-unsigned');
    await unsigned.getByRole('button', { name: 'Assinar agora' }).click();
    // Back in the notes, the signature was attempted: the missing dose is named and focused.
    await d.getByText('Para assinar, preencha: Dose do item 1 da receita e Frequência do item 1 da receita.').waitFor();
    await expect.poll(() => d.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');

    await d.getByRole('button', { name: 'Finalizar consulta' }).click();
    await unsigned.waitFor();
    await unsigned.getByRole('button', { name: 'Finalizar mesmo assim' }).click();

    const p = patient.page;
    await p.getByText('A consulta foi encerrada.').first().waitFor();
    await checkScreenAtBothWidths(p, 'call-patient-ended');

    await d.getByText('A evolução desta consulta ainda não foi assinada').waitFor();
    const again = d.getByRole('link', { name: 'Continuar escrevendo' });
    await checkScreenAtBothWidths(d, 'call-doctor-ended-unsigned');
    const draft = await server.db
      .selectFrom('evolutions')
      .innerJoin('rooms', 'rooms.id', 'evolutions.room_id')
      .select(['evolutions.id', 'evolutions.status', 'evolutions.patient_id'])
      .where('rooms.code', '=', code)
      .executeTakeFirstOrThrow();
    expect(draft.status).toBe('draft');
    draftPath = `/medico/pacientes/${draft.patient_id}/evolucoes/${draft.id}`;
    expect(await again.getAttribute('href')).toBe(draftPath);
    await again.click();
    await d.waitForURL((url) => url.pathname === draftPath);
    await expect.poll(() => d.getByLabel('Anotações livres').inputValue()).toContain('Pressão 150/95');
  });

  it('the printed prescription reads "uso contínuo" and carries a QR code to a public page that confirms it without its content', async () => {
    const d = doctor.page;
    await d.getByLabel('Dose do item 1').fill('1 comprimido');
    await d.getByLabel('Frequência do item 1').fill('1 vez ao dia');
    await waitSaved(d);
    await d.getByRole('button', { name: 'Assinar evolução' }).click();
    await d.getByRole('button', { name: 'Sim, assinar' }).click();
    await d.getByRole('link', { name: 'Imprimir receita' }).first().click();
    await d.waitForURL(/\/documentos\/receita\//);
    await d.getByText('Losartana 50 mg').first().waitFor();
    await d
      .getByText(/uso contínuo/)
      .first()
      .waitFor();
    expect(await d.getByText(/por uso contínuo/).count()).toBe(0);
    expect(await d.getByText(/SHA-256/).count()).toBe(0);

    const link = d.locator('.doc-verify a');
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^${server.url}/verificar/[A-Za-z0-9_-]{22}$`));
    const qr = d.getByRole('img', { name: 'QR Code para conferir este documento' });
    await qr.locator('svg').waitFor();
    expect(await decodeQr(await qr.innerHTML())).toBe(href);
    await checkScreenAtBothWidths(d, 'prescription-verification-link');

    // Anyone with the paper, signed in or not: the doctor, the CRM, the date, the hash; nothing of the patient.
    const context = await newContext(browser, server.url, PHONE);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(href);
    await page.getByRole('heading', { name: 'Documento verdadeiro' }).waitFor();
    await page.getByText('Dr(a). Helena Duarte').waitFor();
    await page.getByText(crm).waitFor();
    const hash = await server.db.selectFrom('evolutions').select('content_hash').where('id', '=', draftPath.split('/').pop()!).executeTakeFirstOrThrow();
    await page.getByText(hash.content_hash!).waitFor();
    const body = (await page.locator('body').textContent())!;
    for (const secret of ['José', 'Almeida', 'Losartana', 'Pressão 150']) expect(body).not.toContain(secret);
    await checkScreenAtBothWidths(page, 'document-verification');

    await page.goto(`/verificar/${'A'.repeat(22)}`);
    await page.getByRole('heading', { name: 'Documento não encontrado' }).waitFor();
    await checkScreenAtBothWidths(page, 'document-verification-unknown');
    extraErrors.push(...errors);
    await context.close();
  });

  it('logged no page errors or CSP violations', () => {
    expect([...doctor.errors, ...patient.errors, ...extraErrors]).toEqual([]);
  });
});
