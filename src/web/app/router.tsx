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

export const router = createBrowserRouter([
  {
    Component: RootLayout,
    HydrateFallback: RootFallback,
    ErrorBoundary: RouteErrorPage,
    children: [
      { index: true, Component: RootRedirect },
      { path: 'entrar', lazy: page(() => import('../features/auth/components/login-page'), 'LoginPage') },
      { path: 'convite/:token', lazy: page(() => import('../features/auth/components/invite-page'), 'InvitePage') },
      { path: 'esqueci-senha', lazy: page(() => import('../features/auth/components/forgot-password-page'), 'ForgotPasswordPage') },
      { path: 'nova-senha/:token', lazy: page(() => import('../features/auth/components/reset-password-page'), 'ResetPasswordPage') },
      {
        Component: AppLayout,
        children: [
          {
            path: 'admin',
            element: <RoleGuard role="admin" />,
            children: [
              { index: true, lazy: page(() => import('./pages/admin-home-page'), 'AdminHomePage') },
              { path: 'usuarios', lazy: page(() => import('../features/users/components/users-page'), 'UsersPage') },
              { path: 'usuarios/novo', lazy: page(() => import('../features/users/components/new-user-page'), 'NewUserPage') },
              { path: 'usuarios/:id', lazy: page(() => import('./pages/admin-user-page'), 'AdminUserPage') },
              { path: 'acessos', lazy: page(() => import('../features/records/components/access-log-page'), 'AccessLogPage') },
              { path: 'faturamento', lazy: page(() => import('../features/billing/components/billing-page'), 'BillingPage') },
              { path: 'fechamentos', lazy: page(() => import('./pages/admin-closings-page'), 'AdminClosingsPage') },
              { path: 'fechamentos/pagamentos/:id', lazy: page(() => import('../features/payments/components/admin-payment-page'), 'AdminPaymentPage') },
              { path: 'fechamentos/historico', lazy: page(() => import('../features/payments/components/payment-history-page'), 'PaymentHistoryPage') },
              { path: 'valores', lazy: page(() => import('../features/billing/components/fees-page'), 'FeesPage') },
              { path: 'backups', lazy: page(() => import('../features/backups/components/backups-page'), 'BackupsPage') },
              { path: 'redefinir', lazy: page(() => import('../features/backups/components/reset-page'), 'ResetPage') },
            ],
          },
          {
            path: 'medico',
            element: <RoleGuard role="doctor" />,
            children: [
              { index: true, lazy: page(() => import('./pages/doctor-dashboard-page'), 'DoctorDashboardPage') },
              { path: 'pacientes', lazy: page(() => import('../features/patients/components/patients-page'), 'PatientsPage') },
              { path: 'pacientes/novo', lazy: page(() => import('../features/patients/components/new-patient-page'), 'NewPatientPage') },
              { path: 'pacientes/:id', lazy: page(() => import('./pages/patient-detail-page'), 'PatientDetailPage') },
              { path: 'pacientes/:patientId/evolucoes/:id', lazy: page(() => import('../features/records/components/evolution-page'), 'EvolutionPage') },
              { path: 'salas', lazy: page(() => import('../features/rooms/components/rooms-page'), 'RoomsPage') },
              { path: 'ganhos', lazy: page(() => import('../features/billing/components/earnings-page'), 'EarningsPage') },
              { path: 'pagamentos/:id?', lazy: page(() => import('../features/payments/components/my-payments-page'), 'MyPaymentsPage') },
            ],
          },
          {
            path: 'paciente',
            element: <RoleGuard role="patient" />,
            children: [
              { index: true, lazy: page(() => import('./pages/patient-dashboard-page'), 'PatientDashboardPage') },
              { path: 'historico', lazy: page(() => import('../features/records/components/patient-history-page'), 'PatientHistoryPage') },
              { path: 'acessos', lazy: page(() => import('../features/records/components/my-access-log-page'), 'MyAccessLogPage') },
            ],
          },
          { path: 'perfil', lazy: page(() => import('../features/profile/components/profile-page'), 'ProfilePage') },
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
        children: [{ path: 'documentos/:kind/:id', lazy: page(() => import('../features/records/components/document-page'), 'DocumentPage') }],
      },
      {
        Component: PublicLayout,
        children: [
          { path: 'termos', lazy: page(() => import('../features/legal/components/terms-page'), 'TermsPage') },
          { path: 'privacidade', lazy: page(() => import('../features/legal/components/privacy-page'), 'PrivacyPage') },
          { path: 'verificar/:code', lazy: page(() => import('../features/records/components/verify-document-page'), 'VerifyDocumentPage') },
          { path: '*', lazy: page(() => import('./not-found-page'), 'NotFoundPage') },
        ],
      },
    ],
  },
]);
