import { createBrowserRouter } from 'react-router';
import { type ComponentType, lazy } from 'react';
import { AppLayout } from './layouts/app-layout';
import { CallLayout } from './layouts/call-layout';
import { DocumentLayout } from './layouts/document-layout';
import { PublicLayout } from './layouts/public-layout';
import { RoleGuard } from './layouts/role-guard';
import { RootFallback, RootLayout } from './root-layout';
import { RootRedirect } from './root-redirect';
import { RouteErrorPage } from './route-error-page';

/**
 * The call's code loads inside CallLayout (its Suspense), not as the route's `lazy`: the router
 * would wait for it before drawing anything, and someone not signed in never needs it (the room
 * link's landing).
 */
const CallPage = lazy(async () => ({ default: (await import('./pages/call-page')).CallPage }));

/** Route-level code splitting: a page's code downloads only when someone opens it. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return async () => ({ Component: (await load())[name] });
}

/**
 * The app's router, made on first call rather than when this module loads: matching the URL
 * against every route and reading the session's stored transitions is ~25 ms on a desktop, ~100
 * on the phone Lighthouse simulates, and main.tsx runs it in a task of its own after the code's
 * evaluation instead of at the end of that already long task (ADR 026).
 */
export function appRouter(): AppRouter {
  router ??= createBrowserRouter(ROUTES);
  return router;
}

type AppRouter = ReturnType<typeof createBrowserRouter>;
let router: AppRouter | undefined;

const ROUTES: Parameters<typeof createBrowserRouter>[0] = [
  {
    Component: RootLayout,
    HydrateFallback: RootFallback,
    ErrorBoundary: RouteErrorPage,
    children: [
      { index: true, Component: RootRedirect },
      { path: 'entrar', lazy: page(() => import('#web/features/auth/components/login-page.tsx'), 'LoginPage') },
      { path: 'convite/:token', lazy: page(() => import('#web/features/auth/components/invite-page.tsx'), 'InvitePage') },
      { path: 'esqueci-senha', lazy: page(() => import('#web/features/auth/components/forgot-password-page.tsx'), 'ForgotPasswordPage') },
      { path: 'nova-senha/:token', lazy: page(() => import('#web/features/auth/components/reset-password-page.tsx'), 'ResetPasswordPage') },
      {
        Component: AppLayout,
        children: [
          {
            path: 'admin',
            element: <RoleGuard role="admin" />,
            children: [
              { index: true, lazy: page(() => import('./pages/admin-home-page'), 'AdminHomePage') },
              { path: 'usuarios', lazy: page(() => import('#web/features/users/components/users-page.tsx'), 'UsersPage') },
              { path: 'usuarios/novo', lazy: page(() => import('#web/features/users/components/new-user-page.tsx'), 'NewUserPage') },
              { path: 'usuarios/:id', lazy: page(() => import('./pages/admin-user-page'), 'AdminUserPage') },
              { path: 'acessos', lazy: page(() => import('#web/features/records/components/access-log-page.tsx'), 'AccessLogPage') },
              { path: 'faturamento', lazy: page(() => import('#web/features/billing/components/billing-page.tsx'), 'BillingPage') },
              { path: 'fechamentos', lazy: page(() => import('./pages/admin-closings-page'), 'AdminClosingsPage') },
              { path: 'fechamentos/pagamentos/:id', lazy: page(() => import('#web/features/payments/components/admin-payment-page.tsx'), 'AdminPaymentPage') },
              { path: 'fechamentos/historico', lazy: page(() => import('#web/features/payments/components/payment-history-page.tsx'), 'PaymentHistoryPage') },
              { path: 'valores', lazy: page(() => import('#web/features/billing/components/fees-page.tsx'), 'FeesPage') },
              { path: 'backups', lazy: page(() => import('#web/features/backups/components/backups-page.tsx'), 'BackupsPage') },
              { path: 'redefinir', lazy: page(() => import('#web/features/backups/components/reset-page.tsx'), 'ResetPage') },
            ],
          },
          {
            path: 'medico',
            element: <RoleGuard role="doctor" />,
            children: [
              { index: true, lazy: page(() => import('./pages/doctor-dashboard-page'), 'DoctorDashboardPage') },
              { path: 'pacientes', lazy: page(() => import('#web/features/patients/components/patients-page.tsx'), 'PatientsPage') },
              { path: 'pacientes/novo', lazy: page(() => import('#web/features/patients/components/new-patient-page.tsx'), 'NewPatientPage') },
              { path: 'pacientes/:id', lazy: page(() => import('./pages/patient-detail-page'), 'PatientDetailPage') },
              { path: 'pacientes/:patientId/evolucoes/:id', lazy: page(() => import('#web/features/records/components/evolution-page.tsx'), 'EvolutionPage') },
              { path: 'salas', lazy: page(() => import('#web/features/rooms/components/rooms-page.tsx'), 'RoomsPage') },
              { path: 'ganhos', lazy: page(() => import('#web/features/billing/components/earnings-page.tsx'), 'EarningsPage') },
              { path: 'pagamentos/:id?', lazy: page(() => import('#web/features/payments/components/my-payments-page.tsx'), 'MyPaymentsPage') },
            ],
          },
          {
            path: 'paciente',
            element: <RoleGuard role="patient" />,
            children: [
              { index: true, lazy: page(() => import('./pages/patient-dashboard-page'), 'PatientDashboardPage') },
              { path: 'historico', lazy: page(() => import('#web/features/records/components/patient-history-page.tsx'), 'PatientHistoryPage') },
              { path: 'acessos', lazy: page(() => import('#web/features/records/components/my-access-log-page.tsx'), 'MyAccessLogPage') },
            ],
          },
          { path: 'perfil', lazy: page(() => import('#web/features/profile/components/profile-page.tsx'), 'ProfilePage') },
        ],
      },
      {
        // The consultation room: full screen, dark, no sidebar; its code loads only when opened.
        Component: CallLayout,
        children: [{ path: 'sala/:code', Component: CallPage }],
      },
      {
        // Printable prescription / evolution: just the A4 sheet, no app frame (doctors and patients).
        Component: DocumentLayout,
        children: [{ path: 'documentos/:kind/:id', lazy: page(() => import('#web/features/records/components/document-page.tsx'), 'DocumentPage') }],
      },
      {
        Component: PublicLayout,
        children: [
          { path: 'termos', lazy: page(() => import('#web/features/legal/components/terms-page.tsx'), 'TermsPage') },
          { path: 'privacidade', lazy: page(() => import('#web/features/legal/components/privacy-page.tsx'), 'PrivacyPage') },
          { path: 'verificar/:code', lazy: page(() => import('#web/features/records/components/verify-document-page.tsx'), 'VerifyDocumentPage') },
          { path: '*', lazy: page(() => import('./not-found-page'), 'NotFoundPage') },
        ],
      },
    ],
  },
];
