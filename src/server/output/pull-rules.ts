/**
 * MIXSCOPE_PULL_RULES and MIXSCOPE_PULL_HOSTS: how a task's RTMP PushURL maps to an HTTP-FLV pull
 * URL, and the only hosts the server ever reads an output from. A pull URL cannot be derived
 * from a push URL by a fixed rule (the CDN chooses its pull domain and auth), so the operator
 * writes the mapping: `pushHost=https://pullHost/{app}/{stream}.flv`, comma separated.
 */

export interface PullRule {
  /** Lower-case host name of the PushURL, with :port only when the rule gave one. */
  pushHost: string;
  /** http(s) URL with {app} and {stream} placeholders. */
  template: string;
  /** host[:port] of the template, lower case, as URL.host gives it. */
  pullHost: string;
}

export const PULL_RULES_FORM = 'pushHost=https://pullHost/{app}/{stream}.flv[,pushHost2=...]';
export const PULL_HOSTS_FORM = 'host[:port][,host2[:port]] (no scheme or path)';

const HOST_RE = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(:\d{1,5})?$/i;

/**
 * An entry as an error message may show it: a query and a user name or password are CDN
 * credentials, so they are cut; long entries are shortened.
 */
function shown(entry: string): string {
  const safe = entry.replace(/\?.*$/s, '?…').replace(/\/\/[^/@]*@/, '//…@');
  return JSON.stringify(safe.length > 80 ? `${safe.slice(0, 80)}…` : safe);
}

function splitList(raw: string): string[] {
  return raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

export function parsePullRules(raw: string | undefined, errors: string[]): PullRule[] {
  if (raw === undefined) return [];
  const rules: PullRule[] = [];
  for (const entry of splitList(raw)) {
    const eq = entry.indexOf('=');
    const pushHost = eq < 0 ? '' : entry.slice(0, eq).trim().toLowerCase();
    const template = eq < 0 ? '' : entry.slice(eq + 1).trim();
    const problem = eq < 0 ? 'has no "="' : !HOST_RE.test(pushHost) ? 'has no push host name before "="' : templateProblem(template);
    if (problem !== undefined) {
      errors.push(`MIXSCOPE_PULL_RULES entry ${shown(entry)} ${problem}. The expected form is ${PULL_RULES_FORM}, e.g. push.example.com=https://pull.example.com/{app}/{stream}.flv`);
      continue;
    }
    rules.push({ pushHost, template, pullHost: new URL(fill(template, 'a', 's')).host });
  }
  return rules;
}

function templateProblem(template: string): string | undefined {
  const unknown = template.match(/\{(?!app\}|stream\})[^}]*\}/);
  if (unknown) return `uses the placeholder ${unknown[0]}; only {app} and {stream} exist`;
  let url: URL;
  try {
    url = new URL(fill(template, 'a', 's'));
  } catch {
    return 'has no valid URL after "="';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `uses ${url.protocol.replace(':', '')}; only https and http pull URLs (HTTP-FLV) are read`;
  if (url.username !== '' || url.password !== '') return 'puts a user name or password in the URL; put CDN auth in the query instead';
  if (/[{}]/.test(new URL(template.replace(/\{(app|stream)\}/g, 'x')).host)) return 'has a placeholder in the host';
  return undefined;
}

const fill = (template: string, app: string, stream: string) => template.replaceAll('{app}', app).replaceAll('{stream}', stream);

export function parsePullHosts(raw: string | undefined, errors: string[]): string[] {
  if (raw === undefined) return [];
  const hosts: string[] = [];
  for (const entry of splitList(raw)) {
    if (!HOST_RE.test(entry)) {
      errors.push(`MIXSCOPE_PULL_HOSTS entry ${shown(entry)} is not a host name; the expected form is ${PULL_HOSTS_FORM}, e.g. pull.example.com,cdn2.example.com:8080`);
      continue;
    }
    hosts.push(entry.toLowerCase());
  }
  return hosts;
}

/**
 * True when a URL may be read: http(s), no user info, and its host is a rule's pull host or in
 * MIXSCOPE_PULL_HOSTS. An entry without a port allows the scheme's default port only.
 */
export function pullUrlAllowed(url: URL, rules: readonly PullRule[], hosts: readonly string[]): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username !== '' || url.password !== '') return false;
  const host = url.host.toLowerCase();
  return rules.some((r) => r.pullHost === host) || hosts.includes(host);
}

export type DerivedPullUrl =
  | { ok: true; url: URL }
  | { ok: false; reason: 'no-push-url' | 'no-pull-rule'; message: string };

/** The pull URL of an RTMP PushURL `rtmp://host/{app}/{stream}?...` by the first matching rule. */
export function derivePullUrl(pushUrl: string | undefined, rules: readonly PullRule[]): DerivedPullUrl {
  let push: URL;
  try {
    push = new URL(pushUrl ?? '');
  } catch {
    return { ok: false, reason: 'no-push-url', message: 'The task has no usable PushURL to derive a pull URL from. Give one with &pullUrl=.' };
  }
  const segments = push.pathname.split('/').filter((s) => s !== '');
  const stream = segments.pop();
  const app = segments.join('/');
  if (!/^rtmps?:$/.test(push.protocol) || stream === undefined || app === '') {
    return { ok: false, reason: 'no-push-url', message: 'The task\'s PushURL is not of the form rtmp://host/{app}/{stream}, so no pull URL can be derived from it. Give one with &pullUrl=.' };
  }
  const host = push.host.toLowerCase();
  const rule = rules.find((r) => r.pushHost === host) ?? rules.find((r) => r.pushHost === push.hostname.toLowerCase());
  if (rule === undefined) {
    return {
      ok: false, reason: 'no-pull-rule',
      message: `No pull rule for the push host ${push.hostname}. Add one to MIXSCOPE_PULL_RULES on the server, e.g. ${push.hostname}=https://<your pull domain>/{app}/{stream}.flv, or give the pull URL with &pullUrl= (its host must be in MIXSCOPE_PULL_HOSTS).`,
    };
  }
  return { ok: true, url: new URL(fill(rule.template, app, stream)) };
}
