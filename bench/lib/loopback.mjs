/**
 * Preloaded into the server by the bench (`node --import ./bench/lib/loopback.mjs ...`): a
 * server that would listen on every address (`listen(port)`) listens on 127.0.0.1 only, so
 * the bench never exposes the app beyond this machine. Changes nothing else.
 */
import net from 'node:net';

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function loopbackListen(...args) {
  const first = args[0];
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  } else if (first && typeof first === 'object' && !Array.isArray(first) && 'port' in first && !first.host && !first.path) {
    args[0] = { ...first, host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};
