// The three views (read, many articles, lexicon) as tabs; the view also lives in the
// URL hash (#collection, #lexicon) so a reload or a link keeps it.

import { emit, on } from './store.js';

const VIEWS = ['read', 'collection', 'lexicon'];

export function show(view) {
  if (!VIEWS.includes(view)) view = 'read';
  for (const v of VIEWS) {
    const tab = document.getElementById(`tab-${v}`);
    const panel = document.getElementById(`view-${v}`);
    tab.setAttribute('aria-selected', String(v === view));
    tab.tabIndex = v === view ? 0 : -1;
    panel.hidden = v !== view;
  }
  const hash = view === 'read' ? '' : `#${view}`;
  if (location.hash !== hash) history.replaceState(null, '', hash || location.pathname + location.search);
  emit('view', view);
}

export function initTabs() {
  const tabs = VIEWS.map((v) => document.getElementById(`tab-${v}`));
  for (const tab of tabs) {
    tab.addEventListener('click', () => show(tab.dataset.view));
    tab.addEventListener('keydown', (ev) => {
      const i = tabs.indexOf(tab);
      const next = ev.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length]
        : ev.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : null;
      if (!next) return;
      ev.preventDefault();
      next.focus();
      show(next.dataset.view);
    });
  }
  on('open', () => show('read'));
  show(location.hash.slice(1) || 'read');
}
