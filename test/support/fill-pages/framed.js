// Adds the iframes of framed.html: same-origin plain.html always, cross-origin segmented.html for ?cross=<host>.
(function () {
  'use strict';
  const frames = document.getElementById('frames');
  const add = (src, title) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = title;
    frames.append(frame);
  };
  add('plain.html', 'Same-origin sign-in');
  const cross = new URLSearchParams(location.search).get('cross');
  if (cross && /^[a-z0-9.-]+$/.test(cross)) add('http://' + cross + ':' + location.port + '/segmented.html', 'Cross-origin sign-in');
})();
