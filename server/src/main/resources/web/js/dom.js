// Small helpers for building the page without a framework.

export const $ = (selector, root = document) => root.querySelector(selector);

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** Asks before something that cannot be undone from here; resolves true on yes. */
export function confirmAction(text, yes = 'Delete') {
  const dialog = $('#confirm-dialog');
  $('#confirm-text').textContent = text;
  $('#confirm-ok').textContent = yes;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
  });
}

let noteTimer = 0;

/** A short message at the bottom of the screen, with an optional action (Undo). */
export function note(text, action) {
  let box = $('#note');
  if (!box) {
    box = element('div', 'note');
    box.id = 'note';
    box.setAttribute('role', 'status');
    document.body.append(box);
  }
  box.replaceChildren(element('span', '', text));
  if (action) {
    const button = element('button', 'quiet', action.label);
    button.type = 'button';
    button.addEventListener('click', () => {
      box.hidden = true;
      action.run();
    });
    box.append(button);
  }
  box.hidden = false;
  clearTimeout(noteTimer);
  noteTimer = setTimeout(() => {
    box.hidden = true;
  }, 6000);
}
