import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classpath, renderNeo4jConf, serverArgs, setInitialPasswordArgs } from './conf.ts';

describe('renderNeo4jConf', () => {
  const conf = renderNeo4jConf({ port: 7999, pageCache: '128m', version: '5.26.30' });
  const settings = Object.fromEntries(
    conf
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('=') as [string, string]),
  );

  it('listens on loopback only, on the given Bolt port, with HTTP off', () => {
    expect(settings).toMatchObject({
      'server.default_listen_address': '127.0.0.1',
      'server.bolt.enabled': 'true',
      'server.bolt.listen_address': '127.0.0.1:7999',
      'server.bolt.advertised_address': '127.0.0.1:7999',
      'server.http.enabled': 'false',
      'server.https.enabled': 'false',
    });
  });

  it('sets the page cache, turns off usage reports and keeps auth on', () => {
    expect(settings['server.memory.pagecache.size']).toBe('128m');
    expect(settings['dbms.usage_report.enabled']).toBe('false');
    expect(settings['dbms.security.auth_enabled']).toBe('true');
  });

  it('uses only 5.x setting names (strict validation rejects others)', () => {
    for (const key of Object.keys(settings)) expect(key).toMatch(/^(internal\.)?(server|dbms)\.[a-z_.]+$/);
    expect(conf).not.toMatch(/dbms\.connector|dbms\.memory|server\.logs\.config/);
  });

  it('shortens the Bolt shutdown only on 5.x, where that internal setting exists', () => {
    expect(settings['internal.dbms.bolt.netty_server_shutdown_quiet_period']).toBe('0');
    expect(renderNeo4jConf({ port: 7999, pageCache: '128m', version: '2025.10.1' })).not.toContain(
      'internal.',
    );
  });
});

describe('java arguments', () => {
  const home = '/h';
  const lib = '/cache/neo4j-5.26.30/lib';

  it('orders the classpath plugins, conf, jars', () => {
    expect(classpath(home, lib).split(path.delimiter)).toEqual(['/h/plugins/*', '/h/conf/*', `${lib}/*`]);
  });

  it('runs the community entry point in console mode with the Java 17 opens and the heap', () => {
    const args = serverArgs({ home, lib, heap: '1g' });
    expect(args[0]).toBe('-Xmx1g');
    expect(args).toContain('--add-opens=java.base/java.nio=ALL-UNNAMED');
    expect(args).toContain('--add-opens=java.base/sun.nio.ch=ALL-UNNAMED');
    expect(args.slice(-4)).toEqual([
      'org.neo4j.server.CommunityEntryPoint',
      '--home-dir=/h',
      '--config-dir=/h/conf',
      '--console-mode',
    ]);
  });

  it('sets the initial password through the admin tool, even one that starts with a dash', () => {
    const args = setInitialPasswordArgs({ home, lib, password: '-secret' });
    expect(args.slice(-5)).toEqual([
      'org.neo4j.cli.AdminTool',
      'dbms',
      'set-initial-password',
      '--',
      '-secret',
    ]);
  });
});
