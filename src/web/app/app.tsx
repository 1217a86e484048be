import { RouterProvider } from 'react-router';
import { Providers } from './providers';
import { appRouter } from './router';

/** The MedConnect web app. */
export function App() {
  return (
    <Providers>
      <RouterProvider router={appRouter()} />
    </Providers>
  );
}
