// sandboxCommand: the exact command lines for each isolation level, as root and not.
import { describe, expect, test } from 'vitest';
import type { Interpreter } from '../../src/code/interpreters.js';
import { MAX_PROCESSES, NODE_RESERVE_MB, sandboxCommand, type SandboxTools } from '../../src/code/sandbox-command.js';
import { DEFAULT_LIMITS } from '../../src/code/types.js';

const python: Interpreter = { language: 'python', executable: '/opt/py/bin/python3.11', extraRoots: ['/opt/py'] };
const node: Interpreter = { language: 'javascript', executable: '/usr/bin/node', extraRoots: [] };
const tools = (over: Partial<SandboxTools> = {}): SandboxTools => ({
  prlimit: '/usr/bin/prlimit',
  bwrap: '/usr/bin/bwrap',
  setpriv: '/usr/bin/setpriv',
  root: true,
  mounts: [
    { path: '/usr', kind: 'dir' },
    { path: '/bin', kind: 'symlink', target: 'usr/bin' },
  ],
  ...over,
});
const input = (over: Partial<Parameters<typeof sandboxCommand>[0]> = {}) => ({
  isolation: 'bubblewrap' as const,
  interpreter: python,
  folder: '/tmp/f',
  files: ['harness.py', 'program.py'],
  argv: ['harness.py', 'add'],
  limits: DEFAULT_LIMITS,
  uid: 1234,
  processLimit: MAX_PROCESSES,
  lang: 'C.UTF-8',
  ...over,
});
const line = (command: { file: string; args: string[] }) => [command.file, ...command.args].join(' ');

describe('sandboxCommand', () => {
  test('bubblewrap as root: limits, namespaces without a user namespace, read-only system, tmpfs folder, setpriv to the uid', () => {
    const text = line(sandboxCommand(input(), tools()));
    expect(text).toMatch(/^\/usr\/bin\/prlimit --as=536870912 --fsize=\d+ --core=0 --cpu=11 --nproc=64 -- \/usr\/bin\/bwrap /);
    for (const flag of ['--unshare-net', '--unshare-pid', '--unshare-ipc', '--die-with-parent', '--new-session', '--clearenv']) expect(text).toContain(flag);
    expect(text).not.toContain('--unshare-user');
    expect(text).toContain('--ro-bind /usr /usr --symlink usr/bin /bin');
    expect(text).toContain('--ro-bind /opt/py /opt/py');
    expect(text).toContain('--tmpfs /sandbox --ro-bind /tmp/f/harness.py /sandbox/harness.py --ro-bind /tmp/f/program.py /sandbox/program.py --cap-drop');
    expect(text).toContain('--chdir /sandbox');
    expect(text).toContain('--cap-drop ALL --cap-add CAP_SETUID --cap-add CAP_SETGID --cap-add CAP_SETPCAP');
    expect(text).toMatch(/-- \/usr\/bin\/setpriv --reuid 1234 --regid 1234 --clear-groups --no-new-privs .* \/opt\/py\/bin\/python3\.11 harness\.py add$/);
  });

  test('bubblewrap as a user: a user namespace, the process limit given, no setpriv', () => {
    const text = line(sandboxCommand(input({ uid: undefined, processLimit: 300 }), tools({ root: false })));
    expect(text).toContain('--unshare-user');
    expect(text).toContain('--nproc=300 --');
    expect(text).not.toContain('setpriv');
  });

  test('as root without setpriv, bubblewrap drops every capability', () => {
    const text = line(sandboxCommand(input({ uid: undefined, processLimit: undefined }), tools({ setpriv: undefined })));
    expect(text).toContain('--cap-drop ALL --chdir');
    expect(text).not.toContain('--cap-add');
  });

  test('no process limit when none is given (root staying root)', () => {
    const text = line(sandboxCommand(input({ isolation: 'process', uid: undefined, processLimit: undefined }), tools()));
    expect(text).not.toContain('--nproc');
  });

  test('the folders above an interpreter outside /usr are made passable (bwrap would make them 0700)', () => {
    const deep: Interpreter = { language: 'python', executable: '/root/.pyenv/versions/3.11.7/bin/python3.11', extraRoots: ['/root/.pyenv/versions/3.11.7'] };
    const text = line(sandboxCommand(input({ interpreter: deep }), tools()));
    expect(text).toContain(
      '--perms 0755 --dir /root --perms 0755 --dir /root/.pyenv --perms 0755 --dir /root/.pyenv/versions --ro-bind /root/.pyenv/versions/3.11.7 /root/.pyenv/versions/3.11.7',
    );
  });

  test('the environment is PATH, HOME and LANG only, inside and outside', () => {
    const command = sandboxCommand(input(), tools());
    expect(Object.keys(command.env).sort()).toEqual(['HOME', 'LANG', 'PATH']);
    const setenv = line(command).match(/--setenv \S+/g);
    expect(setenv).toEqual(['--setenv PATH', '--setenv HOME', '--setenv LANG']);
  });

  test('process level as root: runs as the uid, through a shell that waits, with the process limit', () => {
    const command = sandboxCommand(input({ isolation: 'process' }), tools());
    expect(command.spawnUid).toBe(1234);
    expect(line(command)).toContain(`--nproc=${MAX_PROCESSES} -- /bin/sh -c "$@"; exit $? sh /opt/py/bin/python3.11 harness.py add`);
    expect(command.cwd).toBe('/tmp/f');
    expect(command.env.HOME).toBe('/tmp/f');
  });

  test('node gets its heap limit as a flag and room for what V8 reserves', () => {
    const text = line(sandboxCommand(input({ interpreter: node, argv: ['harness.cjs', ''], limits: { ...DEFAULT_LIMITS, memoryMb: 256 } }), tools()));
    expect(text).toContain(`--as=${(256 + NODE_RESERVE_MB) * 1024 * 1024}`);
    expect(text).toContain('/usr/bin/node --max-old-space-size=256 harness.cjs');
  });

  test('without prlimit the limits are set by ulimit in a shell', () => {
    const text = line(sandboxCommand(input({ isolation: 'process' }), tools({ prlimit: undefined })));
    expect(text).toMatch(/^\/bin\/sh -c ulimit -v 524288 -f 65536 -c 0 -t 11 -u 64 && exec "\$@" sh /);
  });

  test('bubblewrap without bwrap is a programming error', () => {
    expect(() => sandboxCommand(input(), tools({ bwrap: undefined }))).toThrow(/bwrap was not found/);
  });
});
