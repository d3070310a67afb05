// The web library's entry: sign-in and sign-out, the banner of a server out of reach, and the
// library once signed in. The place in the library lives in the address's fragment, so an expired
// session returns to it after signing in again.

import * as api from './api.js';
import { $ } from './dom.js';
import { Library } from './library.js';

const RETURN_TO = 'camroll.returnTo';
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

function showSignIn(expired) {
  if (expired && !$('#app').hidden && location.hash) {
    sessionStorage.setItem(RETURN_TO, location.hash);
  }
  api.forgetSession();
  if (library) {
    library.stop();
    library = null;
  }
  $('#app').hidden = true;
  $('#viewer').hidden = true;
  document.body.classList.remove('viewing');
  $('#signin').hidden = false;
  $('#signin-error').textContent = expired ? 'Your session has ended. Sign in again to go back where you were.' : '';
  $('#token').value = '';
  $('#token').focus();
}

function start() {
  $('#signin').hidden = true;
  $('#app').hidden = false;
  library = new Library();
  library.route(location.hash);
}

$('#signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = $('#signin-form button[type=submit]');
  button.disabled = true;
  try {
    await api.signIn($('#token').value.trim());
    const back = sessionStorage.getItem(RETURN_TO);
    sessionStorage.removeItem(RETURN_TO);
    if (back && back !== location.hash) {
      history.replaceState(null, '', back);
    }
    start();
  } catch (error) {
    $('#signin-error').textContent =
      error.status === 401 ? 'This is not the owner token of this server.' : `Could not sign in: ${error.message}`;
    $('#token').select();
  } finally {
    button.disabled = false;
  }
});

$('#signout').addEventListener('click', async () => {
  await api.signOut();
  history.replaceState(null, '', '#/');
  showSignIn(false);
});

window.addEventListener('hashchange', () => {
  if (library) {
    library.route(location.hash);
  }
});

if (api.signedIn()) {
  start();
} else {
  showSignIn(false);
}
