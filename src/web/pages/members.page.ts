import type { MemberEventDto, UserDto } from '../../accounts/accounts.dto.js';
import { ROLES, type Role } from '../../accounts/user.entity.js';
import { attrs, html } from '../html.js';
import { formatDateTime, formatShortDate, t, type Lang } from '../i18n.js';
import { layout, type PageContext } from '../layout.js';

export interface MembersView {
  members: UserDto[];
  isOwner: boolean;
  selfId: string;
  /** The member trail, newest first (owners only). */
  events?: MemberEventDto[];
}

function eventText(lang: Lang, e: MemberEventDto): string {
  const role = (r: Role | null) => (r ? t(lang, `role.${r}`) : '');
  return t(lang, `members.event.${e.action}`, { actor: e.actorEmail, member: e.memberEmail, from: role(e.oldRole), role: role(e.newRole) });
}

function historySection(lang: Lang, events: MemberEventDto[]) {
  return html`<section class="card member-history" aria-labelledby="history-title">
    <h2 id="history-title">${t(lang, 'members.historyTitle')}</h2>
    <p class="small">${t(lang, 'members.historyLead')}</p>
    ${
      events.length
        ? html`<ol class="history-list">
            ${events.map(
              (e) =>
                html`<li data-action="${e.action}">
                  <time datetime="${e.at}">${formatDateTime(e.at, lang)}</time>
                  <span>${eventText(lang, e)}</span>
                </li>`,
            )}
          </ol>`
        : html`<p>${t(lang, 'members.historyEmpty')}</p>`
    }
  </section>`;
}

export function membersPage(ctx: PageContext, v: MembersView): string {
  const { lang } = ctx;
  const roleOptions = (role: string) =>
    ROLES.map((r) => html`<option${attrs({ value: r, selected: r === role })}>${t(lang, `role.${r}`)}</option>`);
  const rows = v.members.map((m) => {
    const self = m.id === v.selfId;
    return html`<tr data-member-id="${m.id}" data-email="${m.email}">
      <th scope="row" class="member-email">${m.email}${self ? html` <span class="badge">${t(lang, 'members.you')}</span>` : ''}</th>
      <td data-label="${t(lang, 'members.role')}">
        ${
          v.isOwner && !self
            ? html`<label class="visually-hidden" for="role-${m.id}">${t(lang, 'members.roleOf', { email: m.email })}</label
                ><select id="role-${m.id}" class="member-role" data-current="${m.role}">
                  ${roleOptions(m.role)}
                </select>`
            : t(lang, `role.${m.role}`)
        }
      </td>
      <td data-label="${t(lang, 'members.status')}">
        <span class="badge badge-${m.status}">${t(lang, `members.status.${m.status}`)}</span>
      </td>
      <td class="member-since" data-label="${t(lang, 'members.since')}">${formatShortDate(m.createdAt, lang)}</td>
      ${
        v.isOwner
          ? html`<td class="member-actions">
              ${self || m.status !== 'active' ? '' : html`<button type="button" class="button button-small member-reset">${t(lang, 'members.resetLink')}<span class="visually-hidden"> ${m.email}</span></button>`}
              ${self ? '' : html`<button type="button" class="button button-small button-danger member-remove">${t(lang, 'members.remove')}<span class="visually-hidden"> ${m.email}</span></button>`}
            </td>`
          : ''
      }
    </tr>`;
  });
  const main = html`<div class="page-head">
      <h1>${t(lang, 'members.title')}</h1>
      <p class="lead">${t(lang, 'members.lead')}</p>
    </div>
    <div id="members-status" class="form-error" role="alert" hidden></div>
    <div id="invitation-result" hidden></div>
    <div class="members-grid">
      <section class="card" aria-labelledby="list-title">
        <h2 id="list-title">${t(lang, 'members.listTitle', { count: v.members.length })}</h2>
        <div class="table-scroll">
          <table class="table table-responsive members-table">
            <thead>
              <tr>
                <th scope="col">${t(lang, 'field.email')}</th>
                <th scope="col">${t(lang, 'members.role')}</th>
                <th scope="col">${t(lang, 'members.status')}</th>
                <th scope="col">${t(lang, 'members.since')}</th>
                ${v.isOwner ? html`<th scope="col"><span class="visually-hidden">${t(lang, 'members.actions')}</span></th>` : ''}
              </tr>
            </thead>
            <tbody>
              ${rows}
            </tbody>
          </table>
        </div>
        <dl class="roles-help">
          <div>
            <dt>${t(lang, 'role.owner')}</dt>
            <dd>${t(lang, 'members.ownerHelp')}</dd>
          </div>
          <div>
            <dt>${t(lang, 'role.editor')}</dt>
            <dd>${t(lang, 'members.editorHelp')}</dd>
          </div>
          <div>
            <dt>${t(lang, 'role.viewer')}</dt>
            <dd>${t(lang, 'members.viewerHelp')}</dd>
          </div>
        </dl>
      </section>
      ${
        v.isOwner
          ? html`<section class="card" aria-labelledby="invite-title">
              <h2 id="invite-title">${t(lang, 'members.inviteTitle')}</h2>
              <p>${t(lang, 'members.inviteLead')}</p>
              <form id="invite-form" class="stack" novalidate>
                <div class="field">
                  <label for="invite-email">${t(lang, 'field.email')}</label>
                  <p class="field-error" id="invite-email-error" hidden></p>
                  <input
                    id="invite-email"
                    name="email"
                    type="email"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="invite-email-error"
                  />
                </div>
                <div class="field">
                  <label for="invite-role">${t(lang, 'members.role')}</label
                  ><select id="invite-role" name="role">
                    ${roleOptions('editor')}
                  </select>
                </div>
                <div><button type="submit" class="button button-primary">${t(lang, 'members.inviteSubmit')}</button></div>
              </form>
            </section>`
          : ''
      }
    </div>
    ${v.isOwner && v.events ? historySection(lang, v.events) : ''}`;
  return layout(ctx, { title: t(lang, 'members.title'), nav: 'members', main, scripts: ['members.js'] });
}
