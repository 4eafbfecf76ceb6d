// Validation of action steps, their letter templates and contacts: shared by a category's standing
// actions and a story's own actions.
import { ACTION_KINDS } from './model';
import { isEmail, isHttpUrl, isIsoDate, isIsoDateTime, type Issues, type Rec } from './pack-validate-fields';

/** `checked` dates may be a calendar date or a full date-time. */
const isCheckedDate = (v: string): boolean => isIsoDate(v) || isIsoDateTime(v);
const NOT_DATE = 'not an ISO date (YYYY-MM-DD)';
/** The longest hashtag, in characters (docs/pack-format.md, "Limits"). */
const MAX_HASHTAG = 100;

function validateContact(issues: Issues, value: unknown, path: string): void {
  const contact = issues.record(value, path);
  if (!contact) return;
  issues.text(contact, 'name', path);
  issues.text(contact, 'role', path, true);
  issues.checked(contact, 'email', path, isEmail, 'not an email address', true);
  issues.checked(contact, 'url', path, isHttpUrl, 'not an http(s) URL', true);
  // Contacts go stale: none is accepted without the date it was last confirmed.
  issues.checked(contact, 'checked', path, isCheckedDate, NOT_DATE);
}

function validateTemplate(issues: Issues, action: Rec, path: string): void {
  if (action['template'] === undefined) return;
  const template = issues.record(action['template'], `${path}.template`);
  if (!template) return;
  issues.text(template, 'subject', `${path}.template`);
  const body = issues.text(template, 'body', `${path}.template`);
  // No `{` inside the class: each scan stops at the next brace, so the test is linear in the body.
  if (body !== undefined && /\{[^{}\n\r\u2028\u2029]*(?:[\n\r\u2028\u2029]|$)|\{\s*\}/u.test(body)) {
    issues.add(`${path}.template.body`, 'has an unclosed or empty {placeholder}');
  }
}

function validateHashtags(issues: Issues, action: Rec, path: string): void {
  issues.list(action, 'hashtags', path, true).forEach((tag, i) => {
    if (typeof tag !== 'string' || tag.length > MAX_HASHTAG || !/^[\p{L}\p{N}_]+$/u.test(tag)) {
      issues.add(`${path}.hashtags[${i}]`, "must be a word without '#' or spaces");
    }
  });
}

export function validateAction(issues: Issues, value: unknown, path: string): void {
  const action = issues.record(value, path);
  if (!action) return;
  issues.text(action, 'id', path);
  issues.oneOf(action, 'kind', path, ACTION_KINDS);
  issues.text(action, 'title', path);
  issues.text(action, 'details', path);
  issues.checked(action, 'url', path, isHttpUrl, 'not an http(s) URL', true);
  validateTemplate(issues, action, path);
  const contacts = issues.list(action, 'contacts', path, true);
  contacts.forEach((c, i) => validateContact(issues, c, `${path}.contacts[${i}]`));
  validateHashtags(issues, action, path);
  issues.text(action, 'curatedBy', path, true);
  issues.checked(action, 'checked', path, isCheckedDate, NOT_DATE, true);
}

/** A list of action steps with ids unique inside it. */
export function validateActions(issues: Issues, owner: Rec, path: string): void {
  const actions = issues.list(owner, 'actions', path);
  issues.uniqueIds(actions, `${path}.actions`);
  actions.forEach((a, i) => validateAction(issues, a, `${path}.actions[${i}]`));
}
