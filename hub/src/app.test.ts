import { describe, expect, it } from 'vitest';
import { listeningUrl } from './app.js';

describe('listeningUrl', () => {
  it('shows a loopback or LAN address as it is', () => {
    expect(listeningUrl({ address: '127.0.0.1', family: 'IPv4', port: 8470 })).toBe(
      'http://127.0.0.1:8470',
    );
    expect(listeningUrl({ address: '::1', family: 'IPv6', port: 8470 })).toBe('http://[::1]:8470');
  });

  it('never puts 0.0.0.0 in a URL a phone will be sent to', () => {
    const url = listeningUrl({ address: '0.0.0.0', family: 'IPv4', port: 8470 });
    expect(url).toMatch(/^http:\/\/\d+\.\d+\.\d+\.\d+:8470$/);
    expect(url).not.toContain('0.0.0.0');
  });
});
