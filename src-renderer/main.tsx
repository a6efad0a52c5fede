/** Renderer entry: styles, i18n, the bridge, and the root component. */
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { Providers } from './app/Providers';
import { getApi } from './bridge';
import { initI18n } from './i18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <Providers api={getApi()} i18n={initI18n()}>
      <App />
    </Providers>
  </StrictMode>,
);
