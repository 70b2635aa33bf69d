// The offline copy (make dist adds this module to dist/index.html): registers the
// service worker (sw.js, next to index.html), which stores every file of the page on
// the first visit so that later visits work with no network. Not used from www/.

const footer = document.querySelector('.site-footer');

function note(text) {
  document.documentElement.dataset.offline = text;
  if (!footer) return;
  let span = footer.querySelector('.offline-note');
  if (!span) {
    span = document.createElement('span');
    span.className = 'offline-note';
    footer.append(span);
  }
  span.textContent = text === 'ready' ? ' · works offline' : '';
}

// The one-file copy (depeche.html, next to index.html), for people who want to keep it.
if (footer && !footer.querySelector('.single-file')) {
  const a = document.createElement('a');
  a.className = 'single-file';
  a.href = new URL('../depeche.html', import.meta.url).href;
  a.download = 'depeche.html';
  a.textContent = 'download depeche.html';
  a.title = 'The whole page in one file: save it, then open it from disk, with no network';
  footer.append(document.createTextNode(' · '), a, document.createTextNode(' (works from disk)'));
}

if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  const scope = new URL('../', import.meta.url);
  navigator.serviceWorker.register(new URL('sw.js', scope), { scope: scope.href })
    .then(() => navigator.serviceWorker.ready)
    .then(() => note('ready'))
    .catch((err) => {
      note('unavailable');
      console.warn('depeche: the page will not work offline:', err && err.message ? err.message : err);
    });
}
