import { PAGE_STYLE } from './security/page-style.ts';

/**
 * The minimal sign-in form shown when MIXSCOPE_TOKEN is set; the SPA may replace it later.
 * No script, and its only style is PAGE_STYLE, which the CSP allows by hash.
 */

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** Only same-site paths may be a redirect target: `/task?x`, never `//evil.example` or `https:`. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) ? next : '/';
}

/** What went wrong with the last attempt: a token that did not match, or too many of them (seconds to wait). */
export interface SignInProblem {
  wrongToken?: boolean;
  throttledFor?: number;
}

export function signInPage(next: string, problem: SignInProblem = {}): string {
  const wait = problem.throttledFor;
  const error = wait !== undefined
    ? `<p role="alert">Too many wrong tokens; wait ${wait} s and try again. 错误次数过多，请 ${wait} 秒后再试。</p>`
    : problem.wrongToken === true
      ? '<p role="alert">That token is not right. 令牌不正确。</p>'
      : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sign in · mixscope</title>
<style>${PAGE_STYLE}</style>
</head><body><main>
<h1>mixscope</h1>
<p>This server needs its access token (<code>MIXSCOPE_TOKEN</code>).<br><span lang="zh">此服务器需要访问令牌。</span></p>
${error}<form method="post" action="/api/session">
<input type="hidden" name="next" value="${escapeHtml(safeNext(next))}">
<label for="token">Access token · 访问令牌</label><br>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Sign in · 登录</button>
</form></main></body></html>`;
}
