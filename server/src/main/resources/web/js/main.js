// The web library's entry: the session (signed in on the server's sign-in page), sign-out, the
// banner of a server out of reach, and the library once signed in. The place in the library lives
// in the address's fragment, so an expired session returns to it after signing in again.

import * as api from './api.js';
import { $ } from './dom.js';
import { Library } from './library.js';

let library = null;
let down = false;

api.onSessionEvents({
  signedOut: () => showSignIn(true),
  unreachable: () => {
    if (!down) {
      down = true;
      const banner = $('#banner');
      banner.textContent = 'The server cannot be reached. Trying again…';
      banner.hidden = false;
    }
  },
  reachable: () => {
    if (down) {
      down = false;
      $('#banner').hidden = true;
      if (library) {
        library.refresh();
      }
    }
  },
});

/**
 * The sign-in page of the server (the owner's password), which comes back to this place in the
 * library after: the fragment rides along in its `next`.
 */
function showSignIn(expired) {
  api.forgetSession();
  if (library) {
    library.stop();
    library = null;
  }
  const next = '/' + location.hash;
  location.assign('/owner/sign-in?next=' + encodeURIComponent(next) + (expired ? '&ended' : ''));
}

function start() {
  $('#app').hidden = false;
  library = new Library();
  library.route(location.hash);
}

$('#signout').addEventListener('click', async () => {
  await api.signOut();
  location.assign('/owner/sign-in');
});

window.addEventListener('hashchange', () => {
  if (library) {
    library.route(location.hash);
  }
});

// The session's CSRF token is asked for at each load: the cookie may be of a newer sign-in than
// the token this tab kept.
if (await api.resumeSession()) {
  start();
} else {
  showSignIn(false);
}
