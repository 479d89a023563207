// Loaded with `node --require` before Electronegativity's CLI (scripts/security-scan.mjs):
// the scan must run offline and the same every time, so its two network look-ups (fresh
// translations, Electron's release list for AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) fail at
// once instead of reaching for the internet. The bundled English texts are used, and Electron's
// currency is checked by `npm outdated electron` instead (docs/SECURITY.md, point 16).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload for node --require
const Module = require('node:module');

const load = Module._load;
Module._load = function loadOffline(request, ...rest) {
  if (request === 'got') {
    const refuse = () => Promise.reject(new Error('offline: the security scan makes no network requests'));
    return Object.assign(refuse, { get: refuse, post: refuse, stream: refuse, extend: () => refuse });
  }
  return load.call(this, request, ...rest);
};
