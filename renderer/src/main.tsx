import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { followAppearance } from './store/followAppearance';
import './styles.css';

// Before the first render, so a forced theme is on the page from the first paint.
followAppearance();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
