// The walk's "assign this section" control (owners): hands the section to a member, or takes it back,
// through the same API as any client, and updates the label in the section list.
import { api, h, msg, problemText } from './lib.js';

const form = document.getElementById('assign-form');
const status = document.getElementById('assign-status');

form?.addEventListener('submit', async (event) => {
  event.preventDefault();
  const select = form.querySelector('#assign-member');
  const url = `/api/v1/assessments/${form.dataset.assessment}/assignments/${encodeURIComponent(form.dataset.section)}`;
  const userId = select.value;
  const result = userId ? await api('PUT', url, { userId }) : await api('DELETE', url);
  if (!result.ok) {
    status.textContent = msg('assignFailed', { reason: problemText(result) });
    return;
  }
  const item = document.querySelector(`.section-nav li[data-section="${CSS.escape(form.dataset.section)}"] a`);
  item?.querySelector('[data-assignee]')?.remove();
  if (userId) {
    const email = result.data.assignee.email;
    const label = h('span', { class: 'sn-assignee small muted', 'data-assignee': '' }, msg('assignTo', { name: email }));
    item?.insertBefore(label, item.querySelector('.mini-bar'));
    status.textContent = msg('assignSaved', { name: email });
  } else status.textContent = msg('assignCleared');
});
