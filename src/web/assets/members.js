// Members: the owner invites a colleague (and copies the invitation link), changes roles, removes
// members, and issues a one-time password link for a member who lost theirs.
import { announce, api, h, msg, problemText } from './lib.js';

const status = document.getElementById('members-status');
const KEY = 'fi_invitation';

function showStatus(text) {
  status.textContent = text;
  status.hidden = !text;
}

function showInvitation() {
  let invitation;
  try {
    invitation = JSON.parse(sessionStorage.getItem(KEY) || 'null');
  } catch {
    invitation = null;
  }
  sessionStorage.removeItem(KEY);
  if (!invitation) return;
  showLink({
    link: `${location.origin}/invite?token=${encodeURIComponent(invitation.token)}`,
    expiresAt: invitation.expiresAt,
    title: msg('invitationCreated', { email: invitation.email }),
    text: (date) => msg('invitationSend', { date }),
    label: msg('invitationLink'),
  });
}

/** The panel showing a link once (invitation or password link), with a copy button. */
function showLink({ link, expiresAt, title, text, label }) {
  const expires = new Intl.DateTimeFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(expiresAt));
  const input = h('input', { id: 'invite-link', type: 'text', readonly: true, value: link, class: 'copy-input' });
  const copy = h('button', { type: 'button', class: 'button button-primary' }, msg('copyLink'));
  const copied = h('span', { class: 'small', role: 'status' });
  copy.addEventListener('click', async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(link);
      copied.textContent = msg('linkCopied');
    } catch {
      copied.textContent = msg('linkCopyManual');
    }
  });
  const panel = document.getElementById('invitation-result');
  panel.className = 'notice notice-success invitation';
  panel.tabIndex = -1;
  panel.replaceChildren(
    h('h2', {}, title),
    h('p', {}, text(expires)),
    h('div', { class: 'copy-row' }, h('label', { for: 'invite-link', class: 'visually-hidden' }, label), input, copy),
    copied,
  );
  panel.hidden = false;
  panel.focus();
}

const form = document.getElementById('invite-form');
form?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = form.querySelector('#invite-email');
  const error = form.querySelector('#invite-email-error');
  const role = form.querySelector('#invite-role').value;
  const fail = (text) => {
    error.textContent = text;
    error.hidden = false;
    email.setAttribute('aria-invalid', 'true');
    email.focus();
  };
  error.hidden = true;
  email.removeAttribute('aria-invalid');
  if (!email.value.trim()) return fail(msg('emailRequired'));
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  const result = await api('POST', '/api/v1/organisation/members', { email: email.value.trim(), role });
  button.disabled = false;
  if (result.ok) {
    sessionStorage.setItem(
      KEY,
      JSON.stringify({ email: result.data.member.email, token: result.data.invitationToken, expiresAt: result.data.expiresAt }),
    );
    location.reload();
    return;
  }
  if (result.status === 409) return fail(msg('emailTaken'));
  if (result.status === 429) return showStatus(msg('tooManyLinks'));
  if (result.status === 400 && result.data?.errors?.some((e) => e.field === 'email')) return fail(msg('emailInvalid'));
  showStatus(problemText(result));
});

for (const select of document.querySelectorAll('.member-role')) {
  select.addEventListener('change', async () => {
    const row = select.closest('tr');
    select.disabled = true;
    const result = await api('PATCH', `/api/v1/organisation/members/${row.dataset.memberId}`, { role: select.value });
    select.disabled = false;
    if (result.ok) {
      select.dataset.current = select.value;
      showStatus('');
      announce(msg('roleChanged', { email: row.dataset.email, role: select.options[select.selectedIndex].text }));
      return;
    }
    select.value = select.dataset.current;
    showStatus(result.status === 409 ? msg('lastOwner') : problemText(result));
  });
}

for (const button of document.querySelectorAll('.member-remove')) {
  button.addEventListener('click', async () => {
    const row = button.closest('tr');
    if (!window.confirm(msg('confirmRemove', { email: row.dataset.email }))) return;
    button.disabled = true;
    const result = await api('DELETE', `/api/v1/organisation/members/${row.dataset.memberId}`);
    if (result.ok) {
      row.remove();
      showStatus('');
      announce(msg('memberRemoved', { email: row.dataset.email }));
      document.getElementById('list-title')?.focus?.();
      return;
    }
    button.disabled = false;
    showStatus(result.status === 409 ? msg('lastOwner') : problemText(result));
  });
}

for (const button of document.querySelectorAll('.member-reset')) {
  button.addEventListener('click', async () => {
    const row = button.closest('tr');
    if (!window.confirm(msg('confirmResetLink', { email: row.dataset.email }))) return;
    button.disabled = true;
    const result = await api('POST', `/api/v1/organisation/members/${row.dataset.memberId}/reset-link`);
    button.disabled = false;
    if (!result.ok) return showStatus(result.status === 429 ? msg('tooManyLinks') : problemText(result));
    showStatus('');
    showLink({
      link: `${location.origin}/reset-password?token=${encodeURIComponent(result.data.resetToken)}`,
      expiresAt: result.data.expiresAt,
      title: msg('resetLinkCreated', { email: row.dataset.email }),
      text: (date) => msg('resetLinkSend', { date }),
      label: msg('resetLinkLabel'),
    });
  });
}

showInvitation();
