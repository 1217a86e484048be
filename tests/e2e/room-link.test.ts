import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRow } from '#server/db/types.ts';
import { DESKTOP, PHONE, checkScreenAtBothWidths, launchChromium, newContext, watchErrors } from '../helpers/browser';
import { PASSWORD, createAdmin, createDoctor, createPatient } from '../helpers/factories';
import { type ReceivedMail, startFakeSmtp } from '../helpers/fake-smtp';
import { type LiveServer, startLiveServer } from '../helpers/live-server';
import { chromiumAvailable } from '../helpers/requirements';

const run = chromiumAvailable();

/** The token in an e-mail: the body is quoted-printable, which may wrap the link and encode "=". */
function linkInMail(mail: ReceivedMail): string {
  const body = mail.data.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const match = /https?:\/\/\S+\/nova-senha\/[A-Za-z0-9_-]{43}/.exec(body);
  if (!match) throw new Error(`no link in the e-mail: ${body}`);
  return match[0];
}

/**
 * The patient's way in (issue 12, items 9, 10 and 13): the room link is a landing page where a
 * new patient creates a password and accepts the consent term in one step, then goes to the
 * pre-call check and the waiting room; a patient with a password signs in there; "Esqueci minha
 * senha" and the "Gerar link para nova senha" actions; invite badges and counts that agree.
 */
describe.runIf(run)('the room link is enough', () => {
  let server: LiveServer;
  let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
  let browser: Browser;
  let doctor: UserRow;
  let maria: UserRow;
  let jose: UserRow;
  let doctorPage: Page;
  let roomLink = '';
  const contexts: BrowserContext[] = [];
  const errorLists: string[][] = [];

  async function page(viewport: { width: number; height: number }, media = false): Promise<Page> {
    const context = await newContext(browser, server.url, viewport);
    if (media) await context.grantPermissions(['camera', 'microphone'], { origin: server.url });
    contexts.push(context);
    const p = await context.newPage();
    errorLists.push(watchErrors(p));
    return p;
  }

  async function signIn(p: Page, email: string, password = PASSWORD): Promise<void> {
    await p.goto('/entrar');
    await p.getByLabel('E-mail', { exact: true }).fill(email);
    await p.getByLabel('Senha', { exact: true }).fill(password);
    await p.getByRole('button', { name: 'Entrar' }).click();
    await p.waitForURL((url) => !url.pathname.startsWith('/entrar'));
  }

  beforeAll(async () => {
    smtp = await startFakeSmtp();
    // WEB_DIST_DIR: a private build, for a machine where others rebuild dist/web during this run.
    server = await startLiveServer({ SMTP_URL: smtp.url, ...(process.env.WEB_DIST_DIR ? { WEB_DIST_DIR: process.env.WEB_DIST_DIR } : {}) });
    browser = await launchChromium();
    doctor = await createDoctor(server.db, { name: 'Dra. Helena Duarte' });
    maria = await createPatient(server.db, { name: 'Maria Aparecida Souza', doctors: [doctor], activated: false });
    jose = await createPatient(server.db, { name: 'José Ribeiro', doctors: [doctor] });
    doctorPage = await page(DESKTOP);
    await signIn(doctorPage, doctor.email);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    for (const errors of errorLists) expect(errors.join('\n')).toBe('');
  });

  it('the doctor\'s "Nova consulta" warns that Maria has no password and sends invite and room in one message', async () => {
    await doctorPage.goto('/medico/salas');
    await doctorPage.getByRole('button', { name: 'Nova consulta' }).first().click();
    const dialog = doctorPage.getByRole('dialog', { name: 'Nova consulta' });
    await dialog.getByLabel('Paciente').selectOption({ label: 'Maria Aparecida Souza (ainda não criou a senha)' });
    await dialog.getByRole('button', { name: 'Abrir sala' }).click();
    const opened = doctorPage.getByRole('dialog', { name: 'Sala aberta' });
    await opened.getByText('Maria ainda não criou a senha').waitFor();
    const field = opened.getByLabel('Link da consulta');
    roomLink = await field.inputValue();
    expect(roomLink).toMatch(new RegExp(`^${server.url}/sala/[A-Za-z0-9_-]{22}#convite=[A-Za-z0-9_-]{43}$`));
    const whatsapp = decodeURIComponent((await opened.getByRole('link', { name: 'Enviar pelo WhatsApp' }).getAttribute('href')) ?? '');
    expect(whatsapp).toContain(roomLink);
    expect(whatsapp).toContain('Na primeira vez, o link pede para você criar uma senha');
    // One primary action in the dialog: sending the link.
    expect(await opened.locator('.btn-primary').count()).toBe(1);
    await checkScreenAtBothWidths(doctorPage, 'room-dialog-invite');
    await opened.getByRole('button', { name: 'Concluir' }).click();
  });

  it('the rooms list sends the same link later: with a fresh invite while the patient has no password', async () => {
    await createPatient(server.db, { name: 'Ana Lúcia Prado', doctors: [doctor], activated: false });
    await doctorPage.goto('/medico/salas');
    await doctorPage.getByRole('button', { name: 'Nova consulta' }).first().click();
    const dialog = doctorPage.getByRole('dialog', { name: 'Nova consulta' });
    await dialog.getByLabel('Paciente').selectOption({ label: 'Ana Lúcia Prado (ainda não criou a senha)' });
    await dialog.getByRole('button', { name: 'Abrir sala' }).click();
    const opened = doctorPage.getByRole('dialog', { name: 'Sala aberta' });
    const first = await opened.getByLabel('Link da consulta').inputValue();
    await opened.getByRole('button', { name: 'Concluir' }).click();

    await doctorPage.getByRole('button', { name: 'Enviar link para Ana Lúcia Prado' }).click();
    const share = doctorPage.getByRole('dialog', { name: 'Enviar link da consulta' });
    await share.getByText('Ana ainda não criou a senha').waitFor();
    const later = await share.getByLabel('Link da consulta').inputValue();
    expect(later).toMatch(new RegExp(`^${server.url}/sala/[A-Za-z0-9_-]{22}#convite=[A-Za-z0-9_-]{43}$`));
    // Same room, a fresh invite (it replaces the one sent before, so the link sent last works).
    expect(later.split('#')[0]).toBe(first.split('#')[0]);
    expect(later).not.toBe(first);
    const whatsapp = decodeURIComponent((await share.getByRole('link', { name: 'Enviar pelo WhatsApp' }).getAttribute('href')) ?? '');
    expect(whatsapp).toContain(later);
    await checkScreenAtBothWidths(doctorPage, 'rooms-list-share-link');
    await doctorPage.keyboard.press('Escape');
  });

  it('Maria, on a phone, goes from the link to the waiting room in 3 taps', async () => {
    const p = await page(PHONE, true);
    let taps = 0;
    const tap = async (target: Locator) => {
      taps += 1;
      await target.click();
    };
    await p.goto(roomLink);
    await p.getByText('Sua consulta com Dra. Helena', { exact: true }).waitFor();
    await p.getByRole('heading', { name: 'Olá, Maria! Crie sua senha para entrar' }).waitFor();
    await checkScreenAtBothWidths(p, 'room-landing-new-patient');

    // Missing consent is said next to the box, and nothing is sent.
    await p.getByLabel('Crie uma senha').fill('maria-senha-nova-1');
    await tap(p.getByRole('button', { name: 'Criar senha e entrar' }));
    await p.getByText('Marque “Li e concordo com o termo” para continuar.').waitFor();
    expect((await server.db.selectFrom('users').select('password_hash').where('id', '=', maria.id).executeTakeFirstOrThrow()).password_hash).toBeNull();
    taps = 0;

    await tap(p.getByLabel('Li e concordo com o termo de consentimento para consulta por vídeo'));
    await tap(p.getByRole('button', { name: 'Criar senha e entrar' }));
    await p.getByRole('heading', { name: 'Tudo pronto para a consulta?' }).waitFor({ timeout: 15_000 });
    // The used invite leaves the address; the consent is stored; no consent screen came in between.
    expect(new URL(p.url()).hash).toBe('');
    const consent = await server.db.selectFrom('consents').select('version').where('patient_id', '=', maria.id).execute();
    expect(consent).toHaveLength(1);
    await tap(p.getByRole('button', { name: 'Entrar na consulta' }));
    await p.getByRole('heading', { name: /deixar você entrar/ }).waitFor({ timeout: 15_000 });
    expect(taps).toBe(3);
    await checkScreenAtBothWidths(p, 'room-landing-waiting-room');
  });

  it('the same link forwarded after use creates no password: it asks to sign in', async () => {
    const p = await page(DESKTOP);
    await p.goto(roomLink);
    await p.getByText('Sua senha já foi criada. Entre com seu e-mail e a senha que você escolheu.').waitFor();
    await p.getByRole('heading', { name: 'Sua consulta com Dra. Helena' }).waitFor();
    expect(await p.getByLabel('Crie uma senha').count()).toBe(0);
    await checkScreenAtBothWidths(p, 'room-landing-used-invite');
  });

  it('José, who has a password, signs in on the landing page and stays on his room', async () => {
    const res = await doctorPage.context().request.post('/api/rooms', { data: { patientId: jose.id }, headers: { origin: server.url } });
    const code = ((await res.json()) as { code: string }).code;
    const p = await page(PHONE, true);
    await p.goto(`/sala/${code}`);
    await p.getByRole('heading', { name: 'Sua consulta com Dra. Helena' }).waitFor();
    await p.getByRole('link', { name: 'Esqueci minha senha' }).waitFor();
    await checkScreenAtBothWidths(p, 'room-landing-sign-in');
    await p.getByLabel('E-mail', { exact: true }).fill(jose.email);
    await p.getByLabel('Senha', { exact: true }).fill(PASSWORD);
    await p.getByRole('button', { name: 'Entrar' }).click();
    // First video consultation: the term, on the same address.
    await p.getByRole('heading', { name: 'Termo de consentimento para atendimento por telemedicina' }).waitFor();
    expect(new URL(p.url()).pathname).toBe(`/sala/${code}`);
  });

  it('the app takes over the screen drawn at build without drawing it again (one largest paint, forms come alive)', async () => {
    const p = await page(PHONE);
    // Parsing done, the page's scripts not run yet: the brand panel as the HTML drew it.
    await p.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') (window as { builtPanel?: Element | null }).builtPanel = document.querySelector('.auth-brand-text');
      });
    });
    const keptTheBuiltPanel = () =>
      p.evaluate(() => {
        const built = (window as { builtPanel?: Element | null }).builtPanel;
        return { drawnAtBuild: !!built, sameNode: !!built && built.isConnected && built === document.querySelector('.auth-brand-text') };
      });
    for (const path of [new URL(roomLink).pathname, '/entrar']) {
      await p.goto(path);
      // The HTML's form (inert, and its button) is there before the app runs, which starts after
      // the first paint (ADR 026): the app has taken over once no form is inert.
      await p.getByRole('button', { name: 'Entrar' }).waitFor();
      await expect.poll(() => p.locator('form[inert]').count(), { message: `${path}: a form stayed inert`, timeout: 10_000 }).toBe(0);
      expect(await keptTheBuiltPanel(), path).toEqual({ drawnAtBuild: true, sameNode: true });
    }
  });

  it('a closed or unknown room link says so', async () => {
    const p = await page(DESKTOP);
    await p.goto(`/sala/${'x'.repeat(22)}`);
    await p.getByRole('heading', { name: 'Este link de consulta não é válido' }).waitFor();
    await checkScreenAtBothWidths(p, 'room-landing-invalid');
  });

  it('"Esqueci minha senha" e-mails a link; the new password works and the old one no longer does', async () => {
    const p = await page(PHONE);
    await p.goto('/entrar');
    // The login page promises only what exists.
    const brand = (await p.locator('.auth-brand').innerText()).toLowerCase();
    expect(brand).not.toContain('agendamento');
    await checkScreenAtBothWidths(p, 'login');
    await p.getByRole('link', { name: 'Esqueci minha senha' }).click();
    await p.getByRole('heading', { name: 'Esqueci minha senha' }).waitFor();
    await checkScreenAtBothWidths(p, 'forgot-password');
    const mail = smtp.nextMail();
    await p.getByLabel('E-mail', { exact: true }).fill(jose.email);
    await p.getByRole('button', { name: 'Enviar link' }).click();
    await p.getByRole('heading', { name: 'Confira seu e-mail' }).waitFor();
    await checkScreenAtBothWidths(p, 'forgot-password-sent');
    const link = linkInMail(await mail);
    await p.goto(link);
    await p.getByRole('heading', { name: 'Olá, José' }).waitFor();
    await checkScreenAtBothWidths(p, 'reset-password');
    await p.getByLabel('Senha nova').fill('jose-senha-nova-123');
    await p.getByRole('button', { name: 'Salvar senha e entrar' }).click();
    await p.waitForURL(/\/paciente$/);
    // The link worked once.
    await p.goto(link);
    await p.getByRole('heading', { name: 'Este link já foi usado' }).waitFor();
    const other = await page(DESKTOP);
    await other.goto('/entrar');
    await other.getByLabel('E-mail', { exact: true }).fill(jose.email);
    await other.getByLabel('Senha', { exact: true }).fill(PASSWORD);
    await other.getByRole('button', { name: 'Entrar' }).click();
    await other.getByText('E-mail ou senha incorretos.').first().waitFor();
  });

  it('the doctor generates "Gerar link para nova senha" for her own patient, shown with a WhatsApp share', async () => {
    await doctorPage.goto(`/medico/pacientes/${jose.id}`);
    await doctorPage.getByRole('button', { name: 'Gerar link para nova senha' }).click();
    const dialog = doctorPage.getByRole('dialog', { name: 'Link para nova senha' });
    const link = await dialog.getByLabel('Link para nova senha').inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/nova-senha/[A-Za-z0-9_-]{43}$`));
    const whatsapp = decodeURIComponent((await dialog.getByRole('link', { name: 'Enviar pelo WhatsApp' }).getAttribute('href')) ?? '');
    expect(whatsapp).toContain(link);
    expect(await dialog.locator('.btn-primary').count()).toBe(1);
    await checkScreenAtBothWidths(doctorPage, 'reset-link-doctor');
    await dialog.getByRole('button', { name: 'Concluir' }).click();
  });

  it('the admin: expired invites are badged and counted, and any active person gets a new-password link', async () => {
    const expired = await createPatient(server.db, { name: 'Beatriz Expirada', activated: false });
    const admin = await createAdmin(server.db);
    const p = await page(DESKTOP);
    await signIn(p, admin.email);
    await p.goto('/admin/usuarios');
    await p.getByText('Beatriz Expirada').first().waitFor();
    // Beatriz is the only person without a password and without a working invite.
    expect(await p.getByText('Convite expirado', { exact: true }).count()).toBe(1);
    await checkScreenAtBothWidths(p, 'users-invite-expired');
    await p.goto('/admin');
    // Maria accepted hers, Beatriz never had one: one expired, none pending.
    await p.getByText('1 convite expirado').waitFor();
    expect(expired.id).toBeTruthy();
    await p.goto(`/admin/usuarios/${doctor.id}`);
    await p.getByRole('button', { name: 'Gerar link para nova senha' }).click();
    const dialog = p.getByRole('dialog', { name: 'Link para nova senha' });
    expect(await dialog.getByLabel('Link para nova senha').inputValue()).toMatch(/\/nova-senha\/[A-Za-z0-9_-]{43}$/);
    await checkScreenAtBothWidths(p, 'reset-link-admin');
  });
});
