import { describe, expect, it } from 'vitest';
import { derivePullUrl, parsePullHosts, parsePullRules } from './pull-rules.ts';

describe('MIXSCOPE_PULL_RULES and MIXSCOPE_PULL_HOSTS', () => {
  it('reads a rule and derives the pull URL from a PushURL by it', () => {
    const errors: string[] = [];
    const rules = parsePullRules('Push.Example.com=https://pull.example.com/{app}/{stream}.flv?auth=k', errors);
    expect(errors).toEqual([]);
    expect(rules).toEqual([{ pushHost: 'push.example.com', template: 'https://pull.example.com/{app}/{stream}.flv?auth=k', pullHost: 'pull.example.com' }]);
    const derived = derivePullUrl('rtmp://push.example.com/live/room-1?key=x', rules);
    expect(derived.ok && derived.url.href).toBe('https://pull.example.com/live/room-1.flv?auth=k');
  });

  it('names the variable, the entry and the form of a bad value, never the CDN auth the entry carries', () => {
    const errors: string[] = [];
    parsePullRules('push.example.com=ftp://pull.example.com/{app}/{stream}.flv?auth=topsecret-1,push2.example.com=https://user:topsecret-2@pull.example.com/{app}/{stream}.flv', errors);
    parsePullHosts('https://pull.example.com/live?sign=topsecret-3', errors);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^MIXSCOPE_PULL_RULES entry "push.example.com=ftp:\/\/pull.example.com\/\{app\}\/\{stream\}.flv\?…" uses ftp/);
    expect(errors[1]).toMatch(/^MIXSCOPE_PULL_RULES entry .* puts a user name or password in the URL/);
    expect(errors[2]).toMatch(/^MIXSCOPE_PULL_HOSTS entry .* is not a host name; the expected form is host\[:port\]/);
    expect(errors.join('\n')).not.toMatch(/topsecret/);
  });
});
