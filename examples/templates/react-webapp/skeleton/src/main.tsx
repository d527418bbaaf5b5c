import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';

const APP_NAME = '${{ values.name }}';

const description =
  document.querySelector('meta[name="description"]')?.getAttribute('content') ??
  '';

const root = document.getElementById('root');
if (!root) {
  throw new Error('index.html has no element with id "root"');
}

createRoot(root).render(
  <StrictMode>
    <App name={APP_NAME} description={description} />
  </StrictMode>,
);
