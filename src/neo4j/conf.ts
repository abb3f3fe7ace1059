import path from 'node:path';

/** What goes into a local instance's neo4j.conf. */
export interface ConfOptions {
  port: number;
  /** Page cache size in Neo4j notation, e.g. `256m`. */
  pageCache: string;
  /** The Neo4j version the conf is for; version-specific settings are only written where they exist. */
  version: string;
}

/**
 * The neo4j.conf of a local instance. Only 5.x setting names: strict validation makes the server
 * refuse to start on an unknown or misspelled one.
 */
export function renderNeo4jConf({ port, pageCache, version }: ConfOptions): string {
  return `${[
    '# Written by `careergraph db start`; rewritten on every start.',
    'server.default_listen_address=127.0.0.1',
    // Advertise what we listen on so neo4j:// routing tables point back at this port, not 7687.
    'server.default_advertised_address=127.0.0.1',
    'server.bolt.enabled=true',
    `server.bolt.listen_address=127.0.0.1:${port}`,
    `server.bolt.advertised_address=127.0.0.1:${port}`,
    'server.http.enabled=false',
    'server.https.enabled=false',
    // The default page cache is about half of RAM; a development graph needs far less.
    `server.memory.pagecache.size=${pageCache}`,
    'dbms.usage_report.enabled=false',
    'dbms.security.auth_enabled=true',
    // Netty's 5 s quiet period, spent twice, made every stop take ~11 s instead of ~0.5 s. It is an
    // internal 5.x setting, so it is only written for 5.x (strict validation would reject a missing one).
    ...(version.startsWith('5.') ? ['internal.dbms.bolt.netty_server_shutdown_quiet_period=0'] : []),
  ].join('\n')}\n`;
}

/** The JVM flags both the server and the admin tool need on Java 17 (without them: LinkageError). */
export function jvmFlags(heap?: string): string[] {
  return [
    ...(heap ? [`-Xmx${heap}`] : []),
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dfile.encoding=UTF-8',
    '-Dlog4j2.disable.jmx=true',
  ];
}

/** Plugins and conf first, as the launcher orders them; the jars stay separate files (services lookup). */
export function classpath(home: string, lib: string): string {
  return [path.join(home, 'plugins', '*'), path.join(home, 'conf', '*'), path.join(lib, '*')].join(
    path.delimiter,
  );
}

/** Arguments for `java` that run the server in the foreground of its own process. */
export function serverArgs(options: { home: string; lib: string; heap: string }): string[] {
  const { home, lib, heap } = options;
  return [
    ...jvmFlags(heap),
    '-cp',
    classpath(home, lib),
    'org.neo4j.server.CommunityEntryPoint',
    `--home-dir=${home}`,
    `--config-dir=${path.join(home, 'conf')}`,
    '--console-mode',
  ];
}

/** Arguments for `java` that set the initial password of a home that has never started. */
export function setInitialPasswordArgs(options: { home: string; lib: string; password: string }): string[] {
  return [
    ...jvmFlags('256m'),
    '-cp',
    classpath(options.home, options.lib),
    'org.neo4j.cli.AdminTool',
    'dbms',
    'set-initial-password',
    // End of options, in case a user-chosen password ever starts with '-'.
    '--',
    options.password,
  ];
}
