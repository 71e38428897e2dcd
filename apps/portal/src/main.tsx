import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './styles.css';
import './i18n';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { GqlError } from '@laerenett/portal-data-access';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './app';

// After an update, a page opened before it asks for parts of the previous build, which are gone
// (the server answers 404): load the page afresh, once a minute at most so that it cannot loop.
window.addEventListener('vite:preloadError', (event) => {
  const key = 'laerenett-reloaded-at';
  const last = Number(sessionStorage.getItem(key) ?? 0);
  if (Date.now() - last < 60_000) return;
  event.preventDefault();
  sessionStorage.setItem(key, String(Date.now()));
  window.location.reload();
});

const queryClient: QueryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false } },
  // A session that ran out: ask again who is signed in, and the pages send the person to sign in.
  queryCache: new QueryCache({
    onError: (error) => {
      if ((error as GqlError).code === 'UNAUTHENTICATED') void queryClient.invalidateQueries({ queryKey: ['Me'] });
    },
  }),
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
