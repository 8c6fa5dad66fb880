import type { ErrorKind } from '../../shared/mixscope-api.ts';

/**
 * 服务器错误的中文说明，按错误类型（kind）翻译。英文就是服务器自己的 message（更具体，
 * 含重试秒数等细节），所以 en 资源里没有这一组键，t() 会退回到 defaultValue。
 */
export const serverErrorZh: Record<ErrorKind | 'network', string> = {
  'invalid-input': '服务器认为输入有误，没有向火山引擎发送任何请求。',
  upstream: '火山引擎拒绝了这次查询。',
  unreachable: '无法连接火山引擎：网络出错或请求超时。mixscope 稍后会自动重试。',
  'bad-upstream-body': '火山引擎返回的内容不符合文档中的格式，mixscope 无法解析。',
  throttled: 'mixscope 已用完它的上游查询配额（MIXSCOPE_QPS），没能及时查询火山引擎；请在 {{retryAfter}} 秒后重试。',
  unauthorized: '需要 mixscope 的访问令牌（MIXSCOPE_TOKEN）才能继续。',
  'not-found': 'mixscope 服务器上没有这个地址。',
  internal: 'mixscope 服务器内部出错，或返回了无法识别的内容。',
  network: '无法连接 mixscope 服务器，它在运行吗？',
};
